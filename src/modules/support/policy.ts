import type { FastifyReply, FastifyRequest } from 'fastify';
import { tracksInclude } from '../../core/auth/permissions.js';
import { notFound } from '../../core/http/replies.js';
import { tracksOf } from '../../core/http/request-context.js';
import type { Services } from '../../core/services.js';
import { applicationOfApplicant } from '../applications/index.js';
import { type LaureateSpace, laureateSpace } from './laureate-space.js';

/**
 * Who may see a laureate space. The team: the application's owner and its co-applicants (the same rule as
 * for the application itself); staff: those whose tracks include the laureate's. Anyone else gets the 404 of
 * a space that does not exist, so a URL does not tell whether an application is a laureate.
 */

/** The space named by `:id` (an application's id) if the signed-in person is one of its team; else 404 sent. */
export async function spaceForTeam(
  services: Services,
  request: FastifyRequest & { params: { id: string } },
  reply: FastifyReply,
): Promise<LaureateSpace | null> {
  const user = request.user;
  const application = user ? await applicationOfApplicant(services.db, request.params.id, user) : null;
  const space = application ? await laureateSpace(services.db, application.id) : null;
  if (!space) {
    notFound(request, reply);
    return null;
  }
  return space;
}

/** The space named by `:id` if the staff member's tracks include the laureate's; else 404 sent. */
export async function spaceForStaff(
  services: Services,
  request: FastifyRequest & { params: { id: string } },
  reply: FastifyReply,
): Promise<LaureateSpace | null> {
  const space = await laureateSpace(services.db, request.params.id);
  if (!space || !tracksInclude(tracksOf(request), space.application.trackCode)) {
    notFound(request, reply);
    return null;
  }
  return space;
}
