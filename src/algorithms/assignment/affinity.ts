import { Bm25Index } from '../text/bm25.js';
import type { Pair, ScoredPair } from './csv.js';

/**
 * Affinity when nobody provides scores: text similarity (BM25 of the application's answers against each
 * reviewer's declared expertise and past reviews), overlap of declared topics, and the reviewer's bid,
 * blended into one score in [0, 1]. A 'conflict' bid is not a score: it is returned as a conflict.
 */
export type Bid = 'eager' | 'willing' | 'not-willing' | 'conflict';

export interface ApplicationText {
  id: string;
  text: string;
  topics?: string[];
}

export interface ReviewerProfile {
  id: string;
  expertise: string;
  pastReviews?: string[];
  topics?: string[];
}

export interface AffinityWeights {
  text: number;
  topics: number;
  bid: number;
}

export const DEFAULT_WEIGHTS: AffinityWeights = { text: 0.5, topics: 0.25, bid: 0.25 };

/** Bid values on [0, 1]; no bid is neutral. */
const BID_VALUE: Record<Exclude<Bid, 'conflict'>, number> = { eager: 1, willing: 0.6, 'not-willing': 0 };
const NO_BID = 0.4;

function jaccard(a: string[] = [], b: string[] = []): number {
  const x = new Set(a.map((t) => t.toLowerCase()));
  const y = new Set(b.map((t) => t.toLowerCase()));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return common / (x.size + y.size - common);
}

export function computeAffinities(
  applications: ApplicationText[],
  reviewers: ReviewerProfile[],
  bids: Array<{ application: string; reviewer: string; bid: Bid }> = [],
  weights: AffinityWeights = DEFAULT_WEIGHTS,
): { affinities: ScoredPair[]; conflicts: Pair[] } {
  const index = new Bm25Index(reviewers.map((r) => [r.expertise, ...(r.pastReviews ?? [])].join('\n')));
  const bidOf = new Map(bids.map((b) => [`${b.application}\u0000${b.reviewer}`, b.bid]));
  const total = weights.text + weights.topics + weights.bid;
  const affinities: ScoredPair[] = [];
  const conflicts: Pair[] = [];
  for (const app of applications) {
    const text = index.normalisedScores(app.text);
    reviewers.forEach((reviewer, r) => {
      const bid = bidOf.get(`${app.id}\u0000${reviewer.id}`);
      if (bid === 'conflict') {
        conflicts.push({ application: app.id, reviewer: reviewer.id });
        return;
      }
      const bidValue = bid ? BID_VALUE[bid] : NO_BID;
      const score =
        (weights.text * text[r] + weights.topics * jaccard(app.topics, reviewer.topics) + weights.bid * bidValue) /
        total;
      affinities.push({ application: app.id, reviewer: reviewer.id, score: Math.round(score * 1e6) / 1e6 });
    });
  }
  return { affinities, conflicts };
}
