import type { Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { FieldError } from '../../core/http/forms.js';
import { seasonMessages as m } from './messages.js';
import type { SeasonInput } from './season-form.js';

/** Field errors that need the database: slug and number must be unique among seasons. */
export async function uniquenessErrors(
  trx: Transaction<DB>,
  input: SeasonInput,
  exceptId: string | null,
): Promise<Record<string, FieldError>> {
  const errors: Record<string, FieldError> = {};
  let query = trx
    .selectFrom('seasons')
    .select(['slug', 'number'])
    .where((eb) => eb.or([eb('slug', '=', input.slug), eb('number', '=', input.number)]));
  if (exceptId) query = query.where('id', '<>', exceptId);
  for (const other of await query.execute()) {
    if (other.slug === input.slug) errors.slug = { message: m.slugTaken };
    if (other.number === input.number) errors.number = { message: m.numberTaken };
  }
  return errors;
}

export function seasonColumns(input: SeasonInput) {
  return {
    slug: input.slug,
    number: input.number,
    name: input.name,
    name_en: input.nameEn,
    summary: input.summary,
    summary_en: input.summaryEn,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    eligible_kinds: input.eligibleKinds,
    support_months: input.supportMonths,
    grant_envelope_cents: input.grantEnvelopeCents,
    laureates_sought: input.laureatesSought,
  };
}

/**
 * Brings a season's tracks and criteria in line with the form. Rows are matched by code so a
 * kept track or criterion keeps its id (applications and scores will point at it).
 */
export async function replaceTracksAndCriteria(
  trx: Transaction<DB>,
  seasonId: string,
  input: SeasonInput,
): Promise<void> {
  const trackCodes = input.tracks.map((t) => t.code);
  let dropTracks = trx.deleteFrom('season_tracks').where('season_id', '=', seasonId);
  if (trackCodes.length > 0) dropTracks = dropTracks.where('code', 'not in', trackCodes);
  await dropTracks.execute();
  for (const [position, track] of input.tracks.entries()) {
    const values = { name: track.name, name_en: track.nameEn, lead: track.lead, position };
    await trx
      .insertInto('season_tracks')
      .values({ season_id: seasonId, code: track.code, ...values })
      .onConflict((oc) => oc.columns(['season_id', 'code']).doUpdateSet(values))
      .execute();
  }
  const criterionCodes = input.criteria.map((c) => c.code);
  let dropCriteria = trx.deleteFrom('season_criteria').where('season_id', '=', seasonId);
  if (criterionCodes.length > 0) dropCriteria = dropCriteria.where('code', 'not in', criterionCodes);
  await dropCriteria.execute();
  for (const [position, c] of input.criteria.entries()) {
    const values = {
      label: c.label,
      label_en: c.labelEn,
      description: c.description,
      description_en: c.descriptionEn,
      weight: c.weight,
      position,
    };
    await trx
      .insertInto('season_criteria')
      .values({ season_id: seasonId, code: c.code, ...values })
      .onConflict((oc) => oc.columns(['season_id', 'code']).doUpdateSet(values))
      .execute();
  }
}

/** The audit summary of a season: small and without free text. */
export function seasonSummary(input: SeasonInput): Record<string, unknown> {
  return {
    slug: input.slug,
    number: input.number,
    opensAt: input.opensAt.toISOString(),
    closesAt: input.closesAt.toISOString(),
    eligibleKinds: input.eligibleKinds,
    supportMonths: input.supportMonths,
    grantEnvelopeCents: input.grantEnvelopeCents,
    laureatesSought: input.laureatesSought,
    tracks: input.tracks.map((t) => t.code),
    criteria: input.criteria.map((c) => `${c.code}:${c.weight}`),
  };
}
