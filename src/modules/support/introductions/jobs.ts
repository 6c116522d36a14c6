import type { JobHandler } from '../../../core/jobs/worker.js';
import type { Services } from '../../../core/services.js';

/** Asking the team how an introduction went. */
export function introductionJobs(_services: Services): Record<string, JobHandler> {
  return {};
}

/** Enqueues this part's recurring jobs when a process starts its job worker (idempotent). */
export async function scheduleIntroductionJobs(_services: Services): Promise<void> {}
