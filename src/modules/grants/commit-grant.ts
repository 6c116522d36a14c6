import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { formatEuros } from '../seasons/index.js';
import { grantMessages as m } from './grant-messages.js';
import { problem, type Result } from './problems.js';
import { grantById, tranchesOf } from './queries.js';
import { committedOn } from './save-envelope.js';
import './tables.js';

/**
 * Commits a draft grant on its envelope. The envelope's row is locked (FOR UPDATE) before the committed sum
 * is read, so two commitments on one envelope run one after the other and the sum never exceeds it, on
 * PGlite and on a PostgreSQL server alike. The tranches must add up to the amount.
 */
export async function commitGrant(
  services: Services,
  actor: Actor,
  input: { grantId: string; version?: number },
): Promise<Result> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const draft = await grantById(trx, input.grantId);
    if (!draft) return problem(404, '', m.badRequest);
    const envelope = await trx
      .selectFrom('grant_envelopes')
      .select(['id', 'amount_cents'])
      .where('id', '=', draft.envelopeId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const grant = await grantById(trx, input.grantId, { forUpdate: true });
    if (!grant) return problem(404, '', m.badRequest);
    if (input.version !== undefined && input.version !== grant.version) return problem(409, '', m.stale);
    if (grant.status !== 'draft') return problem(409, '', m.notDraft);
    const tranches = await tranchesOf(trx, grant.id);
    const sum = tranches.reduce((total, t) => total + t.amountCents, 0);
    if (tranches.length === 0 || sum !== grant.amountCents)
      return problem(400, '', m.tranchesSum, {
        sum: formatEuros('fr', sum),
        amount: formatEuros('fr', grant.amountCents),
      });
    const committed = await committedOn(trx, envelope.id);
    const available = Number(envelope.amount_cents) - committed;
    if (grant.amountCents > available)
      return problem(409, '', m.exceedsEnvelope, {
        remaining: formatEuros('fr', Math.max(0, available)),
        amount: formatEuros('fr', grant.amountCents),
      });
    await trx
      .updateTable('grants')
      .set({ status: 'committed', committed_at: now, updated_at: now, version: grant.version + 1 })
      .where('id', '=', grant.id)
      .execute();
    await audit({
      action: 'grants.grant-committed',
      subjectType: 'grant',
      subjectId: grant.id,
      summary: { envelopeId: envelope.id, amountCents: grant.amountCents, committedBefore: committed },
    });
    return { ok: true };
  });
}
