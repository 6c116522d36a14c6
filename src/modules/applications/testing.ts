import type { Kysely } from 'kysely';
import { insertSeason, insertTracks } from '../../../test/support/factories/seasons.js';
import type { DB } from '../../core/db/schema.js';
import type { FormDefinition } from './form/model.js';

/**
 * Test support: a season open from 1 February to 31 March 2026 (23:59:59 Paris), with the two AIC tracks
 * (`numerique`, `autres`) and `form` as its application form, version 1.
 */
export async function seedOpenSeason(
  db: Kysely<DB>,
  options: { slug: string; number: number; form: FormDefinition; eligibleKinds?: string[] },
): Promise<{ id: string }> {
  const season = await insertSeason(db, {
    slug: options.slug,
    number: options.number,
    name: `Saison ${options.number}`,
    name_en: `Season ${options.number}`,
    opens_at: new Date('2026-02-01T00:00:00Z'),
    closes_at: new Date('2026-03-31T21:59:59Z'),
    summary: '',
    summary_en: '',
    eligible_kinds: options.eligibleKinds ?? ['association'],
    support_months: 6,
    grant_envelope_cents: 0,
    laureates_sought: 5,
    created_at: new Date(),
    updated_at: new Date(),
  });
  await insertTracks(db, [
    {
      season_id: season.id,
      code: 'numerique',
      name: 'Communs numériques',
      name_en: 'Digital commons',
      lead: 'DINUM',
      position: 0,
    },
    {
      season_id: season.id,
      code: 'autres',
      name: 'Autres communs',
      name_en: 'Other commons',
      lead: 'DITP',
      position: 1,
    },
  ]);
  await db
    .insertInto('application_forms')
    .values({ season_id: season.id, version: 1, definition: JSON.stringify(options.form), created_at: new Date() })
    .execute();
  return season;
}
