import { type Kysely, sql } from 'kysely';
import { enqueueAtNextPeriod } from '../jobs/queue.js';
import type { DB } from './schema.js';

/**
 * Upkeep the embedded database needs and a PostgreSQL server does by itself. PGlite runs no autovacuum: left alone,
 * its planner never gets table statistics, dead rows (jobs done, sessions ended, drafts autosaved) are never
 * reclaimed, and old rows are never frozen, which PostgreSQL needs before its transaction counter wraps around
 * (https://www.postgresql.org/docs/current/routine-vacuuming.html). One VACUUM (ANALYZE) a night does all three.
 */

export const EMBEDDED_UPKEEP_JOB = 'db.embedded_upkeep';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Enqueues the upkeep due at the next UTC midnight (night in Europe/Paris). */
export async function scheduleEmbeddedUpkeep(db: Kysely<DB>, now: Date): Promise<void> {
  await enqueueAtNextPeriod(db, EMBEDDED_UPKEEP_JOB, DAY_MS, now);
}

/**
 * The nightly job on the embedded database: reclaims dead rows and refreshes the statistics (VACUUM cannot run in a
 * transaction, and job handlers run outside one), then schedules the next night's.
 */
export function embeddedUpkeepJob(db: Kysely<DB>, now: () => Date, log?: { info(obj: object, msg: string): void }) {
  return async (): Promise<void> => {
    const started = Date.now();
    await sql`vacuum (analyze)`.execute(db);
    log?.info({ ms: Date.now() - started }, 'embedded database vacuumed and analysed');
    await scheduleEmbeddedUpkeep(db, now());
  };
}
