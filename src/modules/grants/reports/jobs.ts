import type { JobHandler } from '../../../core/jobs/worker.js';
import type { Services } from '../../../core/services.js';

/** Reminders before a financial report is due. */
export function reportJobs(_services: Services): Record<string, JobHandler> {
  return {};
}

/** Enqueues this part's recurring jobs when a process starts its job worker (idempotent). */
export async function scheduleReportJobs(_services: Services): Promise<void> {}
