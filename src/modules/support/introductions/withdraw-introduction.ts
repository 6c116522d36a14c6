import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

/** The team withdraws a request staff have not handled yet; a handled one stays as it is (false). */
export async function withdrawIntroduction(
  services: Services,
  actor: Actor,
  input: { planId: string; id: string },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const row = await trx
      .updateTable('support_introductions')
      .set((eb) => ({ status: 'withdrawn', closed_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .where('plan_id', '=', input.planId)
      .where('status', '=', 'requested')
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await audit({ action: 'support.introduction-withdrawn', subjectType: 'support_introduction', subjectId: row.id });
    return true;
  });
}
