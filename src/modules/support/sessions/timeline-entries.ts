import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { type TimelineEntry, type TimelineKind, timelineSources } from '../timeline-sources.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Every kind the timeline's filter offers, in the order it shows them. */
export const TIMELINE_KINDS: readonly TimelineKind[] = [
  'message',
  'session',
  'milestone',
  'introduction',
  'grant',
  'payment',
  'report',
];

/** Kinds that only hold money matters (a grant, its payments, its financial report): offered to who may see them. */
export const GRANT_KINDS: readonly TimelineKind[] = ['grant', 'payment', 'report'];

/** `?type=` as typed (one value, several, or none): the known kinds it names, in the filter's order. */
export function parseKinds(value: string | string[] | undefined): TimelineKind[] {
  const asked = new Set(([] as string[]).concat(value ?? []));
  return TIMELINE_KINDS.filter((kind) => asked.has(kind));
}

/**
 * A laureate's timeline: the entries of every source, latest first, of the kinds asked (none: all), without
 * the entries restricted to grants when the viewer may not see them (staff without grants.manage).
 */
export async function timelineOf(
  db: Db,
  applicationId: string,
  options: { kinds: readonly TimelineKind[]; seesGrants: boolean },
): Promise<TimelineEntry[]> {
  const lists = await Promise.all(timelineSources().map((source) => source.entries(db, applicationId)));
  return lists
    .flat()
    .filter((entry) => options.kinds.length === 0 || options.kinds.includes(entry.kind))
    .filter((entry) => entry.restricted !== 'grants' || options.seesGrants)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.kind.localeCompare(b.kind));
}
