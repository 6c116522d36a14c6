import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { teamRecipients } from '../../applications/index.js';
import { spaceHref } from '../views/space-layout.js';
import { INTRODUCTION_DECLINED_MAIL } from './mails.js';

/** Staff decline a waiting request with a note; the team gets the note by mail. False when it was handled already. */
export async function declineIntroduction(
  services: Services,
  actor: Actor,
  input: { applicationId: string; title: string; planId: string; id: string; version: number; note: string },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const row = await trx
      .updateTable('support_introductions')
      .set((eb) => ({
        status: 'declined',
        staff_note: input.note,
        introduced_by: actor.id,
        closed_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.id)
      .where('plan_id', '=', input.planId)
      .where('status', '=', 'requested')
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    const url = `${services.config.baseUrl}${spaceHref('team', input.applicationId, 'introductions')}`;
    for (const recipient of await teamRecipients(trx, input.applicationId))
      await queueMail(
        trx,
        {
          to: recipient.email,
          template: INTRODUCTION_DECLINED_MAIL,
          locale: recipient.locale,
          data: { title: input.title, note: input.note, url },
        },
        now,
      );
    await audit({ action: 'support.introduction-declined', subjectType: 'support_introduction', subjectId: row.id });
    return true;
  });
}
