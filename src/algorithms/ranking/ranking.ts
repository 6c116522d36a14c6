import { seededRandom } from '../sortition/prng.js';
import { calibrate, DEFAULT_BIAS_RIDGE, type Observation } from './calibration.js';

/**
 * From reviews to a ranking: each review's weighted criteria score, per application the raw mean and
 * median, the calibrated score of the reviewer-offset model (./calibration.ts), a rank with an
 * uncertainty interval from a seeded residual bootstrap, and a flag on the applications whose interval
 * crosses the selection line. Pure and deterministic given the seed.
 */

export interface CriterionWeight {
  code: string;
  weight: number;
}

export interface ReviewScores {
  application: string;
  reviewer: string;
  /** criterion code → level. */
  scores: Record<string, number>;
}

export interface RankingOptions {
  criteria: readonly CriterionWeight[];
  /** The selection line: the top `selectionSize` are the laureates sought. */
  selectionSize: number;
  /** Breaks ties and drives the bootstrap; recorded with the ranking. */
  seed: number;
  /** Bootstrap replicates (default 200). */
  replicates?: number;
  /** Coverage of the rank interval (default 0.9). */
  level?: number;
  ridge?: number;
}

export interface RankedApplication {
  application: string;
  reviews: number;
  mean: number;
  median: number;
  calibrated: number;
  rank: number;
  rankLow: number;
  rankHigh: number;
  /** The interval holds ranks on both sides of the selection line. */
  crossesLine: boolean;
}

export interface ReviewerBias {
  reviewer: string;
  reviews: number;
  bias: number;
}

export interface Ranking {
  applications: RankedApplication[];
  biases: ReviewerBias[];
  seed: number;
  replicates: number;
  level: number;
  selectionSize: number;
  residualVariance: number;
}

/**
 * A review's score: the weighted mean of its criteria levels (Σ wᵢ sᵢ / Σ wᵢ), on the scale of the
 * rubric. Null when a criterion with a positive weight has no valid level.
 */
export function weightedScore(scores: Record<string, number>, criteria: readonly CriterionWeight[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    if (!(c.weight > 0)) continue;
    const s = scores[c.code];
    if (typeof s !== 'number' || !Number.isFinite(s)) return null;
    sum += c.weight * s;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : null;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Kendall's τ-a between two scorings of the same items (1: same order, −1: reversed). */
export function kendallTau(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error('kendallTau needs two scorings of the same items');
  const n = a.length;
  if (n < 2) return 1;
  let score = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) score += Math.sign(a[i] - a[j]) * Math.sign(b[i] - b[j]);
  }
  return score / ((n * (n - 1)) / 2);
}

/** FNV-1a of a string, as a 32-bit seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The tie-break key of an application under a seed: equal scores are ordered by it, reproducibly. */
export function tieKey(seed: number, application: string): number {
  return seededRandom(hash32(`${seed >>> 0}:${application}`))();
}

const EPSILON = 1e-9;

/** Application ids best first: higher score, then the seeded tie key. */
export function orderByScore(scores: ReadonlyMap<string, number>, tieKeys: ReadonlyMap<string, number>): string[] {
  return [...scores.keys()].sort((x, y) => {
    const d = scores.get(y)! - scores.get(x)!;
    if (Math.abs(d) > EPSILON) return d;
    return tieKeys.get(x)! - tieKeys.get(y)! || (x < y ? -1 : x > y ? 1 : 0);
  });
}

function quantileOfSorted(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index];
}

/**
 * Ranks the applications that have at least one complete review. Reviews whose weighted score is
 * null (a criterion missing) are left out.
 */
export function rankApplications(reviews: readonly ReviewScores[], options: RankingOptions): Ranking {
  const replicates = options.replicates ?? 200;
  const level = options.level ?? 0.9;
  const ridge = options.ridge ?? DEFAULT_BIAS_RIDGE;
  const observations: Observation[] = [];
  for (const review of reviews) {
    const score = weightedScore(review.scores, options.criteria);
    if (score !== null) observations.push({ application: review.application, reviewer: review.reviewer, score });
  }
  const fit = calibrate(observations, ridge);
  const byApp = new Map<string, number[]>();
  const reviewCount = new Map<string, number>();
  for (const o of observations) {
    const scores = byApp.get(o.application);
    if (scores) scores.push(o.score);
    else byApp.set(o.application, [o.score]);
    reviewCount.set(o.reviewer, (reviewCount.get(o.reviewer) ?? 0) + 1);
  }
  const tieKeys = new Map([...fit.quality.keys()].map((id) => [id, tieKey(options.seed, id)]));
  const order = orderByScore(fit.quality, tieKeys);
  const rankOf = new Map(order.map((id, i) => [id, i + 1]));

  // Residual bootstrap: the design (who reviewed what) stays; each score is redrawn as its fitted value
  // plus a residual drawn with replacement, inflated for the degrees of freedom the fit used.
  const fitted = observations.map((o) => fit.quality.get(o.application)! + fit.bias.get(o.reviewer)!);
  const residuals = observations.map((o, i) => o.score - fitted[i]);
  const inflate = Math.sqrt(observations.length / Math.max(1, observations.length - fit.quality.size - fit.bias.size + 1));
  const random = seededRandom(hash32(`bootstrap:${options.seed >>> 0}`));
  const ranks = new Map<string, number[]>(order.map((id) => [id, []]));
  for (let b = 0; b < replicates && observations.length > 0; b++) {
    const sample = observations.map((o, i) => ({
      application: o.application,
      reviewer: o.reviewer,
      score: fitted[i] + inflate * residuals[Math.floor(random() * residuals.length)],
    }));
    const replicate = orderByScore(calibrate(sample, ridge).quality, tieKeys);
    replicate.forEach((id, i) => ranks.get(id)!.push(i + 1));
  }
  const tail = (1 - level) / 2;
  const applications = order.map((id) => {
    const rank = rankOf.get(id)!;
    const sorted = ranks.get(id)!.sort((x, y) => x - y);
    const rankLow = sorted.length ? Math.min(rank, quantileOfSorted(sorted, tail)) : rank;
    const rankHigh = sorted.length ? Math.max(rank, quantileOfSorted(sorted, 1 - tail)) : rank;
    const scores = byApp.get(id)!;
    return {
      application: id,
      reviews: scores.length,
      mean: mean(scores),
      median: median(scores),
      calibrated: fit.quality.get(id)!,
      rank,
      rankLow,
      rankHigh,
      crossesLine: rankLow <= options.selectionSize && rankHigh > options.selectionSize,
    };
  });
  const biases = [...fit.bias.entries()]
    .map(([reviewer, bias]) => ({ reviewer, bias, reviews: reviewCount.get(reviewer) ?? 0 }))
    .sort((x, y) => x.bias - y.bias || (x.reviewer < y.reviewer ? -1 : 1));
  return { applications, biases, seed: options.seed, replicates, level, selectionSize: options.selectionSize, residualVariance: fit.residualVariance };
}
