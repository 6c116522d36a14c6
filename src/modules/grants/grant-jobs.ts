import type { JobHandler } from '../../core/jobs/worker.js';
import type { Services } from '../../core/services.js';

/** The grants' own jobs. */
export function grantJobs(_services: Services): Record<string, JobHandler> {
  return {};
}

/** Enqueues the grants' recurring jobs when a process starts its job worker (idempotent). */
export async function scheduleGrantJobs(_services: Services): Promise<void> {}
