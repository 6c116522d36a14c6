import type { FastifyRequest } from 'fastify';
import { coversTrack } from '../../core/auth/permissions.js';
import type { Services } from '../../core/services.js';
import { type LaureateRecord, loadLaureates, loadSeasons, type SeasonRecord } from './queries.js';

/*
 * Object-level rules of seasons and laureates, written once. Route permissions (staff.area,
 * seasons.manage, public) are checked before the handler.
 */

/** The season named in the URL, or null. */
export async function loadSeasonFor(services: Services, id: string): Promise<SeasonRecord | null> {
  const [season] = await loadSeasons(services.db, { id });
  return season ?? null;
}

/**
 * A staff member limited to some tracks manages only those tracks' laureates; a whole season (its dates,
 * tracks and criteria concern every track) is created and changed only with rights on every track, which
 * the app checks for the routes marked `allTracks`.
 */
export function mayManageTrack(request: FastifyRequest, trackCode: string): boolean {
  return coversTrack(request.user, trackCode);
}

/**
 * A laureate of the season named in the URL, for staff: 'not-found' when the season or the laureate does
 * not exist, 'forbidden' when it is on a track the staff member does not manage.
 */
export async function loadLaureateFor(
  services: Services,
  request: FastifyRequest,
  params: { id: string; laureateId: string },
): Promise<{ season: SeasonRecord; laureate: LaureateRecord } | 'not-found' | 'forbidden'> {
  const found = await loadLaureateOrGoneFor(services, request, params);
  if (typeof found === 'string') return found;
  const { season, laureate } = found;
  return laureate ? { season, laureate } : 'not-found';
}

/**
 * The same for deleting: a laureate already deleted comes back as `null` with its season, so that
 * deleting twice (a double click) lands on the same page.
 */
export async function loadLaureateOrGoneFor(
  services: Services,
  request: FastifyRequest,
  params: { id: string; laureateId: string },
): Promise<{ season: SeasonRecord; laureate: LaureateRecord | null } | 'not-found' | 'forbidden'> {
  const season = await loadSeasonFor(services, params.id);
  if (!season) return 'not-found';
  const [laureate] = await loadLaureates(services.db, { seasonId: season.id, id: params.laureateId });
  if (laureate && !mayManageTrack(request, laureate.trackCode)) return 'forbidden';
  return { season, laureate: laureate ?? null };
}
