import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { seasonClosesAt } from '../../seasons/season-lookups.js';
import { closedFrom } from '../../seasons/season-status.js';

/**
 * The first instant at which the season's call is closed. A request counts by the time it
 * ARRIVED (taken before any lock or queue), so an applicant who pressed "submit" at 23:59:59
 * is not refused because the server was busy.
 */
export async function callClosesAt(db: Kysely<DB> | Transaction<DB>, seasonId: string): Promise<CallClosing> {
  const closesAt = await seasonClosesAt(db, seasonId);
  if (!closesAt) throw new Error(`no season ${seasonId}`);
  return callClosing(closesAt);
}

export interface CallClosing {
  closesAt: Date;
  closedFrom: Date;
}

/** The closing of a call whose deadline is already known (read with the application's lock). */
export function callClosing(closesAt: Date): CallClosing {
  return { closesAt, closedFrom: closedFrom(closesAt) };
}

export function isOnTime(arrivedAt: Date, closed: { closedFrom: Date }): boolean {
  return arrivedAt.getTime() < closed.closedFrom.getTime();
}
