import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import { syncPublicProgress } from './public-progress.js';

export interface MilestoneInput {
  title: string;
  description: string;
  dueOn: string;
  /** 1–100: its share of the plan's progress. */
  weight: number;
}

export type SaveMilestoneResult = { ok: true; milestoneId: string } | { ok: false; problem: 'not_found' | 'conflict' };

/**
 * Staff add a milestone to a plan (milestoneId null) or edit one, with the version the form was read at.
 * A weight change moves the progress, so the public page is updated in the same transaction.
 */
export async function saveMilestone(
  services: Services,
  actor: Actor,
  input: { planId: string; milestoneId: string | null; version?: number; milestone: MilestoneInput },
): Promise<SaveMilestoneResult> {
  const now = services.clock.now();
  let publicChanged = false;
  const { milestone } = input;
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveMilestoneResult> => {
    const plan = await trx
      .selectFrom('support_plans')
      .select(['id', 'application_id'])
      .where('id', '=', input.planId)
      .executeTakeFirst();
    if (!plan) return { ok: false, problem: 'not_found' };
    let milestoneId = input.milestoneId;
    if (milestoneId) {
      const updated = await trx
        .updateTable('support_milestones')
        .set((eb) => ({
          title: milestone.title,
          description: milestone.description,
          due_on: milestone.dueOn,
          weight: milestone.weight,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', milestoneId)
        .where('plan_id', '=', plan.id)
        .where('version', '=', input.version ?? -1)
        .returning('id')
        .executeTakeFirst();
      if (!updated) return { ok: false, problem: 'conflict' };
    } else {
      const last = await trx
        .selectFrom('support_milestones')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('plan_id', '=', plan.id)
        .executeTakeFirst();
      const created = await trx
        .insertInto('support_milestones')
        .values({
          plan_id: plan.id,
          title: milestone.title,
          description: milestone.description,
          due_on: milestone.dueOn,
          weight: milestone.weight,
          position: Number(last?.max ?? -1) + 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      milestoneId = created.id;
    }
    await audit({
      action: input.milestoneId ? 'support.milestone-updated' : 'support.milestone-added',
      subjectType: 'application',
      subjectId: plan.application_id,
      summary: { milestoneId, title: milestone.title, dueOn: milestone.dueOn, weight: milestone.weight },
    });
    publicChanged = await syncPublicProgress(trx, services, plan.id);
    return { ok: true, milestoneId };
  });
  if (publicChanged) afterPublicChange(services);
  return result;
}
