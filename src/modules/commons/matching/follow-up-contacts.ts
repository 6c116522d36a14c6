import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { personById } from '../../accounts/index.js';
import { CONTACT_FOLLOW_UP_MAIL } from './mails.js';
import { contactHref, FOLLOW_UP_DAYS } from './send-contact.js';
import './tables.js';

/**
 * Asks each sender what came of their contact once its follow-up date passed with no outcome recorded. Each
 * contact is claimed (followed_up_at set where still null) and its mail queued in one transaction: a retried
 * or concurrent run asks once, and a contact once followed up is never asked about again. Returns how many
 * contacts were followed up.
 */
export async function followUpContacts(services: Services): Promise<number> {
  const { db, clock, config } = services;
  const now = clock.now();
  const due = await db
    .selectFrom('commons_contacts as k')
    .leftJoin('commons as c', 'c.id', 'k.commons_id')
    .leftJoin('commons_needs as n', 'n.id', 'k.need_id')
    .select(['k.id', 'k.sender_id', 'k.subject', 'k.target', 'c.name as commons_name', 'n.title as need_title'])
    .where('k.follow_up_at', '<=', now)
    .where('k.followed_up_at', 'is', null)
    .where('k.outcome', 'is', null)
    .orderBy('k.follow_up_at')
    .orderBy('k.id')
    .execute();
  let asked = 0;
  for (const item of due) {
    const done = await auditedTransaction(db, systemActor, now, async (trx, audit) => {
      const claimed = await trx
        .updateTable('commons_contacts')
        .set({ followed_up_at: now })
        .where('id', '=', item.id)
        .where('followed_up_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return false;
      const sender = await personById(trx, item.sender_id);
      const mailed = Boolean(sender?.email && !sender.erased);
      if (sender?.email && mailed)
        await queueMail(
          trx,
          {
            to: sender.email,
            template: CONTACT_FOLLOW_UP_MAIL,
            locale: sender.locale,
            data: {
              subject: item.subject,
              about: (item.target === 'commons_referents' ? item.commons_name : item.need_title) ?? '',
              aboutKind: item.target === 'commons_referents' ? 'commons' : 'need',
              days: String(FOLLOW_UP_DAYS),
              url: `${config.baseUrl}${contactHref(item.id)}#suite`,
            },
          },
          now,
        );
      await audit({
        action: 'commons.contact-followed-up',
        subjectType: 'commons_contact',
        subjectId: item.id,
        summary: { mailed },
      });
      return true;
    });
    if (done) asked++;
  }
  return asked;
}
