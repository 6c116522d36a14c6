import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { formatEuros } from '../seasons/index.js';
import { grantMessages as m } from './grant-messages.js';
import { problem, type Result } from './problems.js';
import { grantById, trancheStates } from './queries.js';
import './tables.js';

/**
 * Records a payment on a payable tranche: its condition holds, the grant is committed or signed (not
 * suspended), and the amount is no more than what is left of the tranche. The grant's row is locked so two
 * payments of one tranche cannot both pass the check.
 */
export async function recordPayment(
  services: Services,
  actor: Actor,
  input: { grantId: string; trancheId: string; paidOn: string; amountCents: number; reference: string },
): Promise<Result<{ id: string }>> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const grant = await grantById(trx, input.grantId, { forUpdate: true });
    if (!grant) return problem(404, '', m.badRequest);
    const tranche = (await trancheStates(trx, grant)).find((t) => t.id === input.trancheId);
    if (!tranche) return problem(400, 'tranche_id', m.notPayable);
    if (tranche.waitsFor !== 'none') return problem(409, 'tranche_id', m.notPayable);
    if (input.amountCents > tranche.remainingCents)
      return problem(400, 'payment_amount', m.aboveTranche, { remaining: formatEuros('fr', tranche.remainingCents) });
    const row = await trx
      .insertInto('grant_payments')
      .values({
        grant_id: grant.id,
        tranche_id: tranche.id,
        paid_on: input.paidOn,
        amount_cents: input.amountCents,
        reference: input.reference,
        recorded_by: actor.id,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'grants.payment-recorded',
      subjectType: 'grant',
      subjectId: grant.id,
      summary: {
        trancheId: tranche.id,
        position: tranche.position,
        amountCents: input.amountCents,
        paidOn: input.paidOn,
      },
    });
    return { ok: true, id: row.id };
  });
}
