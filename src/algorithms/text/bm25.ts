import { terms } from './french.js';

/**
 * Okapi BM25 over a small corpus (the reviewers' profiles), queried with each application's text. Scores
 * are normalised per query to [0, 1] by the best document, so that they blend with topics and bids.
 */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

export class Bm25Index {
  private readonly docs: Map<string, number>[];
  private readonly lengths: number[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;
  private readonly k1: number;
  private readonly b: number;

  constructor(documents: string[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.docs = documents.map((text) => {
      const counts = new Map<string, number>();
      for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
      return counts;
    });
    this.lengths = this.docs.map((d) => [...d.values()].reduce((s, c) => s + c, 0));
    this.averageLength = this.lengths.reduce((s, l) => s + l, 0) / Math.max(1, this.docs.length) || 1;
    for (const d of this.docs)
      for (const t of d.keys()) this.documentFrequency.set(t, (this.documentFrequency.get(t) ?? 0) + 1);
  }

  private idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    const n = this.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Raw BM25 score of every document for the query. */
  scores(query: string): number[] {
    const q = new Set(terms(query));
    return this.docs.map((doc, i) => {
      let score = 0;
      for (const t of q) {
        const f = doc.get(t);
        if (!f) continue;
        score +=
          (this.idf(t) * f * (this.k1 + 1)) /
          (f + this.k1 * (1 - this.b + (this.b * this.lengths[i]) / this.averageLength));
      }
      return score;
    });
  }

  /** Scores divided by the best one (all 0 when nothing matches). */
  normalisedScores(query: string): number[] {
    const raw = this.scores(query);
    const best = Math.max(0, ...raw);
    return raw.map((s) => (best > 0 ? s / best : 0));
  }
}
