import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage } from '../../core/http/error-pages.js';
import { notFound } from '../../core/http/replies.js';
import type { IdParams } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { type ExpertRequestRecord, linkOpen, loadExpertRequestByToken } from './experts/expert-opinions.js';
import { expertMessages as em } from './experts/messages.js';
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

/**
 * An expert's link: the request if it still opens (unknown, or expired in any state: null, the same
 * answer for both, so that nothing can be probed). The link is the expert's only credential.
 */
export async function openExpertRequest(services: Services, token: string): Promise<ExpertRequestRecord | null> {
  const request = await loadExpertRequestByToken(services.db, token);
  if (!request || !linkOpen(request, services.clock.now())) return null;
  return request;
}

/** The page an expert sees for a link that does not (or no longer) open. */
export function invalidExpertLink(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendErrorPage(request, reply, 404, em.linkInvalidTitle, em.linkInvalidText);
}

/** An expert: the request behind the link of the URL, if it still opens; otherwise the invalid-link page. */
export async function expertRequestFor(
  services: Services,
  request: RequestWithParams<{ token: string }>,
  reply: FastifyReply,
): Promise<ExpertRequestRecord | null> {
  const expert = await openExpertRequest(services, request.params.token);
  if (!expert) invalidExpertLink(request, reply);
  return expert;
}
