import type { FastifyReply, FastifyRequest } from 'fastify';
import { tracksInclude } from '../../../core/auth/permissions.js';
import { notFound } from '../../../core/http/replies.js';
import { tracksOf } from '../../../core/http/request-context.js';
import type { Services } from '../../../core/services.js';
import { type LaureateRecord, loadLaureates } from '../../seasons/index.js';
import { type LaureateSpace, spaceForTeam } from '../../support/index.js';
import {
  type Indicator,
  indicatorById,
  type ReportedValue,
  type Testimony,
  testimonyById,
  valueById,
} from './queries.js';

/**
 * Who reaches which impact record. Staff: those whose tracks include the laureate's (a hand-typed laureate of
 * an earlier season has no track: staff with every track). The team: through its laureate space (support's
 * rule), and only the records of its own laureate. Anything else answers the 404 of a record that does not
 * exist.
 */

type WithId = FastifyRequest & { params: { id: string } };

/** The published laureate record of a space (decisions' public reference), or null before publication. */
export async function laureateOfSpace(services: Services, space: LaureateSpace): Promise<LaureateRecord | null> {
  const laureates = await loadLaureates(services.db, { seasonId: space.laureate.seasonId });
  return laureates.find((l) => l.applicationRef === space.laureate.publicRef) ?? null;
}

/** The team's space named by `:id` with its laureate record (null before publication); else 404 sent. */
export async function teamImpact(
  services: Services,
  request: WithId,
  reply: FastifyReply,
): Promise<{ space: LaureateSpace; laureate: LaureateRecord | null } | null> {
  const space = await spaceForTeam(services, request, reply);
  if (!space) return null;
  return { space, laureate: await laureateOfSpace(services, space) };
}

function staffMaySee(request: FastifyRequest, laureate: LaureateRecord): boolean {
  return tracksInclude(tracksOf(request), laureate.trackCode || undefined);
}

/** A laureate record by id, if the staff member's tracks include it. */
export async function laureateForStaff(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<LaureateRecord | null> {
  const [laureate] = await loadLaureates(services.db, { id });
  if (!laureate || !staffMaySee(request, laureate)) {
    notFound(request, reply);
    return null;
  }
  return laureate;
}

/** The indicator named by `:id` with its laureate, for staff; else 404 sent. */
export async function indicatorForStaff(
  services: Services,
  request: WithId,
  reply: FastifyReply,
): Promise<{ indicator: Indicator; laureate: LaureateRecord } | null> {
  const indicator = await indicatorById(services.db, request.params.id);
  if (!indicator) {
    notFound(request, reply);
    return null;
  }
  const laureate = await laureateForStaff(services, request, reply, indicator.laureateId);
  return laureate ? { indicator, laureate } : null;
}

/** The value named by `:id` with its indicator and laureate, for staff; else 404 sent. */
export async function valueForStaff(
  services: Services,
  request: WithId,
  reply: FastifyReply,
): Promise<{ value: ReportedValue; indicator: Indicator; laureate: LaureateRecord } | null> {
  const value = await valueById(services.db, request.params.id);
  const indicator = value ? await indicatorById(services.db, value.indicatorId) : null;
  if (!value || !indicator) {
    notFound(request, reply);
    return null;
  }
  const laureate = await laureateForStaff(services, request, reply, indicator.laureateId);
  return laureate ? { value, indicator, laureate } : null;
}

/** The testimony named by `:id` with its laureate, for staff; else 404 sent. */
export async function testimonyForStaff(
  services: Services,
  request: WithId,
  reply: FastifyReply,
): Promise<{ testimony: Testimony; laureate: LaureateRecord } | null> {
  const testimony = await testimonyById(services.db, request.params.id);
  if (!testimony) {
    notFound(request, reply);
    return null;
  }
  const laureate = await laureateForStaff(services, request, reply, testimony.laureateId);
  return laureate ? { testimony, laureate } : null;
}

/** An indicator of the team's laureate (not archived), or null. */
export async function teamIndicator(
  services: Services,
  laureate: LaureateRecord | null,
  indicatorId: string,
): Promise<Indicator | null> {
  if (!laureate) return null;
  const indicator = await indicatorById(services.db, indicatorId);
  return indicator && indicator.laureateId === laureate.id && !indicator.archivedAt ? indicator : null;
}

/** A value of the team's laureate, with its indicator, or null. */
export async function teamValue(
  services: Services,
  laureate: LaureateRecord | null,
  valueId: string,
): Promise<{ value: ReportedValue; indicator: Indicator } | null> {
  if (!laureate) return null;
  const value = await valueById(services.db, valueId);
  const indicator = value ? await indicatorById(services.db, value.indicatorId) : null;
  return value && indicator && indicator.laureateId === laureate.id ? { value, indicator } : null;
}
