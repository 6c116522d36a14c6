import { enqueueAtNextPeriod } from '../../../core/jobs/queue.js';
import type { JobHandler } from '../../../core/jobs/worker.js';
import type { Services } from '../../../core/services.js';
import { followUpContacts } from './follow-up-contacts.js';
// Mail templates register on import: the process running the jobs knows them.
import './mails.js';

export const CONTACT_FOLLOW_UP_JOB = 'commons.contact-follow-up';
const DAY_MS = 24 * 3600_000;

/** Asking senders what came of their contacts: a daily sweep that schedules the next day's run. */
export function matchingJobs(services: Services): Record<string, JobHandler> {
  return {
    [CONTACT_FOLLOW_UP_JOB]: async () => {
      try {
        await followUpContacts(services);
      } finally {
        await scheduleMatchingJobs(services);
      }
    },
  };
}

/** Enqueues the sweep due at the next midnight UTC: one per day whatever the number of processes (idempotent). */
export async function scheduleMatchingJobs(services: Services): Promise<void> {
  await enqueueAtNextPeriod(services.db, CONTACT_FOLLOW_UP_JOB, DAY_MS, services.clock.now());
}
