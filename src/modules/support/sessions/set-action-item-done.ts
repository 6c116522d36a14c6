import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import '../tables.js';

/**
 * Marks an action item of the plan done (now) or to do again, by the team or the staff. Setting the state
 * it already has changes nothing (a double click). Returns false when the plan has no such item.
 */
export async function setActionItemDone(
  services: Services,
  actor: Actor,
  input: { planId: string; itemId: string; done: boolean; side: 'team' | 'staff' },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const item = await trx
      .selectFrom('support_action_items')
      .select(['id', 'done_at'])
      .where('id', '=', input.itemId)
      .where('plan_id', '=', input.planId)
      .forUpdate()
      .executeTakeFirst();
    if (!item) return false;
    if ((item.done_at !== null) === input.done) return true;
    await trx
      .updateTable('support_action_items')
      .set({ done_at: input.done ? now : null })
      .where('id', '=', item.id)
      .execute();
    await audit({
      action: input.done ? 'support.action-item-done' : 'support.action-item-reopened',
      subjectType: 'support_action_item',
      subjectId: item.id,
      summary: { planId: input.planId, side: input.side },
    });
    return true;
  });
}
