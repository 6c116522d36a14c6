import type { Kysely, Selectable, Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import type { FormReader } from '../../core/http/forms.js';
import { isoDateParis } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { parisClockTime, parisDateTime } from '../../core/time/paris-time.js';
import { juryMessages as m } from './messages.js';
import { scheduleReviewReminders } from './scoring/reminders.js';
import type { ReviewPhasesTable } from './tables.js';

type Db = Kysely<DB> | Transaction<DB>;
export type PhaseRow = Selectable<ReviewPhasesTable>;

export const VISIBILITIES = ['assigned', 'all'] as const;
export const OTHERS_REVIEWS = ['never', 'after_own', 'always'] as const;

export interface PhaseInput {
  name: string;
  nameEn: string;
  startsAt: Date;
  endsAt: Date;
  visibility: (typeof VISIBILITIES)[number];
  othersReviews: (typeof OTHERS_REVIEWS)[number];
  blind: boolean;
  editableAfterEnd: boolean;
}

export async function listPhases(db: Db, seasonId: string): Promise<PhaseRow[]> {
  return db
    .selectFrom('review_phases')
    .selectAll()
    .where('season_id', '=', seasonId)
    .orderBy('starts_at')
    .orderBy('position')
    .execute();
}

export async function loadPhase(db: Db, seasonId: string, phaseId: string): Promise<PhaseRow | undefined> {
  return db
    .selectFrom('review_phases')
    .selectAll()
    .where('season_id', '=', seasonId)
    .where('id', '=', phaseId)
    .executeTakeFirst();
}

/** "2026-04-01T09:00" typed in Paris time → the instant; null (and an error on the field) when invalid. */
function parisDateTimeField(form: FormReader, field: string): Date | null {
  const value = form.text(field, { required: true, max: 19 });
  if (!value || form.errors[field]) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(value);
  let date: Date | null = null;
  try {
    date = match ? parisDateTime(match[1], match[2]) : null;
  } catch {
    date = null; // an hour or minute out of range
  }
  if (!date || Number.isNaN(date.getTime()) || isoDateParis(date) !== match![1]) {
    form.fail(field, m.dateTimeInvalid);
    return null;
  }
  return date;
}

/** The value of a datetime-local field showing this instant in Paris time. */
export function parisInputValue(instant: Date): string {
  return `${isoDateParis(instant)}T${parisClockTime(instant).slice(0, 5)}`;
}

/** Reads the phase form; errors are recorded on the form's fields. */
export function readPhaseForm(form: FormReader): PhaseInput | null {
  const name = form.text('name', { required: true, max: 120 });
  const nameEn = form.text('name_en', { max: 120 });
  const startsAt = parisDateTimeField(form, 'starts_at');
  const endsAt = parisDateTimeField(form, 'ends_at');
  if (startsAt && endsAt && endsAt <= startsAt) form.fail('ends_at', m.endsAfterStart);
  const visibility = form.choice('visibility', VISIBILITIES, { required: true });
  const othersReviews = form.choice('others_reviews', OTHERS_REVIEWS, { required: true });
  const blind = form.checkbox('blind');
  const editableAfterEnd = form.checkbox('editable_after_end');
  if (!form.ok || !startsAt || !endsAt || !visibility || !othersReviews) return null;
  return { name, nameEn, startsAt, endsAt, visibility, othersReviews, blind, editableAfterEnd };
}

/** Creates a phase (phaseId undefined) or changes one of the season's phases. Returns its id, or null if unknown. */
export async function savePhase(
  services: Services,
  actor: Actor,
  seasonId: string,
  phaseId: string | undefined,
  input: PhaseInput,
): Promise<string | null> {
  const values = {
    name: input.name,
    name_en: input.nameEn,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    visibility: input.visibility,
    others_reviews: input.othersReviews,
    blind: input.blind,
    editable_after_end: input.editableAfterEnd,
  };
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    let id: string | undefined;
    if (phaseId) {
      id = (
        await trx
          .updateTable('review_phases')
          .set(values)
          .where('id', '=', phaseId)
          .where('season_id', '=', seasonId)
          .returning('id')
          .executeTakeFirst()
      )?.id;
      if (!id) return null;
    } else {
      const position = await trx
        .selectFrom('review_phases')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('season_id', '=', seasonId)
        .executeTakeFirstOrThrow();
      id = (
        await trx
          .insertInto('review_phases')
          .values({ season_id: seasonId, ...values, position: Number(position.n), created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    // Reviewers with unfinished reviews are reminded before the phase ends, whoever opens which page.
    await scheduleReviewReminders(trx, { id, endsAt: input.endsAt }, now);
    await audit({
      action: phaseId ? 'review.phase-updated' : 'review.phase-created',
      subjectType: 'review_phase',
      subjectId: id,
      summary: { ...values, starts_at: input.startsAt.toISOString(), ends_at: input.endsAt.toISOString() },
    });
    return id;
  });
}
