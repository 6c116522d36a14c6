/** The sortition engine: pure computation, no database and no HTTP (issue 5). */
export { type Algorithm, type AnalyseOptions, type Analysis, analyse } from './analyse.js';
export {
  parseSlotsJson,
  SLOT_COUNT,
  slotForRandom,
  type VerificationReport,
  verifyPublished,
  verifyWithoutPool,
} from './commitment.js';
export { parseCsv } from './csv.js';
export { type Commitment, drawFromCommitment, drawJson, loadCommitment, prepareCommitment } from './draw.js';
export { type InfeasibilityExplanation, InfeasibleQuotasError } from './feasibility.js';
export {
  buildInstance,
  canonicalCategoriesCsv,
  canonicalPoolCsv,
  type Instance,
  type PoolPerson,
  panelProblems,
  parseCategoriesCsv,
  parsePoolCsv,
  type Quota,
  type SortitionInput,
  SortitionInputError,
  validateSize,
} from './instance.js';
// What the benchmarks measure beside the commands' entry points.
export { type LegacyEstimate, legacyProbabilities } from './legacy.js';
export { leximinDistribution, type TypeDistribution } from './leximin.js';
export { relaxationBound } from './lp-bound.js';
export { seededRandom } from './prng.js';
export { drawReplacements, NoReplacementError } from './replacement.js';
export { roundToSlots } from './rounding.js';
export { replayReplacements } from './verify-replacements.js';
