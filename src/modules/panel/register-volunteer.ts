import { type Kysely, sql, type Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import { type FieldError, FormReader } from '../../core/http/forms.js';
import { isUniqueViolation, lockSubmissionKey } from '../../core/http/submission-keys.js';
import { formatDate, type Locale, t } from '../../core/i18n/i18n.js';
import { isUuid } from '../../core/ids.js';
import { enqueueJob } from '../../core/jobs/queue.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { DELETE_DEMOGRAPHICS_JOB } from './delete-demographics.js';
import { VOLUNTEER_MAIL } from './mails.js';
import { CONSENT_VERSION, panelMessages as m } from './messages.js';
import { categoriesOf, type PanelRecord, type QuotaRecord, sha256Hex } from './queries.js';

export const RATE_WINDOW_MS = 15 * 60_000;
export const MAX_PER_IP = 10;
/**
 * Each registration mails the typed address, so an address takes at most this many registrations
 * (all panels together) per day, whatever the connection: the form cannot be used to flood a mailbox.
 */
export const ADDRESS_WINDOW_MS = 24 * 3600_000;
export const MAX_PER_ADDRESS = 3;

/** The consent text exactly as the form shows it: its SHA-256 is stored with the consent. */
export function consentText(locale: Locale, panel: PanelRecord): string {
  return [
    t(locale, m.consentPurpose),
    t(locale, m.consentSeparate),
    t(locale, m.consentRetention, { date: formatDate(locale, panel.deleteAfter), days: panel.retentionDays }),
    t(locale, m.consentNoSensitive),
    t(locale, m.consentRights),
    t(locale, m.fieldConsent),
  ].join('\n');
}

export interface VolunteerInput {
  email: string;
  givenName: string;
  familyName: string;
  phone: string;
  address: string;
  availability: string;
  answers: Record<string, string>;
  submissionKey: string | null;
}

const PHONE = /^\+?[0-9 .()-]{6,20}$/;

/** Reads the volunteer form: contact, one answer per category among its values, consent. */
export function readVolunteerForm(
  body: unknown,
  panel: PanelRecord,
  quotas: QuotaRecord[],
): { form: FormReader; input: VolunteerInput } {
  const form = new FormReader(body);
  const givenName = form.text('given_name', { required: true, max: 100 });
  const familyName = form.text('family_name', { required: true, max: 100 });
  const email = form.email('email', { required: true });
  const phone = form.text('phone', { max: 30 });
  if (phone && !form.errors.phone && !PHONE.test(phone)) form.fail('phone', m.badPhone);
  const address = panel.onePerHousehold ? form.text('address', { required: true, max: 300 }) : '';
  const answers: Record<string, string> = {};
  for (const { category, values } of categoriesOf(quotas)) {
    const value = form.choice(
      `q_${category}`,
      values.map((v) => v.feature),
      { required: true },
    );
    if (value) answers[category] = value;
  }
  const availability = form.text('availability', { max: 1000 });
  if (!form.checkbox('consent')) form.fail('consent', m.consentRequired);
  const key = form.text('submission_key', { max: 36 });
  const submissionKey = isUuid(key) ? key.toLowerCase() : null;
  return { form, input: { email, givenName, familyName, phone, address, availability, answers, submissionKey } };
}

export type RegisterResult =
  | { ok: true }
  | { ok: false; errors: Record<string, FieldError>; rateLimited?: true }
  | { ok: false; rateLimited: true }
  | { ok: false; closed: { since: Date | null } };

/**
 * Whether the call is closed, and since when when that is known (null while it is open): the request of
 * the commitment fixes the pool that will be published and drawn from, so the call closes then, even
 * before its end date. A call staff closed by hand has no recorded moment.
 */
export async function callClosedSince(
  db: Kysely<DB> | Transaction<DB>,
  panel: PanelRecord,
  now: Date,
): Promise<{ since: Date | null } | null> {
  const draw = await db
    .selectFrom('panel_draws')
    .select('created_at')
    .where('panel_id', '=', panel.id)
    .where('kind', '=', 'initial')
    .where('state', '!=', 'failed')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (draw) return { since: new Date(draw.created_at) };
  if (now > panel.recruitUntil) return { since: panel.recruitUntil };
  return panel.status === 'recruiting' ? null : { since: null };
}

/**
 * Records a volunteer: contact and consent in one table, demographic answers in another with their
 * deletion date, the deletion job, the confirmation mail. A replayed form (same one-time key) is
 * answered as done; senders are limited per IP (the rows themselves are the counter).
 */
export async function registerVolunteer(
  services: Services,
  actor: Actor,
  panel: PanelRecord,
  input: VolunteerInput,
  ip: string,
  locale: Locale,
): Promise<RegisterResult> {
  const now = services.clock.now();
  const ipHash = sha256Hex(`panel-volunteer\n${ip}`);
  const attempt = () =>
    auditedTransaction(services.db, actor, now, async (trx, audit): Promise<RegisterResult> => {
      if (input.submissionKey) {
        await lockSubmissionKey(trx, input.submissionKey);
        const done = await trx
          .selectFrom('panel_volunteers')
          .select('id')
          .where('submission_key', '=', input.submissionKey)
          .executeTakeFirst();
        if (done) return { ok: true };
      }
      // Shares the lock the commitment request takes for update: no volunteer joins a pool being committed.
      await trx.selectFrom('panels').select('id').where('id', '=', panel.id).forShare().execute();
      const closed = await callClosedSince(trx, panel, now);
      if (closed) return { ok: false, closed };
      await sql`select pg_advisory_xact_lock(3, hashtext(${ipHash}))`.execute(trx);
      const recent = await trx
        .selectFrom('panel_volunteers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('ip_hash', '=', ipHash)
        .where('created_at', '>', new Date(now.getTime() - RATE_WINDOW_MS))
        .executeTakeFirstOrThrow();
      if (Number(recent.n) >= MAX_PER_IP) return { ok: false, rateLimited: true };
      await sql`select pg_advisory_xact_lock(3, hashtext(${`address\n${input.email}`}))`.execute(trx);
      const sameAddress = await trx
        .selectFrom('panel_volunteers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('email', '=', input.email)
        .where('created_at', '>', new Date(now.getTime() - ADDRESS_WINDOW_MS))
        .executeTakeFirstOrThrow();
      if (Number(sameAddress.n) >= MAX_PER_ADDRESS)
        return { ok: false, rateLimited: true, errors: { email: { message: m.tooManyForAddress } } };
      const taken = await trx
        .selectFrom('panel_volunteers')
        .select('id')
        .where('panel_id', '=', panel.id)
        .where('email', '=', input.email)
        .executeTakeFirst();
      if (taken) return { ok: false, errors: { email: { message: m.alreadyRegistered } } };
      const household = input.address
        ? sha256Hex(
            `${panel.id}\n${input.address
              .toLowerCase()
              .replace(/[^\p{L}\p{N}]+/gu, ' ')
              .trim()}`,
          )
        : null;
      const { id } = await trx
        .insertInto('panel_volunteers')
        .values({
          panel_id: panel.id,
          email: input.email,
          given_name: input.givenName,
          family_name: input.familyName,
          phone: input.phone,
          availability: input.availability,
          household,
          locale,
          consent_at: now,
          consent_version: CONSENT_VERSION,
          consent_hash: sha256Hex(consentText(locale, panel)),
          ip_hash: ipHash,
          submission_key: input.submissionKey,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('panel_demographics')
        .values({
          volunteer_id: id,
          panel_id: panel.id,
          answers: JSON.stringify(input.answers),
          delete_after: panel.deleteAfter,
        })
        .execute();
      await scheduleDemographicsDeletion(trx, panel.id, panel.deleteAfter);
      await queueMail(
        trx,
        {
          to: input.email,
          template: VOLUNTEER_MAIL,
          locale,
          data: { name: panel.name, date: formatDate(locale, panel.deleteAfter) },
        },
        now,
      );
      // The audit log is kept forever: it names the volunteer row, never the person or their answers.
      await audit({
        action: 'panel.volunteer-registered',
        subjectType: 'panel_volunteer',
        subjectId: id,
        summary: { panel: panel.id, consentVersion: CONSENT_VERSION },
      });
      return { ok: true };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two sends of one address at once: the second meets the unique (panel, email).
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}

export async function scheduleDemographicsDeletion(
  trx: Parameters<typeof enqueueJob>[0],
  panelId: string,
  at: Date,
): Promise<void> {
  await enqueueJob(
    trx,
    DELETE_DEMOGRAPHICS_JOB,
    { panelId },
    { runAt: at, singletonKey: `${DELETE_DEMOGRAPHICS_JOB}:${panelId}:${at.toISOString()}` },
  );
}
