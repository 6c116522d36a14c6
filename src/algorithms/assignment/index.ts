/** The reviewer-assignment engine: pure computation, no database and no HTTP (decision 0006). */
export { type Bid, computeAffinities } from './affinity.js';
export { assignById } from './assign-by-id.js';
export { CsvInputError, type Pair, readAffinityCsv, readPairCsv, readTopicCsv, topicsByOwner } from './csv.js';
