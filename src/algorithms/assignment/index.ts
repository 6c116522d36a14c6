/** The reviewer-assignment engine: pure computation, no database and no HTTP (decision 0006). */
export { type Bid, computeAffinities } from './affinity.js';
export { assignById } from './assign-by-id.js';
export { CsvInputError, type Pair, readAffinityCsv, readPairCsv, readTopicCsv, topicsByOwner } from './csv.js';
// What the benchmarks measure beside the module's entry points.
export { assignReviewers, fairnessBound } from './engine.js';
export { solveAssignmentLp } from './highs-oracle.js';
export { randomInstance } from './random-instance.js';
export { topicInstance } from './topic-instance.js';
export { countViolations } from './violations.js';
