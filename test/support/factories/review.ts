/**
 * The review module's test factory: the door to its scoring fixtures (a season with criteria, applications, jury
 * members, a phase and a published assignment run) and to submitting a review, for other modules' tests.
 */
export { saveReview } from '../../../src/modules/review/scoring/save-review.js';
export {
  completeReview,
  type ScoringFixture,
  seedScoringFixture,
} from '../../../src/modules/review/scoring/scoring-testing.js';
