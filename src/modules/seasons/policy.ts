import type { FastifyRequest } from 'fastify';
import { coversTrack } from '../../core/auth/permissions.js';
import type { Services } from '../../core/services.js';
import { loadSeasons, type SeasonRecord } from './queries.js';

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
