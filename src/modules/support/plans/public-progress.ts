import type { Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import { confirmedLaureates } from '../../decisions/index.js';
import { setLaureateProgress } from '../../seasons/index.js';
import { progressOf } from './progress.js';

/**
 * Writes the plan's progress to the public laureate page (seasons' laureates, by the decision's public
 * reference) when staff chose to show it, or clears it: called in the transaction of every change of a
 * milestone's state or weight and of the plan's toggle. Only validated milestones count, so a future or
 * handed-in milestone never shows publicly. Returns whether the public page changed (the caller then clears
 * this process's page cache after COMMIT).
 */
export async function syncPublicProgress(trx: Transaction<DB>, services: Services, planId: string): Promise<boolean> {
  const plan = await trx
    .selectFrom('support_plans')
    .select(['application_id', 'progress_public'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) return false;
  const [laureate] = await confirmedLaureates(trx, { applicationIds: [plan.application_id] });
  if (!laureate) return false;
  let percent: number | null = null;
  if (plan.progress_public) {
    const milestones = await trx
      .selectFrom('support_milestones')
      .select(['weight', 'state'])
      .where('plan_id', '=', planId)
      .execute();
    percent = progressOf(milestones.map((m) => ({ weight: Number(m.weight), state: m.state }))).percent;
  }
  return setLaureateProgress(trx, services, laureate.publicRef, percent);
}
