import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CurrentUser, hasPermission } from '../../../core/auth/permissions.js';
import { notFound } from '../../../core/http/replies.js';
import { isUuid } from '../../../core/ids.js';
import type { Services } from '../../../core/services.js';
import { seesMembersOnly } from '../membership.js';
import { type ExperimentDetail, experimentDetail, isParty } from './queries.js';

/**
 * Who may do what with an experiment:
 * - anyone reads a public experiment whose commons is not hidden; one reserved to members is read by the
 *   space's members (`seesMembersOnly`: partners and staff) and by its parties;
 * - its parties (members of its administrations, maintainers of its commons) and staff edit it, move its
 *   milestones up to "submitted", add people and documents;
 * - staff (`commons.moderate`) validate a submitted milestone or return it with a comment.
 * Anyone else is answered 404, as if it did not exist.
 */
export interface ExperimentAccess {
  experiment: ExperimentDetail;
  party: boolean;
  staff: boolean;
  /** Party or staff: may edit, move milestones (parties), add people and documents. */
  canEdit: boolean;
}

export function isCooperationStaff(user: CurrentUser | null): boolean {
  return hasPermission(user, 'commons.moderate');
}

/** The access a person has to an experiment, or null when they may not see it. */
export async function accessTo(
  services: Services,
  user: CurrentUser | null,
  experimentId: string,
): Promise<ExperimentAccess | null> {
  if (!isUuid(experimentId)) return null;
  const experiment = await experimentDetail(services.db, experimentId);
  if (!experiment) return null;
  const staff = isCooperationStaff(user);
  const party = user ? await isParty(services.db, experiment.id, user.id) : false;
  const openToAll = experiment.visibility === 'public' && !experiment.commons.hidden;
  const openToMembers = experiment.visibility === 'members' && !experiment.commons.hidden && seesMembersOnly(user);
  if (!(staff || party || openToAll || openToMembers)) return null;
  return { experiment, party, staff, canEdit: party || staff };
}

/** The experiment `:id` names, for a reader; 404 sent (and null) when they may not see it. */
export async function experimentForReader(
  services: Services,
  request: FastifyRequest & { params: { id: string } },
  reply: FastifyReply,
): Promise<ExperimentAccess | null> {
  const access = await accessTo(services, request.user, request.params.id);
  if (!access) notFound(request, reply);
  return access;
}

/** The experiment `:id` names, for a party or staff; 404 sent (and null) for anyone else. */
export async function experimentForEditor(
  services: Services,
  request: FastifyRequest & { params: { id: string } },
  reply: FastifyReply,
): Promise<ExperimentAccess | null> {
  const access = await accessTo(services, request.user, request.params.id);
  if (!access?.canEdit) {
    notFound(request, reply);
    return null;
  }
  return access;
}
