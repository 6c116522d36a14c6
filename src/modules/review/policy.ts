import type { FastifyRequest } from 'fastify';
import { tracksInclude } from '../../core/auth/permissions.js';
import { tracksOf } from '../../core/http/request-context.js';
import type { Services } from '../../core/services.js';
import {
  type ApplicationForReview,
  applicationLabels,
  listApplicationsForReview,
  listApplicationsForReviewByIds,
} from '../applications/index.js';
import { seasonSummaries } from '../seasons/index.js';
import { REVIEWED_STATES } from './assignment.js';
import { listConflicts } from './conflicts.js';
import { type JuryMember, loadMember, memberOfUser } from './jury.js';
import { loadPhase } from './save-phase.js';
import {
  loadReviewerAssignment,
  loadReviewTarget,
  type ReviewerAssignment,
  type ReviewTarget,
} from './scoring/queries.js';
import type { SeasonRef } from './views/staff-shell.js';

/*
 * Object-level rules of the jury, written once: which season, member, phase, conflict, pair and
 * application a request may reach. Route permissions (review.manage, review.participate) are checked
 * before the handler; these loaders answer `null` when the object does not exist or is not this
 * user's to see, and the route answers 404 either way (a hidden object looks like a missing one).
 *
 * Staff limited to tracks see and change only their tracks' applications, conflicts and pairs; what
 * covers every track (members, phases, running and publishing the assignment) is marked `allTracks`
 * on the route and left to staff without a track limit.
 */

/** The season named in the URL, with its name in the request's language. */
export async function loadSeasonFor(
  services: Services,
  request: FastifyRequest,
  id: string,
): Promise<SeasonRef | null> {
  const [season] = await seasonSummaries(services.db, [id]);
  if (!season) return null;
  return { id: season.id, name: request.locale === 'en' && season.nameEn ? season.nameEn : season.name };
}

/** The season's applications with the jury that this staff member may see (only among `ids` when given). */
export async function staffApplications(
  services: Services,
  request: FastifyRequest,
  seasonId: string,
  ids?: readonly string[],
): Promise<ApplicationForReview[]> {
  const tracks = tracksOf(request);
  const applications = ids
    ? await listApplicationsForReviewByIds(services.db, seasonId, REVIEWED_STATES, ids)
    : await listApplicationsForReview(services.db, seasonId, REVIEWED_STATES);
  return applications.filter((a) => tracksInclude(tracks, a.trackCode));
}

/** Whether an application (of any state) is on a track this staff member may see. */
export async function staffSeesApplication(
  services: Services,
  request: FastifyRequest,
  applicationId: string,
): Promise<boolean> {
  const tracks = tracksOf(request);
  if (!tracks) return true;
  return tracksInclude(tracks, (await applicationLabels(services.db, [applicationId])).get(applicationId)?.trackCode);
}

/** Conflicts of the season on applications this staff member may see. */
export async function staffConflicts(services: Services, request: FastifyRequest, seasonId: string) {
  const conflicts = await listConflicts(services.db, seasonId);
  const tracks = tracksOf(request);
  if (!tracks) return conflicts;
  const labels = await applicationLabels(
    services.db,
    conflicts.map((c) => c.applicationId),
  );
  return conflicts.filter((c) => tracksInclude(tracks, labels.get(c.applicationId)?.trackCode));
}

/** An active (not removed) member of the season's jury, for staff. */
export async function loadStaffMemberFor(
  services: Services,
  request: FastifyRequest,
  params: { id: string; memberId: string },
): Promise<{ season: SeasonRef; member: JuryMember } | null> {
  const season = await loadSeasonFor(services, request, params.id);
  if (!season) return null;
  const member = await loadMember(services.db, season.id, params.memberId);
  return member && !member.removedAt ? { season, member } : null;
}

/** A review phase of the season, for staff. */
export async function loadStaffPhaseFor(
  services: Services,
  request: FastifyRequest,
  params: { id: string; phaseId: string },
) {
  const season = await loadSeasonFor(services, request, params.id);
  if (!season) return null;
  const phase = await loadPhase(services.db, season.id, params.phaseId);
  return phase ? { season, phase } : null;
}

/** The season, and the signed-in reviewer's membership of its jury: none when they are not a member. */
export async function loadReviewerSeasonFor(
  services: Services,
  request: FastifyRequest,
  seasonId: string,
): Promise<{ season: SeasonRef; member: JuryMember } | null> {
  const season = await loadSeasonFor(services, request, seasonId);
  if (!season) return null;
  const member = await memberOfUser(services.db, season.id, request.user!.id);
  return member ? { season, member } : null;
}

/** An application the reviewer may declare about: one of the season's with the jury. */
export async function loadReviewerApplicationFor(
  services: Services,
  request: FastifyRequest,
  params: { id: string; applicationId: string },
) {
  const found = await loadReviewerSeasonFor(services, request, params.id);
  if (!found) return null;
  const [application] = await listApplicationsForReviewByIds(services.db, found.season.id, REVIEWED_STATES, [
    params.applicationId,
  ]);
  return application ? { ...found, application } : null;
}

/** The signed-in reviewer's published assignment: another reviewer's is not found. */
export async function loadAssignmentFor(
  services: Services,
  request: FastifyRequest,
  assignmentId: string,
): Promise<ReviewerAssignment | null> {
  return loadReviewerAssignment(services.db, request.user!.id, assignmentId);
}

/**
 * An application reached by its id by the signed-in reviewer: assigned to them, or open to every
 * reviewer without a conflict in an 'all' phase.
 */
export async function loadReviewTargetFor(
  services: Services,
  request: FastifyRequest,
  applicationId: string,
): Promise<ReviewTarget | null> {
  return loadReviewTarget(services.db, request.user!.id, applicationId, services.clock.now());
}
