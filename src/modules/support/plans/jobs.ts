import type { JobHandler } from '../../../core/jobs/worker.js';
import type { Services } from '../../../core/services.js';

/** The plans' jobs (milestone reminders). */
export function planJobs(_services: Services): Record<string, JobHandler> {
  return {};
}

/** Enqueues this part's recurring jobs when a process starts its job worker (idempotent). */
export async function schedulePlanJobs(_services: Services): Promise<void> {}
