import { enqueueJob } from '../../../core/jobs/queue.js';
import type { JobHandler } from '../../../core/jobs/worker.js';
import type { Services } from '../../../core/services.js';
import { nextParisTime } from './schedule.js';
import { sendActionReminders } from './send-action-reminders.js';
import { sendWeeklyDigest } from './send-weekly-digest.js';
// The digest reads every timeline source: this part's register here, in every process that runs jobs.
import './timeline.js';

export const ACTION_REMINDERS_JOB = 'support.action-reminders';
export const WEEKLY_DIGEST_JOB = 'support.weekly-digest';
/** Reminders go out each morning, the digest on Mondays, both in Paris time. */
export const REMINDERS_AT = '07:30';
export const DIGEST_AT = '08:00';
const MONDAY = 1;

/** Enqueues the next daily reminders run (07:30 Paris); the key names the instant, so processes agree. */
export async function scheduleActionReminders(services: Pick<Services, 'db'>, now: Date): Promise<void> {
  const at = nextParisTime(now, REMINDERS_AT);
  await enqueueJob(
    services.db,
    ACTION_REMINDERS_JOB,
    {},
    { runAt: at, singletonKey: `${ACTION_REMINDERS_JOB}:${at.toISOString()}` },
  );
}

/** Enqueues the next digest (Monday 08:00 Paris). */
export async function scheduleWeeklyDigest(services: Pick<Services, 'db'>, now: Date): Promise<void> {
  const at = nextParisTime(now, DIGEST_AT, [MONDAY]);
  await enqueueJob(
    services.db,
    WEEKLY_DIGEST_JOB,
    {},
    { runAt: at, singletonKey: `${WEEKLY_DIGEST_JOB}:${at.toISOString()}` },
  );
}

/** Reminders of action items, the weekly digest to staff: each run schedules the next, even when it fails. */
export function sessionJobs(services: Services): Record<string, JobHandler> {
  return {
    [ACTION_REMINDERS_JOB]: async () => {
      try {
        await sendActionReminders(services);
      } finally {
        await scheduleActionReminders(services, services.clock.now());
      }
    },
    [WEEKLY_DIGEST_JOB]: async () => {
      try {
        await sendWeeklyDigest(services);
      } finally {
        await scheduleWeeklyDigest(services, services.clock.now());
      }
    },
  };
}

/** Enqueues this part's recurring jobs when a process starts its job worker (idempotent). */
export async function scheduleSessionJobs(services: Services): Promise<void> {
  const now = services.clock.now();
  await scheduleActionReminders(services, now);
  await scheduleWeeklyDigest(services, now);
}
