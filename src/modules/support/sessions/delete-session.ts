import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import '../tables.js';

/**
 * Deletes a session recorded by mistake, with the action items agreed in it (they were part of its record;
 * the audit log keeps what was deleted). Returns false when the plan has no such session.
 */
export async function deleteSession(
  services: Services,
  actor: Actor,
  planId: string,
  sessionId: string,
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const session = await trx
      .selectFrom('support_sessions')
      .select(['id', 'held_at', 'duration_minutes', 'counts_hours'])
      .where('id', '=', sessionId)
      .where('plan_id', '=', planId)
      .forUpdate()
      .executeTakeFirst();
    if (!session) return false;
    const items = await trx
      .deleteFrom('support_action_items')
      .where('session_id', '=', sessionId)
      .returning('id')
      .execute();
    await trx.deleteFrom('support_sessions').where('id', '=', sessionId).execute();
    await audit({
      action: 'support.session-deleted',
      subjectType: 'support_session',
      subjectId: sessionId,
      summary: {
        planId,
        heldAt: new Date(session.held_at).toISOString(),
        durationMinutes: session.duration_minutes,
        countsHours: session.counts_hours,
        items: items.length,
      },
    });
    return true;
  });
}
