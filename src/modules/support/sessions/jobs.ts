import type { JobHandler } from '../../../core/jobs/worker.js';
import type { Services } from '../../../core/services.js';

/** Reminders of action items, the weekly digest to staff. */
export function sessionJobs(_services: Services): Record<string, JobHandler> {
  return {};
}

/** Enqueues this part's recurring jobs when a process starts its job worker (idempotent). */
export async function scheduleSessionJobs(_services: Services): Promise<void> {}
