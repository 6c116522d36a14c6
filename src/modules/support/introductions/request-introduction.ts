import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

/** A team asks for an introduction on one lever; staff see it in their queue. */
export async function requestIntroduction(
  services: Services,
  actor: Actor,
  input: { planId: string; lever: string; request: string },
): Promise<{ id: string }> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const row = await trx
      .insertInto('support_introductions')
      .values({
        plan_id: input.planId,
        lever: input.lever,
        request: input.request,
        requested_by: actor.id,
        requested_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'support.introduction-requested',
      subjectType: 'support_introduction',
      subjectId: row.id,
      summary: { planId: input.planId, lever: input.lever, length: input.request.length },
    });
    return { id: row.id };
  });
}
