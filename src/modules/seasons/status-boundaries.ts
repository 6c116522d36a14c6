import type { Kysely, Transaction } from 'kysely';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { DB } from '../../core/db/schema.js';
import { enqueueJob } from '../../core/jobs/queue.js';
import type { JobHandler } from '../../core/jobs/worker.js';
import type { Services } from '../../core/services.js';
import { statusBoundaries } from './season-status.js';

export const STATUS_BOUNDARY_JOB = 'seasons.status-boundary';

/**
 * A season's status changes with time alone, not with a write: cached public pages (here and on
 * the home page) would keep showing "open" after the deadline. A job due at each opening and
 * closing instant clears every process's page cache then.
 */
export async function scheduleStatusBoundaries(
  trx: Transaction<DB> | Kysely<DB>,
  season: { opensAt: Date; closesAt: Date },
  now: Date,
): Promise<void> {
  for (const instant of statusBoundaries(season)) await scheduleCacheBoundary(trx, instant, now);
}

/** The same job at any instant public pages change with time alone (an embargo on laureates ends). */
export async function scheduleCacheBoundary(
  trx: Transaction<DB> | Kysely<DB>,
  instant: Date,
  now: Date,
): Promise<void> {
  if (instant.getTime() <= now.getTime()) return;
  await enqueueJob(
    trx,
    STATUS_BOUNDARY_JOB,
    { at: instant.toISOString() },
    { runAt: instant, singletonKey: `${STATUS_BOUNDARY_JOB}:${instant.toISOString()}` },
  );
}

export function statusBoundaryJob(services: Services): JobHandler {
  return async () => {
    await announcePublicChange(services.db, services);
    afterPublicChange(services);
  };
}
