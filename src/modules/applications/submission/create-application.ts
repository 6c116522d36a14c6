import { sql } from 'kysely';
import type { Actor } from '../../../core/audit/audit.js';
import { auditedTransaction } from '../../../core/audit/audit.js';
import type { CurrentUser } from '../../../core/auth/permissions.js';
import type { FieldError } from '../../../core/http/forms.js';
import type { Services } from '../../../core/services.js';
import { type SeasonRecord, seasonStatus } from '../../seasons/index.js';
import { APPLICANT_KIND_QUESTION, asksApplicantKind } from '../form/model.js';
import { applicationMessages as m } from '../messages.js';
import { loadCurrentFormVersion } from '../queries.js';
import { scheduleDraftReminders } from './draft-reminders.js';
import { MAX_APPLICATIONS_PER_SEASON } from './limits.js';

export interface CreateApplicationInput {
  trackCode: string;
  applicantKind: string;
}

export type CreateApplicationResult =
  | { ok: true; id: string }
  | { ok: false; errors: Record<string, FieldError>; limited?: true };

/**
 * Creates a draft for the signed-in person in an open season, against the season's current form
 * version, with that person as its owner member.
 */
export async function createApplication(
  services: Services,
  actor: Actor,
  user: CurrentUser,
  season: SeasonRecord,
  input: CreateApplicationInput,
): Promise<CreateApplicationResult> {
  const now = services.clock.now();
  const errors: Record<string, FieldError> = {};
  if (seasonStatus(season, now) !== 'open') errors.track_code = { message: m.callNotOpen };
  if (!season.tracks.some((t) => t.code === input.trackCode)) errors.track_code ??= { message: m.choose };
  if (!season.eligibleKinds.includes(input.applicantKind)) errors.applicant_kind = { message: m.choose };
  const form = await loadCurrentFormVersion(services.db, season.id);
  if (!form) errors.track_code ??= { message: m.noForm };
  if (Object.keys(errors).length > 0 || !form) return { ok: false, errors };
  const id = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    // One account's creations wait for each other, so parallel requests cannot pass the limit together.
    await sql`select pg_advisory_xact_lock(3, hashtext(${user.id}))`.execute(trx);
    const owned = await trx
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('owner_id', '=', user.id)
      .where('season_id', '=', season.id)
      .executeTakeFirstOrThrow();
    if (Number(owned.n) >= MAX_APPLICATIONS_PER_SEASON) return null;
    const row = await trx
      .insertInto('applications')
      .values({
        season_id: season.id,
        track_code: input.trackCode,
        form_id: form.id,
        owner_id: user.id,
        applicant_kind: input.applicantKind,
        title: '',
        state: 'draft',
        // Asked once: the form's own question about the kind of applicant starts with this answer.
        draft_answers: JSON.stringify(
          asksApplicantKind(form.definition, input.applicantKind)
            ? { [APPLICANT_KIND_QUESTION]: input.applicantKind }
            : {},
        ),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('application_members')
      .values({
        application_id: row.id,
        email: user.email.toLowerCase(),
        user_id: user.id,
        role: 'owner',
        invited_at: now,
        accepted_at: now,
      })
      .execute();
    await scheduleDraftReminders(trx, season, now);
    await audit({
      action: 'application.create',
      subjectType: 'application',
      subjectId: row.id,
      summary: { season: season.slug, track: input.trackCode, kind: input.applicantKind },
    });
    return row.id;
  });
  if (id === null)
    return {
      ok: false,
      limited: true,
      errors: { track_code: { message: m.tooManyApplications, params: { max: MAX_APPLICATIONS_PER_SEASON } } },
    };
  return { ok: true, id };
}
