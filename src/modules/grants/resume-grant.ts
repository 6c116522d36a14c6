import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { grantMessages as m } from './grant-messages.js';
import { problem, type Result } from './problems.js';
import { conventionOf, grantById } from './queries.js';
import './tables.js';

/** Ends a suspension: a decision of its own, with its note; the grant goes back to signed or committed. */
export async function resumeGrant(
  services: Services,
  actor: Actor,
  input: { grantId: string; note: string },
): Promise<Result> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const grant = await grantById(trx, input.grantId, { forUpdate: true });
    if (!grant) return problem(404, '', m.badRequest);
    if (grant.status !== 'suspended') return problem(409, '', m.notSuspended);
    const status = (await conventionOf(trx, grant.id))?.signedOn ? 'signed' : 'committed';
    await trx
      .updateTable('grants')
      .set({ status, updated_at: now, version: grant.version + 1 })
      .where('id', '=', grant.id)
      .execute();
    await audit({
      action: 'grants.grant-resumed',
      subjectType: 'grant',
      subjectId: grant.id,
      summary: { status, note: input.note.slice(0, 500) },
    });
    return { ok: true };
  });
}
