import type { Actor } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import { seasonForSubmit } from '../seasons/season-for-submit.js';
import { closedFrom } from '../seasons/season-status.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import type { CurrentUser } from '../../core/auth/permissions.js';
import type { FieldError } from '../../core/http/forms.js';
import { formatDateTime } from '../../core/i18n/i18n.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { answersSha256, territoryOf, titleOf } from './answers.js';
import { isOnTime } from './deadline.js';
import type { AnswerMap } from './form/model.js';
import { validateForSubmit } from './form/validate.js';
import { SUBMITTED_MAIL } from './mails.js';
import { lockApplicationWithForm } from './queries.js';
import { writeDraft } from './save-draft.js';
import { isEditable, type ApplicationState } from './states.js';

export type SubmitResult =
  | { ok: true; version: number; submittedAt: Date; replayed: boolean }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; errors: Record<string, FieldError> }
  | { ok: false; reason: 'closed'; closesAt: Date }
  | { ok: false; reason: 'not_editable'; state: ApplicationState }
  | { ok: false; reason: 'stale_key' };

export interface SubmitInput {
  applicationId: string;
  answers: AnswerMap;
  /** The one-time key of the rendered form: every replay of this form finds the same version. */
  idempotencyKey: string | null;
  /** When the request arrived: the deadline is judged on it, not on when the lock was obtained. */
  arrivedAt: Date;
}

/**
 * Submits the answers as a new version. The application row is locked for the whole transaction,
 * so concurrent replays of one form run one after another: the first writes the version, every
 * later one finds it by its key and answers with it. The acknowledgement mail is queued in the
 * same transaction, so it exists if and only if the version does; the caller acknowledges only
 * after this returns, i.e. after COMMIT.
 */
/** The version a submit with this idempotency key already created, if any. */
export async function versionSubmittedWith(db: Kysely<DB> | Transaction<DB>, idempotencyKey: string) {
  return db
    .selectFrom('application_versions')
    .select(['application_id', 'version', 'submitted_at'])
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

export async function submitApplication(services: Services, actor: Actor, user: CurrentUser, input: SubmitInput): Promise<SubmitResult> {
  try {
    return await submitInTransaction(services, actor, user, input);
  } catch (error) {
    // The same key sent at the same instant for two different applications (a crafted or copied
    // form): the unique index refuses the second; it is a stale form, not a server error.
    if ((error as { code?: string }).code === '23505') return { ok: false, reason: 'stale_key' };
    throw error;
  }
}

async function submitInTransaction(services: Services, actor: Actor, user: CurrentUser, input: SubmitInput): Promise<SubmitResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SubmitResult> => {
    const locked = await lockApplicationWithForm(trx, input.applicationId);
    if (!locked) return { ok: false, reason: 'not_found' };
    const { application, definition } = locked;

    if (input.idempotencyKey) {
      const previous = await versionSubmittedWith(trx, input.idempotencyKey);
      if (previous && previous.application_id !== application.id) return { ok: false, reason: 'stale_key' };
      if (previous) return { ok: true, version: previous.version, submittedAt: new Date(previous.submitted_at), replayed: true };
    }

    if (!isEditable(application.state)) return { ok: false, reason: 'not_editable', state: application.state };
    const season = await seasonForSubmit(trx, application.seasonId);
    if (!season) throw new Error(`no season ${application.seasonId}`);
    const closed = { closesAt: season.closesAt, closedFrom: closedFrom(season.closesAt) };
    if (!isOnTime(input.arrivedAt, closed)) {
      // A draft keeps what was typed even when it is too late to submit it.
      if (application.state === 'draft') await writeDraft(trx, application.id, application.formId, input.answers, now, definition);
      return { ok: false, reason: 'closed', closesAt: closed.closesAt };
    }

    const errors = validateForSubmit(definition, input.answers);
    if (Object.keys(errors).length > 0) {
      // What was typed is kept as the draft whatever happens next: a refused submit loses nothing.
      await writeDraft(trx, application.id, application.formId, input.answers, now, definition);
      return { ok: false, reason: 'invalid', errors };
    }

    const version = application.currentVersion + 1;
    const sha256 = answersSha256(input.answers);
    const title = titleOf(definition, input.answers);
    // One statement: the version, the state change with its transition, the answers as the draft,
    // and the words staff search (those of this version, until the next submit).
    const transition =
      application.state === 'draft'
        ? sql`, transition as (
            insert into application_transitions (application_id, from_state, to_state, reason, at, actor_id)
            values (${application.id}, 'draft', 'submitted', '', ${now}, ${user.id}))`
        : sql``;
    await sql`
      with version as (
        insert into application_versions (application_id, version, form_id, answers, answers_sha256, submitted_at, submitted_by, idempotency_key)
        values (${application.id}, ${version}, ${application.formId}, ${JSON.stringify(input.answers)}::jsonb, ${sha256}, ${input.arrivedAt}, ${user.id}, ${input.idempotencyKey})
        returning answers
      )${transition}
      update applications
         set draft_answers = version.answers, draft_saved_at = ${now}, title = ${title},
             territory = ${territoryOf(definition, input.answers)}, state = 'submitted', current_version = ${version},
             submitted_at = ${input.arrivedAt}, updated_at = ${now},
             submitted_search = setweight(to_tsvector('french', ${title}), 'A') || setweight(jsonb_to_tsvector('french', version.answers, '["string"]'), 'B')
        from version
       where applications.id = ${application.id}`.execute(trx);
    await queueMail(
      trx,
      {
        to: user.email,
        template: SUBMITTED_MAIL,
        locale: user.locale,
        data: {
          title: title || application.id,
          season: user.locale === 'en' && season.nameEn ? season.nameEn : season.name,
          version: String(version),
          date: formatDateTime(user.locale, input.arrivedAt),
          sha256,
          url: `${services.config.baseUrl}/mes-candidatures/${application.id}`,
        },
      },
      now,
    );
    await (await import('./organisation/stored-check.js')).enqueueOrganisationCheck(trx, application.id, now);
    await audit({ action: 'application.submit', subjectType: 'application', subjectId: application.id, summary: { version, sha256, from: application.state } });
    return { ok: true, version, submittedAt: input.arrivedAt, replayed: false };
  });
}
