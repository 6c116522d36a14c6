import { auditedTransaction, systemActor } from '../../core/audit/audit.js';
import { enqueueAtNextPeriod } from '../../core/jobs/queue.js';
import type { JobHandler } from '../../core/jobs/worker.js';
import type { Services } from '../../core/services.js';
import { withdrawExpiredPools } from './withdraw-pool.js';

export const DELETE_DEMOGRAPHICS_JOB = 'panel.delete-demographics';
export const SWEEP_DEMOGRAPHICS_JOB = 'panel.sweep-demographics';
const DAY_MS = 24 * 3600_000;

/**
 * Deletes every demographic answer whose `delete_after` has passed, and withdraws the published pool
 * file of every panel past its deletion date (withdraw-pool.ts): after that date nothing stored or
 * published holds a person's answers. Idempotent: a second run finds nothing and audits nothing.
 */
export async function deleteExpiredDemographics(services: Services): Promise<number> {
  const now = services.clock.now();
  return auditedTransaction(services.db, systemActor, now, async (trx, audit) => {
    const deleted = await trx
      .deleteFrom('panel_demographics')
      .where('delete_after', '<=', now)
      .returning('panel_id')
      .execute();
    const perPanel = new Map<string, number>();
    for (const { panel_id } of deleted) perPanel.set(panel_id, (perPanel.get(panel_id) ?? 0) + 1);
    for (const [panel, count] of perPanel)
      await audit({ action: 'panel.demographics-deleted', subjectType: 'panel', subjectId: panel, summary: { count } });
    await withdrawExpiredPools(trx, audit, now);
    return deleted.length;
  });
}

/** The deletion scheduled at each panel's date (register-volunteer.ts enqueues it). */
export function deleteDemographicsJob(services: Services): JobHandler {
  return async () => {
    await deleteExpiredDemographics(services);
  };
}

/** Enqueues the sweep due at the next midnight UTC: one per day whatever the number of processes. */
export async function scheduleDemographicsSweep(services: Pick<Services, 'db'>, now: Date): Promise<void> {
  await enqueueAtNextPeriod(services.db, SWEEP_DEMOGRAPHICS_JOB, DAY_MS, now);
}

/**
 * The daily sweep: the per-panel job runs once, and a job that failed for good (or was lost) would
 * leave answers forever; the sweep deletes whatever is past its date, then schedules the next day's.
 */
export function sweepDemographicsJob(services: Services): JobHandler {
  return async () => {
    try {
      await deleteExpiredDemographics(services);
    } finally {
      await scheduleDemographicsSweep(services, services.clock.now());
    }
  };
}
