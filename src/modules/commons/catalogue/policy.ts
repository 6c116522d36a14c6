import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CurrentUser, hasPermission } from '../../../core/auth/permissions.js';
import { sendErrorPage } from '../../../core/http/error-pages.js';
import { httpMessages } from '../../../core/http/errors.js';
import { notFound } from '../../../core/http/replies.js';
import type { Services } from '../../../core/services.js';
import { isMaintainer } from '../membership.js';
import { type Commons, commonsById, commonsBySlug } from './queries.js';

/**
 * Who may do what with a commons. Anyone reads a visible commons; a hidden one is not there for the public
 * (404) but its maintainers and staff see it with a notice; a merged one redirects to the one it was merged
 * into. Its maintainers and staff (commons.moderate) edit it and its maintainers; others are refused (403)
 * when they can see it, or told it does not exist (404) when they cannot.
 */

export function isStaff(user: CurrentUser | null): boolean {
  return hasPermission(user, 'commons.moderate');
}

export async function mayEdit(services: Services, user: CurrentUser | null, commons: Commons): Promise<boolean> {
  if (!user) return false;
  return isStaff(user) || (await isMaintainer(services.db, commons.id, user.id));
}

/** Where a merged commons leads: the end of its chain of merges (a few steps at most), or undefined. */
async function mergedTarget(services: Services, commons: Commons): Promise<Commons | undefined> {
  let current: Commons | undefined = commons;
  for (let step = 0; step < 5 && current?.merged_into; step++)
    current = await commonsById(services.db, current.merged_into);
  return current && !current.merged_into ? current : undefined;
}

export type PublicLoad = { commons: Commons; canEdit: boolean };

/**
 * The commons of a public page, or the reply already sent: 404 (unknown, or hidden from this person) or 301 to
 * the commons it was merged into, at the same sub-address (`suffix`).
 */
export async function loadCommonsForReader(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  suffix = '',
): Promise<PublicLoad | undefined> {
  const commons = await commonsBySlug(services.db, slug);
  if (!commons) {
    notFound(request, reply);
    return undefined;
  }
  if (commons.merged_into) {
    const target = await mergedTarget(services, commons);
    if (!target) notFound(request, reply);
    else reply.redirect(`/cooperation/communs/${target.slug}${suffix}`, 301);
    return undefined;
  }
  const canEdit = await mayEdit(services, request.user, commons);
  if (commons.hidden && !canEdit) {
    notFound(request, reply);
    return undefined;
  }
  return { commons, canEdit };
}

/** The commons of an editing page: only its maintainers and staff get it; 404 or 403 otherwise (reply sent). */
export async function loadCommonsForEditor(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  suffix: string,
): Promise<Commons | undefined> {
  const loaded = await loadCommonsForReader(services, request, reply, slug, suffix);
  if (!loaded) return undefined;
  if (!loaded.canEdit) {
    sendErrorPage(request, reply, 403, httpMessages.forbiddenTitle, httpMessages.forbiddenText);
    return undefined;
  }
  return loaded.commons;
}
