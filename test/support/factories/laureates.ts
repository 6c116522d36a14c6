import type { Kysely } from 'kysely';
import type { Clock } from '../../../src/core/clock.js';
import type { DB } from '../../../src/core/db/schema.js';
import { confirmPlacesForTest, seedClosedDeliberation } from '../../../src/modules/decisions/testing.js';
import { createSignedInUser, type SignedInUser } from '../users.js';
import {
  currentForm,
  DEFAULT_FORM,
  insertApplication,
  insertMember,
  insertVersion,
  seedOpenSeason,
} from './applications.js';

/**
 * Confirmed laureates, ready for the support and grants modules: a season (tracks `numerique` and `autres`,
 * the default form), one submitted application per entry in state `laureate`, its owner signed in (and a
 * co-applicant who accepted, signed in too), a closed deliberation deciding it laureate with an amount, and
 * the place confirmed. `confirmed: false` leaves a laureate who has not confirmed yet (no space).
 */
export interface LaureateSeed {
  title: string;
  track?: 'numerique' | 'autres';
  amountCents?: number;
  confirmed?: boolean;
  /** Answers added to the defaults (organisation: an association with an RNA). */
  answers?: Record<string, unknown>;
}

export interface SeededLaureate {
  applicationId: string;
  title: string;
  track: string;
  owner: SignedInUser;
  coApplicant: SignedInUser;
}

export async function seedConfirmedLaureates(
  db: Kysely<DB>,
  clock: Clock,
  options: { slug: string; number: number; laureates: LaureateSeed[] },
): Promise<{ seasonId: string; laureates: SeededLaureate[] }> {
  const now = clock.now();
  const season = await seedOpenSeason(db, { slug: options.slug, number: options.number, form: DEFAULT_FORM });
  const form = await currentForm(db, season.id);
  const laureates: SeededLaureate[] = [];
  for (const [i, seed] of options.laureates.entries()) {
    const owner = await createSignedInUser(db, clock, [{ role: 'applicant' }], `laureat${i}`);
    const coApplicant = await createSignedInUser(db, clock, [{ role: 'applicant' }], `coporteur${i}`);
    const track = seed.track ?? 'numerique';
    const row = await insertApplication(db, {
      season_id: season.id,
      track_code: track,
      form_id: form.id,
      owner_id: owner.id,
      applicant_kind: 'association',
      title: seed.title,
      state: 'laureate',
      draft_answers: '{}',
      submitted_at: now,
      current_version: 1,
      created_at: now,
      updated_at: now,
    });
    await insertMember(db, {
      application_id: row.id,
      email: owner.email,
      user_id: owner.id,
      role: 'owner',
      invited_at: now,
      accepted_at: now,
    });
    await insertMember(db, {
      application_id: row.id,
      email: coApplicant.email,
      user_id: coApplicant.id,
      role: 'co-applicant',
      invited_at: now,
      accepted_at: now,
    });
    const answers = {
      project_name: seed.title,
      project_summary: `Résumé du projet ${seed.title}.`,
      organisation_type: 'association',
      organisation_name: `Association ${seed.title}`,
      organisation_rna: `W75123456${i % 10}`,
      needs_levers: ['coaching'],
      needs_stage: 'deploy',
      ...seed.answers,
    };
    await insertVersion(db, {
      application_id: row.id,
      version: 1,
      form_id: form.id,
      answers: JSON.stringify(answers),
      answers_sha256: 'x',
      submitted_at: now,
      submitted_by: owner.id,
    });
    laureates.push({ applicationId: row.id, title: seed.title, track, owner, coApplicant });
  }
  await seedClosedDeliberation(db, {
    seasonId: season.id,
    now,
    decisions: laureates.map((l, i) => ({
      applicationId: l.applicationId,
      outcome: 'laureate' as const,
      amountCents: options.laureates[i].amountCents ?? 3_000_000,
    })),
  });
  await confirmPlacesForTest(
    db,
    laureates.filter((_, i) => options.laureates[i].confirmed !== false).map((l) => l.applicationId),
    now,
  );
  return { seasonId: season.id, laureates };
}
