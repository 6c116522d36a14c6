/** French text search: accent folding, terms, BM25 ranking. */
export { Bm25Index } from './bm25.js';
export { foldAccents, terms } from './french.js';
