import { auditedTransaction, systemActor } from '../../core/audit/audit.js';
import type { JobHandler } from '../../core/jobs/worker.js';
import type { Services } from '../../core/services.js';

export const DELETE_DEMOGRAPHICS_JOB = 'panel.delete-demographics';

/** Deletes every demographic answer whose `delete_after` has passed (scheduled at that date for each panel). */
export async function deleteExpiredDemographics(services: Services): Promise<number> {
  const now = services.clock.now();
  return auditedTransaction(services.db, systemActor, now, async (trx, audit) => {
    const deleted = await trx.deleteFrom('panel_demographics').where('delete_after', '<=', now).returning('panel_id').execute();
    if (deleted.length === 0) return 0;
    const perPanel = new Map<string, number>();
    for (const { panel_id } of deleted) perPanel.set(panel_id, (perPanel.get(panel_id) ?? 0) + 1);
    for (const [panel, count] of perPanel) await audit({ action: 'panel.demographics-deleted', subjectType: 'panel', subjectId: panel, summary: { count } });
    return deleted.length;
  });
}

export function deleteDemographicsJob(services: Services): JobHandler {
  return async () => {
    await deleteExpiredDemographics(services);
  };
}
