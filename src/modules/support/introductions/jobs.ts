import { enqueueAtNextPeriod } from '../../../core/jobs/queue.js';
import type { JobHandler } from '../../../core/jobs/worker.js';
import type { Services } from '../../../core/services.js';
import { followUpIntroductions } from './follow-up-introductions.js';
// Mail templates register on import: the process running the jobs knows them.
import './mails.js';

export const INTRODUCTION_FOLLOW_UP_JOB = 'support.introduction-follow-up';
const DAY_MS = 24 * 3600_000;

/** Asking the team how an introduction went: a daily sweep that schedules the next day's run. */
export function introductionJobs(services: Services): Record<string, JobHandler> {
  return {
    [INTRODUCTION_FOLLOW_UP_JOB]: async () => {
      try {
        await followUpIntroductions(services);
      } finally {
        await scheduleIntroductionJobs(services);
      }
    },
  };
}

/** Enqueues the sweep due at the next midnight UTC: one per day whatever the number of processes (idempotent). */
export async function scheduleIntroductionJobs(services: Services): Promise<void> {
  await enqueueAtNextPeriod(services.db, INTRODUCTION_FOLLOW_UP_JOB, DAY_MS, services.clock.now());
}
