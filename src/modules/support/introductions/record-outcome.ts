import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import type { IntroductionOutcome } from '../tables.js';

/** The team or staff record what an introduction led to (several per introduction); only once it was made. */
export async function recordOutcome(
  services: Services,
  actor: Actor,
  input: {
    planId: string;
    id: string;
    outcome: IntroductionOutcome;
    occurredOn: string;
    note: string;
    side: 'team' | 'staff';
  },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const introduction = await trx
      .selectFrom('support_introductions')
      .select('id')
      .where('id', '=', input.id)
      .where('plan_id', '=', input.planId)
      .where('status', '=', 'introduced')
      .executeTakeFirst();
    if (!introduction) return false;
    const row = await trx
      .insertInto('support_introduction_outcomes')
      .values({
        introduction_id: input.id,
        outcome: input.outcome,
        occurred_on: input.occurredOn,
        note: input.note,
        recorded_by: actor.id,
        recorded_side: input.side,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'support.introduction-outcome',
      subjectType: 'support_introduction',
      subjectId: input.id,
      summary: { outcomeId: row.id, outcome: input.outcome, occurredOn: input.occurredOn, side: input.side },
    });
    return true;
  });
}
