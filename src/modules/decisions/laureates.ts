import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A laureate who confirmed its place: what the support and grants modules start from. */
export interface ConfirmedLaureate {
  applicationId: string;
  seasonId: string;
  /** The amount the deliberation decided, in cents (null when none was set). */
  decidedCents: number | null;
  confirmedAt: Date;
  /** The random public reference of the application in what the decision published. */
  publicRef: string;
}

/**
 * Laureates whose place is confirmed and still held (not declined or lapsed afterwards), of a season or of
 * every season (or with these public references: the public laureate records'), oldest confirmation first. A laureate who never confirmed has no support space: its place
 * may still go to the waiting list.
 */
export async function confirmedLaureates(
  db: Db,
  filter: { seasonId?: string; applicationIds?: readonly string[]; publicRefs?: readonly string[] } = {},
): Promise<ConfirmedLaureate[]> {
  if (filter.applicationIds && filter.applicationIds.length === 0) return [];
  if (filter.publicRefs && filter.publicRefs.length === 0) return [];
  let query = db
    .selectFrom('decisions as d')
    .innerJoin('deliberations as l', 'l.id', 'd.deliberation_id')
    .select(['d.application_id', 'l.season_id', 'd.amount_cents', 'd.confirmed_at', 'd.public_ref'])
    .where('d.outcome', '=', 'laureate')
    .where('d.confirmed_at', 'is not', null)
    .where('d.declined_at', 'is', null)
    .where('d.lapsed_at', 'is', null);
  if (filter.seasonId) query = query.where('l.season_id', '=', filter.seasonId);
  if (filter.applicationIds) query = query.where('d.application_id', 'in', filter.applicationIds);
  if (filter.publicRefs) query = query.where('d.public_ref', 'in', filter.publicRefs);
  const rows = await query.orderBy('d.confirmed_at').orderBy('d.application_id').execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    seasonId: r.season_id,
    decidedCents: r.amount_cents === null ? null : Number(r.amount_cents),
    confirmedAt: new Date(r.confirmed_at as Date),
    publicRef: r.public_ref,
  }));
}

/** One application's confirmed laureate record, or null (not a laureate, not confirmed, or gave up its place). */
export async function confirmedLaureate(db: Db, applicationId: string): Promise<ConfirmedLaureate | null> {
  const [found] = await confirmedLaureates(db, { applicationIds: [applicationId] });
  return found ?? null;
}
