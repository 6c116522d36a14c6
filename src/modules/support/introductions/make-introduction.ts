import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { teamRecipients } from '../../applications/index.js';
import { INTRODUCTION_MAIL } from './mails.js';

/** How long after an introduction the platform asks the team how it went (when nothing was recorded). */
export const FOLLOW_UP_DAYS = 30;
const DAY_MS = 24 * 3600_000;

export type MakeIntroductionResult =
  | { ok: true; recipients: number }
  | { ok: false; problem: 'already_handled' | 'contact_gone' };

/**
 * Staff introduce the team to a contact: ONE mail, in the platform's name, to the contact and every member of
 * the team together (all in To: the mailer has no Cc, and "reply to all" then reaches everyone), kept as sent
 * with the introduction. The request is claimed at the version staff read (a second click, or a colleague
 * handling it at the same time, finds it handled and sends nothing). The follow-up is due 30 days later.
 */
export async function makeIntroduction(
  services: Services,
  actor: Actor,
  input: {
    applicationId: string;
    planId: string;
    id: string;
    version: number;
    contactId: string;
    subject: string;
    body: string;
  },
): Promise<MakeIntroductionResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const contact = await trx
      .selectFrom('support_contacts')
      .select(['id', 'email', 'organisation'])
      .where('id', '=', input.contactId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!contact) return { ok: false, problem: 'contact_gone' };
    const claimed = await trx
      .updateTable('support_introductions')
      .set((eb) => ({
        status: 'introduced',
        contact_id: contact.id,
        introduced_by: actor.id,
        introduced_at: now,
        mail_subject: input.subject,
        mail_body: input.body,
        follow_up_at: new Date(now.getTime() + FOLLOW_UP_DAYS * DAY_MS),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.id)
      .where('plan_id', '=', input.planId)
      .where('status', '=', 'requested')
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) return { ok: false, problem: 'already_handled' };
    const team = await teamRecipients(trx, input.applicationId);
    const addresses = [contact.email, ...team.map((r) => r.email).filter((e) => e !== contact.email.toLowerCase())];
    await queueMail(
      trx,
      {
        to: addresses.join(', '),
        template: INTRODUCTION_MAIL,
        locale: 'fr',
        data: { subject: input.subject, body: input.body },
      },
      now,
    );
    await audit({
      action: 'support.introduction-made',
      subjectType: 'support_introduction',
      subjectId: input.id,
      summary: { contactId: contact.id, organisation: contact.organisation, recipients: addresses.length },
    });
    return { ok: true, recipients: addresses.length };
  });
}
