import { sql } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { lockSubmissionKey } from '../../../core/http/submission-keys.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { peopleByIds } from '../../accounts/index.js';
import { CONTACT_MAIL } from './mails.js';
import type { NeedRow } from './queries.js';
import { commonsRecipients, needRecipients } from './recipients.js';
import './tables.js';

/** Contacts one person may send in a rolling day: enough for real work, too few for a mailing. */
export const CONTACTS_PER_DAY = 10;
const DAY_MS = 24 * 3600_000;
/**
 * After how many days the platform asks the sender what came of a contact (issue 15: "after N days"). A
 * constant rather than a setting: the programme's figures compare contacts with each other, so they all wait
 * the same time.
 */
export const FOLLOW_UP_DAYS = 30;
export const SUBJECT_MAX = 150;
export const MESSAGE_MAX = 5000;

export const contactHref = (id: string) => `/cooperation/contacts/${id}`;

export type ContactSubject =
  | { kind: 'commons'; commonsId: string; name: string; members: boolean }
  | { kind: 'need'; need: NeedRow };

export type SendResult =
  | { ok: true; contactId: string }
  | { ok: false; reason: 'rate-limited'; retryAt: Date }
  | { ok: false; reason: 'no-recipient' };

/**
 * Writes to every referent of a commons, or to a need's authors, in the platform's name: one mail per
 * recipient, no address of anyone in it, each linking to the exchange's page. Refused beyond CONTACTS_PER_DAY
 * in the last 24 hours. A form sent twice (same submission key) yields one contact and one set of mails.
 */
export async function sendContact(
  services: Services,
  actor: Actor,
  input: {
    senderId: string;
    subject: ContactSubject;
    senderAdministration: { id: string; name: string } | null;
    title: string;
    body: string;
    submissionKey: string | null;
  },
): Promise<SendResult> {
  const { db, clock, config } = services;
  const now = clock.now();
  return auditedTransaction(db, actor, now, async (trx, audit, atCommit): Promise<SendResult> => {
    // One sender's contacts one at a time: the day's count below cannot be overtaken by a concurrent send.
    await sql`select pg_advisory_xact_lock(15, hashtext(${input.senderId}))`.execute(trx);
    if (input.submissionKey) {
      await lockSubmissionKey(trx, input.submissionKey);
      const existing = await trx
        .selectFrom('commons_contacts')
        .select('id')
        .where('submission_key', '=', input.submissionKey)
        .where('sender_id', '=', input.senderId)
        .executeTakeFirst();
      if (existing) return { ok: true, contactId: existing.id };
    }
    const since = new Date(now.getTime() - DAY_MS);
    const recent = await trx
      .selectFrom('commons_contacts')
      .select('created_at')
      .where('sender_id', '=', input.senderId)
      .where('created_at', '>', since)
      .orderBy('created_at')
      .execute();
    if (recent.length >= CONTACTS_PER_DAY) {
      const oldest = recent[recent.length - CONTACTS_PER_DAY].created_at;
      return { ok: false, reason: 'rate-limited', retryAt: new Date(new Date(oldest).getTime() + DAY_MS) };
    }
    const subject = input.subject;
    const recipients =
      subject.kind === 'commons'
        ? await commonsRecipients(trx, subject.commonsId, input.senderId, subject.members)
        : await needRecipients(trx, subject.need, input.senderId);
    if (recipients.userIds.length === 0) return { ok: false, reason: 'no-recipient' };

    const contact = await trx
      .insertInto('commons_contacts')
      .values({
        target: subject.kind === 'commons' ? 'commons_referents' : 'need_authors',
        commons_id: subject.kind === 'commons' ? subject.commonsId : null,
        need_id: subject.kind === 'need' ? subject.need.id : null,
        sender_id: input.senderId,
        sender_administration_id: input.senderAdministration?.id ?? null,
        subject: input.title,
        created_at: now,
        follow_up_at: new Date(now.getTime() + FOLLOW_UP_DAYS * DAY_MS),
        submission_key: input.submissionKey,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('commons_contact_recipients')
      .values(recipients.userIds.map((userId) => ({ contact_id: contact.id, user_id: userId })))
      .execute();
    await trx
      .insertInto('commons_contact_messages')
      .values({ contact_id: contact.id, author_id: input.senderId, body: input.body, created_at: now })
      .execute();

    const people = await peopleByIds(trx, recipients.userIds);
    const url = `${config.baseUrl}${contactHref(contact.id)}`;
    const about = subject.kind === 'commons' ? subject.name : subject.need.title;
    for (const id of recipients.userIds) {
      const person = people.get(id);
      if (!person?.email) continue;
      await queueMail(
        atCommit,
        {
          to: person.email,
          template: CONTACT_MAIL,
          locale: person.locale,
          data: {
            subject: input.title,
            body: input.body,
            about,
            aboutKind: subject.kind,
            senderAdministration: input.senderAdministration?.name ?? '',
            url,
          },
        },
        now,
      );
    }
    await audit({
      action: 'commons.contact-sent',
      subjectType: 'commons_contact',
      subjectId: contact.id,
      summary: {
        target: subject.kind === 'commons' ? 'commons_referents' : 'need_authors',
        commonsId: subject.kind === 'commons' ? subject.commonsId : null,
        needId: subject.kind === 'need' ? subject.need.id : null,
        via: recipients.via,
        recipients: recipients.userIds.length,
        senderAdministrationId: input.senderAdministration?.id ?? null,
      },
    });
    return { ok: true, contactId: contact.id };
  });
}
