import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { formatDate, isoDateParis } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { grantMessages as m } from './grant-messages.js';
import { problem, type Result } from './problems.js';
import { grantById, openProcedureOf, type Tranche, tranchesOf } from './queries.js';
import { writeTranches } from './save-grant.js';
import './tables.js';

/**
 * Lowers the tranches to a new total, from the last one back, never below what each received: the tranches
 * still add up to the grant after a reduction.
 */
export function reducedTranches(tranches: Tranche[], newTotal: number): Tranche[] {
  let excess = tranches.reduce((sum, t) => sum + t.amountCents, 0) - newTotal;
  const next = tranches.map((t) => ({ ...t }));
  for (let i = next.length - 1; i >= 0 && excess > 0; i--) {
    const cut = Math.min(excess, next[i].amountCents - next[i].paidCents);
    next[i].amountCents -= cut;
    excess -= cut;
  }
  return next.filter((t) => t.amountCents > 0 || t.paidCents > 0);
}

/**
 * Staff decide an open procedure: apply it or drop it, with a note, only once the laureate answered or the
 * deadline passed. Applying a suspension blocks payments, a reduction lowers the amount (an amendment with
 * its before and after), a withdrawal cancels the grant.
 */
export async function decideProcedure(
  services: Services,
  actor: Actor,
  input: { grantId: string; procedureId: string; outcome: 'apply' | 'drop'; note: string },
): Promise<Result> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const grant = await grantById(trx, input.grantId, { forUpdate: true });
    if (!grant) return problem(404, '', m.badRequest);
    const procedure = await openProcedureOf(trx, grant.id, { forUpdate: true });
    if (!procedure || procedure.id !== input.procedureId) return problem(409, '', m.noOpenProcedure);
    if (!procedure.answeredAt && isoDateParis(now) <= procedure.answerDueOn)
      return problem(409, '', m.tooEarly, { date: formatDate('fr', new Date(`${procedure.answerDueOn}T12:00:00Z`)) });
    if (input.outcome === 'apply') {
      if (procedure.kind === 'suspend') {
        await trx
          .updateTable('grants')
          .set({ status: 'suspended', updated_at: now, version: grant.version + 1 })
          .where('id', '=', grant.id)
          .execute();
      } else if (procedure.kind === 'withdraw') {
        await trx
          .updateTable('grants')
          .set({ status: 'cancelled', updated_at: now, version: grant.version + 1 })
          .where('id', '=', grant.id)
          .execute();
      } else {
        const newAmount = procedure.proposedCents ?? grant.amountCents;
        const tranches = await tranchesOf(trx, grant.id);
        const paid = tranches.reduce((sum, t) => sum + t.paidCents, 0);
        if (newAmount < paid) return problem(409, '', m.paidBeyond, { paid: String(paid) });
        const next = reducedTranches(tranches, newAmount);
        const written = await writeTranches(
          trx,
          grant.id,
          tranches,
          next.map((t) => ({ ...t })),
        );
        if (!written.ok) return written;
        await trx
          .updateTable('grants')
          .set({ amount_cents: newAmount, updated_at: now, version: grant.version + 1 })
          .where('id', '=', grant.id)
          .execute();
        const reason = [procedure.reasons, input.note].filter(Boolean).join('\n\n');
        const view = (list: Tranche[]) =>
          list.map((t) => ({
            amountCents: t.amountCents,
            plannedOn: t.plannedOn,
            condition: t.condition,
            milestoneId: t.milestoneId,
          }));
        for (const record of [
          { kind: 'amount' as const, before: grant.amountCents, after: newAmount },
          { kind: 'tranches' as const, before: view(tranches), after: view(next) },
        ])
          await trx
            .insertInto('grant_amendments')
            .values({
              grant_id: grant.id,
              kind: record.kind,
              before: JSON.stringify(record.before),
              after: JSON.stringify(record.after),
              reason,
              created_by: actor.id,
              created_at: now,
            })
            .execute();
      }
    }
    await trx
      .updateTable('grant_procedures')
      .set({
        status: input.outcome === 'apply' ? 'applied' : 'dropped',
        decided_at: now,
        decided_by: actor.id,
        decision_note: input.note,
      })
      .where('id', '=', procedure.id)
      .execute();
    await audit({
      action: input.outcome === 'apply' ? 'grants.procedure-applied' : 'grants.procedure-dropped',
      subjectType: 'grant',
      subjectId: grant.id,
      summary: { procedureId: procedure.id, kind: procedure.kind, proposedCents: procedure.proposedCents },
    });
    return { ok: true };
  });
}
