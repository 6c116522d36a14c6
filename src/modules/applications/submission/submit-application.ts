import { sql } from 'kysely';
import type { Actor } from '../../../core/audit/audit.js';
import { auditedTransaction } from '../../../core/audit/audit.js';
import type { CurrentUser } from '../../../core/auth/permissions.js';
import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime } from '../../../core/i18n/i18n.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { attachInTransaction, changesFiles, keepHeldFileIds, type Submission } from '../files/application-files.js';
import { type AnswerMap, APPLICANT_KIND_QUESTION, applicantKindOf } from '../form/model.js';
import { readAnswers, validateForSubmit } from '../form/validate.js';
import { SUBMITTED_MAIL } from '../mails.js';
import { applicationMessages as m } from '../messages.js';
import { enqueueOrganisationCheck } from '../organisation/stored-check.js';
import { lockApplicationForChange, SEARCH_CONFIG } from '../queries.js';
import { type ApplicationState, changeableNow, isEditable } from '../states.js';
import { answersSha256, territoryOf, titleOf } from './answers.js';
import { callClosing, isOnTime } from './deadline.js';
import { writeDraft } from './save-draft.js';

/** What a refused submit keeps to show the form again: the answers as read (with their files) and the type errors. */
interface Kept {
  answers?: AnswerMap;
  typeErrors?: Record<string, FieldError>;
}

export type SubmitResult =
  | { ok: true; version: number; submittedAt: Date; replayed: boolean }
  | { ok: false; reason: 'not_found' }
  | ({ ok: false; reason: 'invalid'; errors: Record<string, FieldError> } & Kept)
  | ({ ok: false; reason: 'files'; errors: Record<string, FieldError>; status: 400 | 413 } & Kept)
  | ({ ok: false; reason: 'closed'; closesAt: Date } & Kept)
  | ({ ok: false; reason: 'not_editable'; state: ApplicationState } & Kept)
  | ({ ok: false; reason: 'stale_key' } & Kept);

export interface SubmitInput {
  applicationId: string;
  /** Answers already read (demo, imports)... */
  answers?: AnswerMap;
  /** ...or the posted page form: its fields are read against the application's form, its files stored. */
  posted?: Submission;
  /** The one-time key of the rendered form: every replay of this form finds the same version. */
  idempotencyKey: string | null;
  /** When the request arrived: the deadline is judged on it, not on when the lock was obtained. */
  arrivedAt: Date;
}

/**
 * Submits the answers (and the files posted with them) as a new version, in ONE transaction with
 * the application row locked: concurrent replays of one form run one after another, the first
 * stores the files and writes the version, every later one finds the version by its key before
 * reading any file, so a replay never stores a copy. The acknowledgement mail is queued in the same
 * transaction, so it exists if and only if the version does; the caller acknowledges only after
 * this returns, i.e. after COMMIT. Only the person's own applications (owner or member) are found.
 */
export async function submitApplication(
  services: Services,
  actor: Actor,
  user: CurrentUser,
  input: SubmitInput,
): Promise<SubmitResult> {
  try {
    return await submitInTransaction(services, actor, user, input);
  } catch (error) {
    // The same key sent at the same instant for two different applications (a crafted or copied
    // form): the unique index refuses the second; it is a stale form, not a server error.
    if ((error as { code?: string }).code === '23505') return { ok: false, reason: 'stale_key' };
    throw error;
  }
}

async function submitInTransaction(
  services: Services,
  actor: Actor,
  user: CurrentUser,
  input: SubmitInput,
): Promise<SubmitResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit, atCommit): Promise<SubmitResult> => {
    const locked = await lockApplicationForChange(trx, input.applicationId, user, input.idempotencyKey);
    if (!locked?.isMember) return { ok: false, reason: 'not_found' };
    const { application, definition, previous } = locked;
    const typed = input.posted
      ? readAnswers(definition, input.posted.body)
      : { answers: input.answers ?? {}, errors: {} };
    const kept = (answers: AnswerMap): Kept => ({ answers, typeErrors: typed.errors });

    if (previous && previous.applicationId !== application.id)
      return { ok: false, reason: 'stale_key', ...kept(typed.answers) };
    if (previous) return { ok: true, version: previous.version, submittedAt: previous.submittedAt, replayed: true };

    const season = locked.season;
    if (!season) throw new Error(`no season ${application.seasonId}`);
    const closed = callClosing(season.closesAt);
    const onTime = isOnTime(input.arrivedAt, closed);
    // The files first, as a save would store them (a draft stays editable after the deadline).
    let answers = typed.answers;
    if (input.posted && changesFiles(input.posted)) {
      const editable = changeableNow(application.state, onTime);
      const attached = await attachInTransaction(trx, audit, atCommit, {
        services,
        userId: user.id,
        applicationId: application.id,
        definition,
        typed: answers,
        submission: input.posted,
        editable,
        held: locked.held,
      });
      answers = attached.answers;
      if (attached.status) {
        // A refused file stops the submit and stores no file; what was typed is kept as the draft.
        // A form read only in part (stopped at a limit) lacks its later fields: the draft keeps its own.
        if (editable && input.posted.complete !== false)
          await writeDraft(trx, application.id, application.formId, answers, now, definition);
        // Every other error of the submission is told at once with the refused file, so that one
        // correction round is enough (a form read only in part cannot be judged: its later fields never came).
        const others = input.posted.complete === false ? {} : validateForSubmit(definition, answers);
        const errors = { ...others, ...typed.errors, ...attached.errors };
        return { ok: false, reason: 'files', errors, status: attached.status, ...kept(answers) };
      }
    } else if (input.posted) {
      // A posted file id proves nothing: only the files this application holds are kept.
      answers = keepHeldFileIds(definition, answers, locked.held);
    }

    if (!isEditable(application.state))
      return { ok: false, reason: 'not_editable', state: application.state, ...kept(answers) };
    if (!onTime) {
      // A draft keeps what was typed even when it is too late to submit it.
      if (application.state === 'draft')
        await writeDraft(trx, application.id, application.formId, answers, now, definition);
      return { ok: false, reason: 'closed', closesAt: closed.closesAt, ...kept(answers) };
    }

    const errors = validateForSubmit(definition, answers);
    const kind = applicantKindOf(definition, answers);
    if (kind && !season.eligibleKinds.includes(kind))
      errors[APPLICANT_KIND_QUESTION] ??= { message: m.kindNotEligible };
    if (Object.keys(errors).length > 0) {
      // What was typed is kept as the draft whatever happens next: a refused submit loses nothing.
      await writeDraft(trx, application.id, application.formId, answers, now, definition);
      return { ok: false, reason: 'invalid', errors, ...kept(answers) };
    }

    const version = application.currentVersion + 1;
    const sha256 = answersSha256(answers);
    const title = titleOf(definition, answers);
    // Nothing below is read back before COMMIT: the version, the state change with its transition,
    // the answers as the draft, the words staff search (those of this version, until the next
    // submit), the mail and the jobs go with the files and the audit events in one statement.
    const stored = atCommit.add(sql`
      insert into application_versions (application_id, version, form_id, answers, answers_sha256, submitted_at, submitted_by, idempotency_key)
      values (${application.id}, ${version}, ${application.formId}, ${JSON.stringify(answers)}::jsonb, ${sha256}, ${input.arrivedAt}, ${user.id}, ${input.idempotencyKey})
      returning answers`);
    if (application.state === 'draft') {
      atCommit.add(sql`
        insert into application_transitions (application_id, from_state, to_state, reason, at, actor_id)
        values (${application.id}, 'draft', 'submitted', '', ${now}, ${user.id})`);
    }
    atCommit.add(sql`
      update applications
         set draft_answers = ${stored}.answers, draft_saved_at = ${now}, title = ${title},
             territory = ${territoryOf(definition, answers)}, state = 'submitted', current_version = ${version},
             applicant_kind = coalesce(${kind ?? null}, applicant_kind),
             submitted_at = ${input.arrivedAt}, updated_at = ${now},
             submitted_search = setweight(to_tsvector(${SEARCH_CONFIG}, ${title}), 'A') || setweight(jsonb_to_tsvector(${SEARCH_CONFIG}, ${stored}.answers, '["string"]'), 'B')
        from ${stored}
       where applications.id = ${application.id}`);
    await queueMail(
      atCommit,
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
    await enqueueOrganisationCheck(atCommit, application.id, now);
    await audit({
      action: 'application.submit',
      subjectType: 'application',
      subjectId: application.id,
      summary: { version, sha256, from: application.state },
    });
    return { ok: true, version, submittedAt: input.arrivedAt, replayed: false };
  });
}
