import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { grantMessages as m } from './grant-messages.js';
import { problem, type Result } from './problems.js';
import { grantOfApplication, openProcedureOf } from './queries.js';
import './tables.js';

/** The team's observations on an open procedure; it may complete them until staff decide. */
export async function answerProcedure(
  services: Services,
  actor: Actor,
  input: { applicationId: string; procedureId: string; answer: string },
): Promise<Result> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const grant = await grantOfApplication(trx, input.applicationId);
    const open = grant ? await openProcedureOf(trx, grant.id, { forUpdate: true }) : null;
    if (!grant || !open || open.id !== input.procedureId) return problem(409, 'answer', m.answerClosed);
    await trx
      .updateTable('grant_procedures')
      .set({ answer: input.answer, answered_at: now })
      .where('id', '=', open.id)
      .execute();
    await audit({
      action: 'grants.procedure-answered',
      subjectType: 'grant',
      subjectId: grant.id,
      summary: { procedureId: open.id, length: input.answer.length },
    });
    return { ok: true };
  });
}
