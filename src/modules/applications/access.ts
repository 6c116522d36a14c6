import type { FastifyReply } from 'fastify';
import { notFound } from '../../core/http/replies.js';
import type { IdParams } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { canInstruct } from './policy.js';
import { type ApplicationRecord, loadApplication, loadApplicationFor } from './queries.js';
import type { RequestWithParams } from './schemas.js';

/**
 * The application a route is about, loaded with its access rule once for every route. Each loader either
 * gives the row or has already answered 404 and gives null (the route then returns): an application one
 * may not see is answered as one that does not exist, so that ids cannot be probed.
 */
type ApplicationRequest = RequestWithParams<IdParams>;

/** Staff: the application of the URL, if it is in a track the person instructs (see policy.canInstruct). */
export async function applicationForStaff(
  services: Services,
  request: ApplicationRequest,
  reply: FastifyReply,
): Promise<ApplicationRecord | null> {
  const application = await loadApplication(services.db, request.params.id);
  if (application && canInstruct(request.user, application)) return application;
  notFound(request, reply);
  return null;
}

/** An applicant: the application of the URL, if the person owns it or was invited to it. */
export async function applicationForApplicant(
  services: Services,
  request: ApplicationRequest,
  reply: FastifyReply,
): Promise<ApplicationRecord | null> {
  const application = request.user ? await loadApplicationFor(services.db, request.params.id, request.user) : null;
  if (application) return application;
  notFound(request, reply);
  return null;
}
