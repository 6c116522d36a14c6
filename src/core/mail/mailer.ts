import { type Kysely, sql, type Transaction } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { DB } from '../db/schema.js';
import { type WriteBatch, writeTo } from '../db/write-batch.js';
import type { Locale } from '../i18n/i18n.js';
import { renderMail } from './templates.js';

export const SEND_MAIL_JOB = 'mail.send';

/** A small text file sent with a mail (an event's .ics). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailRequest {
  to: string;
  template: string;
  locale: Locale;
  data: Record<string, string>;
  attachments?: MailAttachment[];
}

/**
 * Keeps the mail in the database and enqueues its sending in the caller's transaction (or with the
 * batch of writes it sends before COMMIT): a mail goes out only if the change that wrote it
 * commits, and it is never lost if SMTP is down.
 */
export async function queueMail(
  target: Transaction<DB> | Kysely<DB> | WriteBatch,
  request: MailRequest,
  now: Date,
): Promise<void> {
  const rendered = renderMail(request.template, request.locale, request.data);
  const attachments = request.attachments?.length ? JSON.stringify(request.attachments) : null;
  // The mail and its sending job in one statement (one round trip inside the caller's transaction).
  await writeTo(target, (batch) => {
    const mail = batch.add(sql`
      insert into mails (to_address, subject, text_body, html_body, template, locale, created_at, attachments)
      values (${request.to}, ${rendered.subject}, ${rendered.text}, ${rendered.html}, ${request.template}, ${request.locale}, ${now}, ${attachments}::jsonb)
      returning id`);
    batch.add(
      sql`insert into jobs (name, payload, run_at) select ${SEND_MAIL_JOB}, jsonb_build_object('mailId', ${mail}.id), ${now} from ${mail}`,
    );
  });
}

/**
 * Queues a copy of a stored mail to its own recipient, in the caller's transaction: the same subject
 * and bodies, links included, so the person gets what they were sent; returns the copy's id, or
 * undefined when there is no such mail.
 */
export async function resendMail(trx: Transaction<DB>, mailId: string, now: Date): Promise<string | undefined> {
  const copy = await trx
    .insertInto('mails')
    .columns(['to_address', 'subject', 'text_body', 'html_body', 'template', 'locale', 'created_at', 'attachments'])
    .expression((eb) =>
      eb
        .selectFrom('mails')
        .select([
          'to_address',
          'subject',
          'text_body',
          'html_body',
          'template',
          'locale',
          sql<Date>`${now}::timestamptz`.as('created_at'),
          'attachments',
        ])
        .where('id', '=', mailId),
    )
    .returning('id')
    .executeTakeFirst();
  if (!copy) return undefined;
  await trx
    .insertInto('jobs')
    .values({ name: SEND_MAIL_JOB, payload: JSON.stringify({ mailId: copy.id }), run_at: now })
    .execute();
  return copy.id;
}

/** The job that sends a stored mail; with no SMTP configured the mail stays readable by admins. */
export function sendMailJob(
  db: Kysely<DB>,
  smtpUrl: string | undefined,
  from: string,
  now: () => Date,
  log?: { info(obj: object, msg: string): void },
) {
  // nodemailer loads on the first mail sent through SMTP: a platform without SMTP never needs it.
  let transport: Transporter | undefined;
  const smtp = async (url: string): Promise<Transporter> => {
    transport ??= (await import('nodemailer')).default.createTransport(url);
    return transport;
  };
  return async (payload: Record<string, unknown>): Promise<void> => {
    const mail = await db.selectFrom('mails').selectAll().where('id', '=', String(payload.mailId)).executeTakeFirst();
    if (!mail || mail.status === 'sent' || mail.status === 'stored') return;
    if (!smtpUrl) {
      await db.updateTable('mails').set({ status: 'stored' }).where('id', '=', mail.id).execute();
      // Without SMTP (local demo), the log is how the person running the platform reads sign-in links.
      log?.info(
        { to: mail.to_address, subject: mail.subject, text: mail.text_body },
        'mail kept in the database (no SMTP_URL configured)',
      );
      return;
    }
    try {
      await (await smtp(smtpUrl)).sendMail({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        attachments: attachmentsOf(mail.attachments),
      });
      await db
        .updateTable('mails')
        .set({ status: 'sent', sent_at: now(), error: null })
        .where('id', '=', mail.id)
        .execute();
    } catch (error) {
      await db
        .updateTable('mails')
        .set({ error: error instanceof Error ? error.message : String(error) })
        .where('id', '=', mail.id)
        .execute();
      throw error;
    }
  };
}

/** The stored attachments as nodemailer takes them (the JSON column arrives parsed or as text). */
function attachmentsOf(stored: unknown): { filename: string; contentType: string; content: string }[] | undefined {
  const list = typeof stored === 'string' ? (JSON.parse(stored) as unknown) : stored;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return (list as MailAttachment[]).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: a.content,
  }));
}
