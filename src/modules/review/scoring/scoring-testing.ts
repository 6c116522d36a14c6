import type { Kysely } from 'kysely';
import {
  type ApplicationState,
  currentForm,
  DEFAULT_FORM,
  insertApplication,
  insertVersion,
  seedOpenSeason,
} from '../../../../test/support/factories/applications.js';
import { DEFAULT_CRITERIA, insertCriteria, updateSeason } from '../../../../test/support/factories/seasons.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import type { Clock } from '../../../core/clock.js';
import type { DB } from '../../../core/db/schema.js';
import './tables.js';

/**
 * Test support for scoring: fixtures written straight into the jury tables (season with the five
 * criteria, submitted applications, jury members, a phase, a published assignment run). The code under
 * test is then reached through HTTP and use cases only.
 */
export interface ScoringFixture {
  seasonId: string;
  applications: string[];
  reviewers: SignedInUser[];
  memberIds: string[];
  phaseId: string;
  runId: string;
  /** assignments[reviewer index][application id] = assignment id */
  assignments: Map<string, string>[];
}

export interface FixtureOptions {
  slug: string;
  number: number;
  /** Titles of the applications (track 'numerique' unless `tracks` says otherwise). */
  titles: string[];
  /** Track code of each application, by index ('numerique' or 'autres'); default 'numerique'. */
  tracks?: string[];
  /** State of each application, by index; default 'in_review'. */
  states?: ApplicationState[];
  /** Answers added to (or replacing) the default ones, by application index. */
  answers?: Record<string, unknown>[];
  reviewers: number;
  /** Pairs [reviewer index, application index] to assign. */
  pairs: [number, number][];
  phase: {
    startsAt: Date;
    endsAt: Date;
    blind?: boolean;
    othersReviews?: 'never' | 'after_own' | 'always';
    editableAfterEnd?: boolean;
    visibility?: 'assigned' | 'all';
  };
  published?: boolean;
  laureatesSought?: number;
}

export async function seedScoringFixture(
  db: Kysely<DB>,
  clock: Clock,
  options: FixtureOptions,
): Promise<ScoringFixture> {
  const now = clock.now();
  const season = await seedOpenSeason(db, { slug: options.slug, number: options.number, form: DEFAULT_FORM });
  if (options.laureatesSought !== undefined)
    await updateSeason(db, season.id, { laureates_sought: options.laureatesSought });
  await insertCriteria(
    db,
    DEFAULT_CRITERIA.map((c, position) => ({
      season_id: season.id,
      code: c.code,
      label: c.label,
      label_en: c.labelEn,
      description: c.description,
      description_en: c.descriptionEn,
      weight: c.weight,
      position,
    })),
  );
  const form = await currentForm(db, season.id);
  const applications: string[] = [];
  for (const [i, title] of options.titles.entries()) {
    const owner = await createSignedInUser(db, clock, [], `porteur${i}`);
    const row = await insertApplication(db, {
      season_id: season.id,
      track_code: options.tracks?.[i] ?? 'numerique',
      form_id: form.id,
      owner_id: owner.id,
      applicant_kind: 'association',
      title,
      state: options.states?.[i] ?? 'in_review',
      draft_answers: '{}',
      submitted_at: now,
      current_version: 1,
      created_at: now,
      updated_at: now,
    });
    const answers = {
      project_name: title,
      project_summary: `Résumé du projet ${title}.`,
      organisation_type: 'association',
      organisation_name: `Association Secrète ${i}`,
      organisation_rna: 'W751234567',
      team: [
        { member_name: `Camille Porteuse${i}`, member_email: `camille${i}@exemple.fr`, member_role: 'Présidente' },
      ],
      needs_levers: ['coaching'],
      needs_stage: 'deploy',
      ...options.answers?.[i],
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
    applications.push(row.id);
  }
  const reviewers: SignedInUser[] = [];
  const memberIds: string[] = [];
  for (let r = 0; r < options.reviewers; r++) {
    const reviewer = await createSignedInUser(db, clock, [{ role: 'reviewer' }], `jure${r}`);
    const member = await db
      .insertInto('jury_members')
      .values({
        season_id: season.id,
        user_id: reviewer.id,
        expertise: '',
        topics: [],
        min_load: 0,
        max_load: 10,
        invited_at: now,
        invited_by: null,
        removed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    reviewers.push(reviewer);
    memberIds.push(member.id);
  }
  const phase = await db
    .insertInto('review_phases')
    .values({
      season_id: season.id,
      name: 'Évaluation',
      name_en: 'Review',
      starts_at: options.phase.startsAt,
      ends_at: options.phase.endsAt,
      blind: options.phase.blind ?? false,
      others_reviews: options.phase.othersReviews ?? 'after_own',
      editable_after_end: options.phase.editableAfterEnd ?? false,
      visibility: options.phase.visibility ?? 'assigned',
      position: 0,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const run = await db
    .insertInto('assignment_runs')
    .values({
      season_id: season.id,
      per_application: 3,
      fair: false,
      total_affinity: 0,
      min_application_affinity: 0,
      optimal: true,
      seconds: 0,
      created_at: now,
      published_at: options.published === false ? null : now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const assignments = reviewers.map(() => new Map<string, string>());
  for (const [r, a] of options.pairs) {
    const row = await db
      .insertInto('review_assignments')
      .values({
        run_id: run.id,
        season_id: season.id,
        application_id: applications[a],
        member_id: memberIds[r],
        origin: 'engine',
        affinity: 0,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assignments[r].set(applications[a], row.id);
  }
  return { seasonId: season.id, applications, reviewers, memberIds, phaseId: phase.id, runId: run.id, assignments };
}

/** A conflict of interest between a jury member and an application (as staff or detection would record). */
export async function addConflict(db: Kysely<DB>, applicationId: string, memberId: string): Promise<void> {
  await db
    .insertInto('review_conflicts')
    .values({
      application_id: applicationId,
      member_id: memberId,
      source: 'staff',
      reason: 'test',
      created_at: new Date(),
    })
    .execute();
}

/** Every score of the review form set to `level`, with an opinion and a confidence: a complete submission. */
export function completeReview(level: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...Object.fromEntries(DEFAULT_CRITERIA.map((c) => [`score_${c.code}`, String(level)])),
    opinion: 'accept',
    confidence: '2',
    overall: 'Dossier solide.',
    action: 'submit',
    ...extra,
  };
}
