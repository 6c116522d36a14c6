import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../../core/http/replies.js';
import type { Services } from '../../../core/services.js';
import { seesMembersOnly } from '../membership.js';
import { type Contact, contactById, partyOf } from './exchange.js';
import { type CommonsRow, commonsBySlug, mergedTarget, type NeedRow, needById, needVisible } from './queries.js';

/**
 * The objects this part's URLs name, loaded with their rule once: a hidden commons or need, a members-only
 * need shown to someone outside the space, or a contact to anyone but its parties answers 404, like one that
 * does not exist. A merged commons sends to the commons it was merged into.
 */

type Request = FastifyRequest & { params: unknown };

/** The commons of `/cooperation/communs/:slug/<suffix>`, or null with the reply sent (404, or a redirect). */
export async function commonsForViewer(
  services: Services,
  request: Request & { params: { slug: string } },
  reply: FastifyReply,
  suffix: string,
): Promise<CommonsRow | null> {
  const commons = await commonsBySlug(services.db, request.params.slug);
  if (!commons || commons.hidden) {
    await notFound(request, reply);
    return null;
  }
  if (commons.mergedInto) {
    const target = await mergedTarget(services.db, commons);
    if (!target || target.hidden) await notFound(request, reply);
    else await reply.redirect(`/cooperation/communs/${target.slug}${suffix}`, 303);
    return null;
  }
  return commons;
}

/** The need of `/cooperation/besoins/:id/…` if the viewer may read it, or null with a 404 sent. */
export async function needForViewer(
  services: Services,
  request: Request & { params: { id: string } },
  reply: FastifyReply,
): Promise<NeedRow | null> {
  const need = await needById(services.db, request.params.id);
  if (!need || !needVisible(need, seesMembersOnly(request.user))) {
    await notFound(request, reply);
    return null;
  }
  return need;
}

/** The contact of `/cooperation/contacts/:id` for its sender or one of its recipients; 404 to anyone else. */
export async function contactForParty(
  services: Services,
  request: Request & { params: { id: string } },
  reply: FastifyReply,
): Promise<{ contact: Contact; party: 'sender' | 'recipient' } | null> {
  const contact = request.user ? await contactById(services.db, request.params.id) : undefined;
  const party = contact && request.user ? partyOf(contact, request.user.id) : null;
  if (!contact || !party) {
    await notFound(request, reply);
    return null;
  }
  return { contact, party };
}
