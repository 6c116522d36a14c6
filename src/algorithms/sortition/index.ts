/** The sortition engine: pure computation, no database and no HTTP (issue 5). */
export { analyse, type Algorithm, type Analysis, type AnalyseOptions } from './analyse.js';
export { prepareCommitment, drawFromCommitment, drawJson, loadCommitment, type Commitment } from './draw.js';
export {
  verifyPublished,
  verifyWithoutPool,
  slotForRandom,
  parseSlotsJson,
  SLOT_COUNT,
  type VerificationReport,
} from './commitment.js';
export { drawReplacements, NoReplacementError } from './replacement.js';
export { InfeasibleQuotasError, type InfeasibilityExplanation } from './feasibility.js';
export {
  buildInstance,
  parseCategoriesCsv,
  parsePoolCsv,
  validateSize,
  panelProblems,
  SortitionInputError,
  type Quota,
  type PoolPerson,
  type SortitionInput,
  type Instance,
} from './instance.js';
export { relaxationBound } from './lp-bound.js';
