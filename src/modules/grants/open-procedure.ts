import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { formatDate, isoDateParis } from '../../core/i18n/i18n.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { laureateApplications, teamRecipients } from '../applications/index.js';
import { formatEuros } from '../seasons/index.js';
import { grantMessages as m } from './grant-messages.js';
import { PROCEDURE_OPENED_MAIL } from './mails.js';
import { problem, type Result } from './problems.js';
import { grantById, openProcedureOf, tranchesOf } from './queries.js';
import type { ProcedureKind } from './tables.js';
import './tables.js';

/** The laureate has at least this many days to answer before staff may decide. */
export const ANSWER_DAYS = 15;

export function earliestDeadline(now: Date): string {
  const today = isoDateParis(now);
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + ANSWER_DAYS);
  return date.toISOString().slice(0, 10);
}

/**
 * Opens a suspension, reduction or withdrawal: the reasons, the deadline for the laureate to answer (15 days
 * at least: French case law wants the beneficiary heard before a subsidy is withdrawn), and a mail to the
 * team. One open procedure at a time (a unique index holds it under concurrency too).
 */
export async function openProcedure(
  services: Services,
  actor: Actor,
  input: { grantId: string; kind: ProcedureKind; reasons: string; answerDueOn: string; proposedCents: number | null },
): Promise<Result<{ id: string }>> {
  const now = services.clock.now();
  const earliest = earliestDeadline(now);
  if (input.answerDueOn < earliest)
    return problem(400, 'answer_due_on', m.deadlineTooSoon, {
      date: formatDate('fr', new Date(`${earliest}T12:00:00Z`)),
    });
  return auditedTransaction(services.db, actor, now, async (trx, audit, atCommit) => {
    const grant = await grantById(trx, input.grantId, { forUpdate: true });
    if (!grant) return problem(404, '', m.badRequest);
    if (!['committed', 'signed', 'suspended'].includes(grant.status)) return problem(409, '', m.cannotOpen);
    if (await openProcedureOf(trx, grant.id)) return problem(409, '', m.procedureAlreadyOpen);
    if (input.kind === 'reduce') {
      if (input.proposedCents === null || input.proposedCents >= grant.amountCents)
        return problem(400, 'proposed_amount', m.proposedRequired);
      const paid = (await tranchesOf(trx, grant.id)).reduce((sum, t) => sum + t.paidCents, 0);
      if (input.proposedCents < paid)
        return problem(400, 'proposed_amount', m.paidBeyond, { paid: formatEuros('fr', paid) });
    }
    const row = await trx
      .insertInto('grant_procedures')
      .values({
        grant_id: grant.id,
        kind: input.kind,
        reasons: input.reasons,
        proposed_cents: input.kind === 'reduce' ? input.proposedCents : null,
        opened_at: now,
        opened_by: actor.id,
        answer_due_on: input.answerDueOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const title = (await laureateApplications(trx, [grant.applicationId])).get(grant.applicationId)?.title ?? '';
    const deadline = new Date(`${input.answerDueOn}T12:00:00Z`);
    for (const recipient of await teamRecipients(trx, grant.applicationId))
      await queueMail(
        atCommit,
        {
          to: recipient.email,
          template: PROCEDURE_OPENED_MAIL,
          locale: recipient.locale,
          data: {
            title,
            kind: input.kind,
            deadline: formatDate(recipient.locale, deadline),
            url: `${services.config.baseUrl}/espace-laureat/${grant.applicationId}/subvention`,
          },
        },
        now,
      );
    await audit({
      action: 'grants.procedure-opened',
      subjectType: 'grant',
      subjectId: grant.id,
      summary: {
        procedureId: row.id,
        kind: input.kind,
        answerDueOn: input.answerDueOn,
        proposedCents: input.proposedCents,
      },
    });
    return { ok: true, id: row.id };
  });
}
