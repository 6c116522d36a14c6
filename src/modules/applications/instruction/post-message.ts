import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../core/audit/audit.js';
import { type AuditInput, auditedTransaction } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import type { Locale } from '../../../core/i18n/i18n.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { type Person, peopleByIds, staffOfTrack } from '../../accounts/index.js';
import type { ApplicationRecord } from '../queries.js';
import { APPLICANT_MESSAGE_MAIL, STAFF_MESSAGE_MAIL } from './mails.js';

export const MESSAGE_MAX = 5000;

export interface PostMessageInput {
  application: Pick<ApplicationRecord, 'id' | 'title' | 'trackCode'>;
  authorId: string;
  authorName: string;
  fromStaff: boolean;
  body: string;
}

/**
 * Adds a message to an application's thread and notifies the other side in the same transaction:
 * staff messages go to every applicant of the application; an applicant's message goes to the
 * staff who have written in this thread (the people following it), or, when none has yet, to the
 * staff in charge of the application's track.
 */
export async function postMessage(services: Services, actor: Actor, input: PostMessageInput): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, (trx, audit) => postMessageIn(trx, services, now, input, audit));
}

/** The same, inside a transaction the caller holds (batch messages use one per application). */
export async function postMessageIn(
  trx: Transaction<DB>,
  services: Services,
  now: Date,
  input: PostMessageInput,
  audit: (input: AuditInput) => Promise<void>,
): Promise<void> {
  const body = input.body.trim().slice(0, MESSAGE_MAX);
  const message = await trx
    .insertInto('application_messages')
    .values({
      application_id: input.application.id,
      author_id: input.authorId,
      from_staff: input.fromStaff,
      body,
      at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const recipients = input.fromStaff
    ? await applicantRecipients(trx, input.application.id)
    : await staffRecipients(trx, input.application, input.authorId);
  const base = services.config.baseUrl.replace(/\/$/, '');
  const url = input.fromStaff
    ? `${base}/mes-candidatures/${input.application.id}#messages-title`
    : `${base}/admin/candidatures/${input.application.id}#messages-title`;
  for (const recipient of recipients) {
    await queueMail(
      trx,
      {
        to: recipient.email,
        template: input.fromStaff ? STAFF_MESSAGE_MAIL : APPLICANT_MESSAGE_MAIL,
        locale: recipient.locale,
        data: { title: input.application.title || '—', body, url, author: input.authorName },
      },
      now,
    );
  }
  await audit({
    action: 'application.message',
    subjectType: 'application',
    subjectId: input.application.id,
    summary: { messageId: message.id, fromStaff: input.fromStaff, recipients: recipients.length },
  });
}

export interface DecisionMessageInput {
  applicationId: string;
  /** The staff member who sent the notice (null when the platform did). */
  authorId: string | null;
  body: string;
}

/**
 * The decision's notice as a message of the application's thread, in the caller's transaction. No mail: the
 * decisions module mails the notice itself (one mail per person, not a second "new message" mail).
 */
export async function postDecisionMessage(
  trx: Transaction<DB>,
  _services: Services,
  now: Date,
  input: DecisionMessageInput,
  audit: (input: AuditInput) => Promise<void>,
): Promise<void> {
  const message = await trx
    .insertInto('application_messages')
    .values({
      application_id: input.applicationId,
      author_id: input.authorId,
      from_staff: true,
      // Written by the decisions module from a bounded template, the reasons and the appeal routes: kept whole.
      body: input.body.trim().slice(0, 100_000),
      at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit({
    action: 'application.decision_message',
    subjectType: 'application',
    subjectId: input.applicationId,
    summary: { messageId: message.id },
  });
}

/**
 * The team of an application, who receives its decision and, for a laureate, the support's mail: its owner
 * and the co-applicants who accepted their invitation (an erased person is left out), each with their language.
 */
export async function teamRecipients(
  db: Transaction<DB> | Kysely<DB>,
  applicationId: string,
): Promise<{ email: string; locale: Locale }[]> {
  const rows = await db
    .selectFrom('application_members as am')
    .select(['am.email', 'am.user_id'])
    .where('am.application_id', '=', applicationId)
    .where((eb) => eb.or([eb('am.role', '=', 'owner'), eb('am.accepted_at', 'is not', null)]))
    .orderBy('am.invited_at')
    .execute();
  const people = await peopleByIds(
    db,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  );
  const byEmail = new Map<string, Locale>();
  for (const row of rows) {
    const person = row.user_id ? people.get(row.user_id) : undefined;
    if (person?.erased) continue;
    const email = (person?.email ?? row.email).toLowerCase();
    if (!byEmail.has(email)) byEmail.set(email, person?.locale ?? 'fr');
  }
  return [...byEmail].map(([email, locale]) => ({ email, locale }));
}

type Recipient = { email: string; locale: Locale };

/** Every member of the application (owner and co-applicants, accepted or only invited). */
export async function applicantRecipients(trx: Transaction<DB>, applicationId: string): Promise<Recipient[]> {
  const rows = await trx
    .selectFrom('application_members as am')
    .select(['am.email', 'am.user_id'])
    .where('am.application_id', '=', applicationId)
    .execute();
  const people = await peopleByIds(
    trx,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  );
  return (
    rows
      .map((r) => ({ email: r.email, person: r.user_id ? people.get(r.user_id) : undefined }))
      // An erased member keeps their place under a pseudonym, which is no address.
      .filter(({ person }) => !person?.erased)
      .map(({ email, person }) => ({ email, locale: person?.locale ?? 'fr' }))
  );
}

/** The staff who wrote in this thread (except the author), else the staff of the application's track. */
async function staffRecipients(
  trx: Transaction<DB>,
  application: PostMessageInput['application'],
  authorId: string,
): Promise<Recipient[]> {
  const applicationId = application.id;
  const authors = await trx
    .selectFrom('application_messages as m')
    .select('m.author_id')
    .distinct()
    .where('m.application_id', '=', applicationId)
    .where('m.from_staff', '=', true)
    .where('m.author_id', 'is not', null)
    .where('m.author_id', '!=', authorId)
    .execute();
  const following = [
    ...(
      await peopleByIds(
        trx,
        authors.flatMap((a) => (a.author_id ? [a.author_id] : [])),
      )
    ).values(),
  ];
  const withAddress = (people: Person[]) => people.filter((p) => p.id !== authorId && p.email !== null);
  const rows =
    withAddress(following).length > 0
      ? withAddress(following)
      : withAddress(await staffOfTrack(trx, application.trackCode));
  // Distinct addresses, as the single query gave before.
  const byEmail = new Map(rows.map((p) => [p.email as string, p.locale]));
  return [...byEmail].map(([email, locale]) => ({ email, locale }));
}
