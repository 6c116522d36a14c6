import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

/** Staff mark an upcoming milestone as in progress (en cours). False when it is not upcoming (any more). */
export async function startMilestone(
  services: Services,
  actor: Actor,
  input: { planId: string; milestoneId: string },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const started = await trx
      .updateTable('support_milestones')
      .set((eb) => ({ state: 'in_progress', version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', input.milestoneId)
      .where('plan_id', '=', input.planId)
      .where('state', '=', 'upcoming')
      .returning('id')
      .executeTakeFirst();
    if (!started) return false;
    await audit({
      action: 'support.milestone-started',
      subjectType: 'support_milestone',
      subjectId: input.milestoneId,
    });
    return true;
  });
}
