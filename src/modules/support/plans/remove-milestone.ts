import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import { syncPublicProgress } from './public-progress.js';

export type RemoveMilestoneResult =
  | { ok: true }
  | { ok: false; problem: 'not_found' | 'has_deliverables' | 'tranche_waits' };

/**
 * A grant's tranche names the milestone (its foreign key restricts deletion: 23001, or 23503 for a plain
 * reference). The grants' tables are not ours to read first, so the database's refusal is the check.
 */
function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23001' || code === '23503';
}

/**
 * Staff remove a milestone. One the team already handed something in for is kept: its deliverables are the
 * record of what was done (and a grant's tranche may depend on it).
 */
export async function removeMilestone(
  services: Services,
  actor: Actor,
  input: { planId: string; milestoneId: string },
): Promise<RemoveMilestoneResult> {
  let publicChanged = false;
  let result: RemoveMilestoneResult;
  try {
    result = await auditedTransaction(
      services.db,
      actor,
      services.clock.now(),
      async (trx, audit): Promise<RemoveMilestoneResult> => {
        const milestone = await trx
          .selectFrom('support_milestones as m')
          .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
          .select(['m.id', 'm.title', 'p.application_id'])
          .where('m.id', '=', input.milestoneId)
          .where('m.plan_id', '=', input.planId)
          .forUpdate()
          .executeTakeFirst();
        if (!milestone) return { ok: false, problem: 'not_found' };
        const handedIn = await trx
          .selectFrom('support_deliverables')
          .select('id')
          .where('milestone_id', '=', milestone.id)
          .executeTakeFirst();
        if (handedIn) return { ok: false, problem: 'has_deliverables' };
        await trx.deleteFrom('support_milestones').where('id', '=', milestone.id).execute();
        await audit({
          action: 'support.milestone-removed',
          subjectType: 'application',
          subjectId: milestone.application_id,
          summary: { milestoneId: milestone.id, title: milestone.title },
        });
        publicChanged = await syncPublicProgress(trx, services, input.planId);
        return { ok: true };
      },
    );
  } catch (error) {
    // The milestone still conditions a grant's tranche: the database refuses, and so does the page.
    if (isForeignKeyViolation(error)) return { ok: false, problem: 'tranche_waits' };
    throw error;
  }
  if (publicChanged) afterPublicChange(services);
  return result;
}
