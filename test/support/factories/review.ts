import type { Kysely } from 'kysely';
import type { DB } from '../../../src/core/db/schema.js';

/**
 * The review module's test factory: the one place outside src/modules/review where tests write its tables
 * (submitted reviews) and the door to its test helpers (a season with a jury and assignments).
 */

export { saveReview } from '../../../src/modules/review/scoring/save-review.js';
export {
  addConflict,
  completeReview,
  type FixtureOptions,
  type ScoringFixture,
  seedScoringFixture,
} from '../../../src/modules/review/scoring/scoring-testing.js';

/** A submitted review of an application by a jury member, with a score per criterion code. */
export async function insertSubmittedReview(
  db: Kysely<DB>,
  values: { memberId: string; applicationId: string; scores: Record<string, number>; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('reviews')
    .values({
      member_id: values.memberId,
      application_id: values.applicationId,
      assignment_id: null,
      phase_id: null,
      scores: JSON.stringify(values.scores),
      comments: '{}',
      overall: 'Avis du jury.',
      opinion: 'accept',
      confidence: 2,
      updated_at: values.at,
      submitted_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the scores of a submitted review (as a reviewer editing it would). */
export async function updateReviewScores(
  db: Kysely<DB>,
  memberId: string,
  applicationId: string,
  scores: Record<string, number>,
): Promise<void> {
  await db
    .updateTable('reviews')
    .set({ scores: JSON.stringify(scores) })
    .where('member_id', '=', memberId)
    .where('application_id', '=', applicationId)
    .execute();
}
