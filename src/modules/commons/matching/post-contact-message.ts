import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { lockSubmissionKey } from '../../../core/http/submission-keys.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { peopleByIds } from '../../accounts/index.js';
import type { Contact } from './exchange.js';
import { CONTACT_MESSAGE_MAIL } from './mails.js';
import { contactHref } from './send-contact.js';
import './tables.js';

/**
 * A message in a contact's exchange. A recipient's answer is mailed to the sender, and the first one marks the
 * contact answered (from then on the parties see each other's name and address on the page); the sender's
 * new message is mailed to every recipient. One message per submission key, however often the form is sent.
 */
export async function postContactMessage(
  services: Services,
  actor: Actor,
  input: {
    contact: Contact;
    authorId: string;
    side: 'sender' | 'recipient';
    body: string;
    submissionKey: string | null;
  },
): Promise<{ messageId: string; first: boolean }> {
  const { db, clock, config } = services;
  const now = clock.now();
  const { contact } = input;
  return auditedTransaction(db, actor, now, async (trx, audit, atCommit) => {
    if (input.submissionKey) {
      await lockSubmissionKey(trx, input.submissionKey);
      const existing = await trx
        .selectFrom('commons_contact_messages')
        .select('id')
        .where('submission_key', '=', input.submissionKey)
        .where('contact_id', '=', contact.id)
        .where('author_id', '=', input.authorId)
        .executeTakeFirst();
      if (existing) return { messageId: existing.id, first: false };
    }
    const message = await trx
      .insertInto('commons_contact_messages')
      .values({
        contact_id: contact.id,
        author_id: input.authorId,
        body: input.body,
        created_at: now,
        submission_key: input.submissionKey,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let first = false;
    if (input.side === 'recipient') {
      const marked = await trx
        .updateTable('commons_contacts')
        .set({ answered_at: now })
        .where('id', '=', contact.id)
        .where('answered_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      first = marked !== undefined;
    }
    const to = input.side === 'recipient' ? [contact.senderId] : contact.recipientIds;
    const people = await peopleByIds(trx, to);
    const url = `${config.baseUrl}${contactHref(contact.id)}#message-${message.id}`;
    for (const id of to) {
      const person = people.get(id);
      if (!person?.email || person.erased) continue;
      await queueMail(
        atCommit,
        {
          to: person.email,
          template: CONTACT_MESSAGE_MAIL,
          locale: person.locale,
          data: { subject: contact.subject, body: input.body, from: input.side, url },
        },
        now,
      );
    }
    await audit({
      action: input.side === 'recipient' ? 'commons.contact-answered' : 'commons.contact-message-posted',
      subjectType: 'commons_contact',
      subjectId: contact.id,
      summary: { messageId: message.id, side: input.side, first, length: input.body.length },
    });
    return { messageId: message.id, first };
  });
}
