import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { laureateApplications, teamRecipients } from '../../applications/index.js';
import { spaceHref } from '../views/space-layout.js';
import { INTRODUCTION_FOLLOW_UP_MAIL } from './mails.js';

/**
 * Asks the team how each introduction went once its follow-up date passed with no outcome recorded. Each is
 * claimed (followed_up_at set where still null) and its mails queued in one transaction: a retried or
 * concurrent run asks once. Returns how many introductions were followed up.
 */
export async function followUpIntroductions(services: Services): Promise<number> {
  const { db, clock } = services;
  const now = clock.now();
  const due = await db
    .selectFrom('support_introductions as i')
    .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
    .innerJoin('support_contacts as c', 'c.id', 'i.contact_id')
    .select(['i.id', 'p.application_id', 'c.organisation'])
    .where('i.status', '=', 'introduced')
    .where('i.follow_up_at', '<=', now)
    .where('i.followed_up_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('support_introduction_outcomes as o').select('o.id').whereRef('o.introduction_id', '=', 'i.id'),
        ),
      ),
    )
    .orderBy('i.follow_up_at')
    .execute();
  if (due.length === 0) return 0;
  const applications = await laureateApplications(db, [...new Set(due.map((d) => d.application_id))]);
  let asked = 0;
  for (const item of due) {
    const done = await auditedTransaction(db, systemActor, now, async (trx, audit) => {
      const claimed = await trx
        .updateTable('support_introductions')
        .set({ followed_up_at: now })
        .where('id', '=', item.id)
        .where('followed_up_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return false;
      const url = `${services.config.baseUrl}${spaceHref('team', item.application_id, 'introductions')}`;
      const title = applications.get(item.application_id)?.title ?? '';
      const recipients = await teamRecipients(trx, item.application_id);
      for (const recipient of recipients)
        await queueMail(
          trx,
          {
            to: recipient.email,
            template: INTRODUCTION_FOLLOW_UP_MAIL,
            locale: recipient.locale,
            data: { title, organisation: item.organisation, url },
          },
          now,
        );
      await audit({
        action: 'support.introduction-followed-up',
        subjectType: 'support_introduction',
        subjectId: item.id,
        summary: { recipients: recipients.length },
      });
      return true;
    });
    if (done) asked++;
  }
  return asked;
}
