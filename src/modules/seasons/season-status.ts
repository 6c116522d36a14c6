/**
 * Where a season stands: a draft until staff publish it, then derived from its dates and the clock (never
 * stored). Only a published season's call can be open.
 */
export type SeasonStatus = 'draft' | 'upcoming' | 'open' | 'closed';
export const SEASON_STATUSES: readonly SeasonStatus[] = ['draft', 'upcoming', 'open', 'closed'];

/**
 * closes_at is the last second of the call (23:59:59): the whole of that second still counts,
 * so a form sent at 23:59:59.900 is on time and one sent at 00:00:00 is not.
 */
export function closedFrom(closesAt: Date): Date {
  return new Date(Math.floor(closesAt.getTime() / 1000) * 1000 + 1000);
}

export function seasonStatus(
  season: { opensAt: Date; closesAt: Date; publishedAt: Date | null },
  now: Date,
): SeasonStatus {
  if (season.publishedAt === null) return 'draft';
  return callStatus(season, now);
}

/** Where the call stands by its dates alone, published or not (what publishing it now would make it). */
export function callStatus(season: { opensAt: Date; closesAt: Date }, now: Date): Exclude<SeasonStatus, 'draft'> {
  if (now.getTime() < season.opensAt.getTime()) return 'upcoming';
  if (now.getTime() < closedFrom(season.closesAt).getTime()) return 'open';
  return 'closed';
}

/** The instants at which a season's status changes (to refresh cached pages then). */
export function statusBoundaries(season: { opensAt: Date; closesAt: Date }): Date[] {
  return [season.opensAt, closedFrom(season.closesAt)];
}
