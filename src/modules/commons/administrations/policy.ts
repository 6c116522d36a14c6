import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CurrentUser, hasPermission } from '../../../core/auth/permissions.js';
import { notFound } from '../../../core/http/replies.js';
import type { Services } from '../../../core/services.js';
import { isAdministrationMember } from '../membership.js';
import { type Administration, administrationById, administrationBySlug, mergeTarget } from './queries.js';

export const PUBLIC_PATH = '/cooperation/administrations';
export const STAFF_PATH = '/admin/cooperation/administrations';

export const administrationHref = (slug: string) => `${PUBLIC_PATH}/${slug}`;
export const staffAdministrationHref = (id: string) => `${STAFF_PATH}/${id}`;

/** Staff of the cooperation space: they moderate every administration. */
export function isCooperationStaff(user: CurrentUser | null): boolean {
  return hasPermission(user, 'commons.moderate');
}

export interface AdministrationAccess {
  administration: Administration;
  /** The reader is one of its members. */
  member: boolean;
  /** The reader is staff of the space. */
  staff: boolean;
}

/**
 * The administration a public URL names (`:slug`), with the reader's rights on it; else the answer is sent
 * and null returned. A merged administration's page redirects (301) to the one it was merged into, keeping
 * the rest of the path (a form posted there answers 404: the form was read on an old page). A hidden one is
 * seen by its members and staff only; `manage` pages (members, services, edition) by them only: anyone else
 * gets 404, like an administration that does not exist.
 */
export async function loadAdministration(
  services: Services,
  request: FastifyRequest & { params: { slug: string } },
  reply: FastifyReply,
  options: { manage: boolean },
): Promise<AdministrationAccess | null> {
  const found = await administrationBySlug(services.db, request.params.slug);
  if (!found) {
    notFound(request, reply);
    return null;
  }
  if (found.mergedInto) {
    const target = await mergeTarget(services.db, found);
    if (request.method !== 'GET' || target.mergedInto || target.id === found.id) {
      notFound(request, reply);
      return null;
    }
    const [path, query] = request.url.split('?');
    const rest = path.slice(administrationHref(found.slug).length);
    reply.redirect(`${administrationHref(target.slug)}${rest}${query ? `?${query}` : ''}`, 301);
    return null;
  }
  const user = request.user;
  const staff = isCooperationStaff(user);
  const member = user ? await isAdministrationMember(services.db, found.id, user.id) : false;
  if ((found.hidden || options.manage) && !member && !staff) {
    notFound(request, reply);
    return null;
  }
  return { administration: found, member, staff };
}

/** The administration a staff URL names (`:id`), merged and hidden ones included; else 404 sent and null. */
export async function administrationForStaff(
  services: Services,
  request: FastifyRequest & { params: { id: string } },
  reply: FastifyReply,
): Promise<Administration | null> {
  const found = await administrationById(services.db, request.params.id);
  if (!found) {
    notFound(request, reply);
    return null;
  }
  return found;
}
