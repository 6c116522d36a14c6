import { seededRandom } from '../sortition/prng.js';
import { calibrationDesign, DEFAULT_BIAS_RIDGE, type Observation } from './calibration.js';

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
  /**
   * The applications that compete for the selection (default: every reviewed one). The reviews of
   * the others (withdrawn, say) still inform the reviewers' biases, but they get no rank and take
   * no place above the line.
   */
  candidates?: ReadonlySet<string>;
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
export function hash32(text: string): number {
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

/**
 * The given indices best first: higher score, then the seeded tie key, then the id. Scores are compared on a grid
 * of EPSILON, not by "closer than EPSILON": that relation is not transitive (a ≈ b and b ≈ c with a ≠ c), so a
 * subset of the applications could be sorted in another order than the whole.
 */
function orderByScore(
  indices: readonly number[],
  scores: ArrayLike<number>,
  tieKeys: ArrayLike<number>,
  ids: readonly string[],
): number[] {
  const level = (i: number) => Math.round(scores[i] / EPSILON);
  return [...indices].sort((x, y) => {
    const d = level(y) - level(x);
    if (d !== 0) return d;
    return tieKeys[x] - tieKeys[y] || (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : 0);
  });
}

function quantileOfSorted(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index];
}

/** The reviewer-offset model fitted on a set of reviews, with its seeded residual-bootstrap replicates. */
export interface JuryFit {
  /** Application ids, in the model's order (first review seen first). */
  ids: string[];
  reviewers: string[];
  /** Calibrated score per application (by index). */
  quality: Float64Array;
  bias: Float64Array;
  residualVariance: number;
  /** Per replicate, the calibrated score of every application (by index). */
  replicates: Float64Array[];
  /** The weighted scores of each application's reviews (by index). */
  scoresOf: number[][];
  reviewCount: number[];
}

/**
 * Fits the model and draws the residual bootstrap: the design (who reviewed what) stays; each score is
 * redrawn as its fitted value plus a residual drawn with replacement, inflated for the degrees of freedom
 * the fit used. Deterministic given the seed; the selection's combination (../selection) reuses the
 * replicates so that its uncertainty carries the jury's.
 */
export function fitJury(
  reviews: readonly ReviewScores[],
  options: Pick<RankingOptions, 'criteria' | 'seed' | 'replicates' | 'ridge'>,
): JuryFit {
  const replicates = options.replicates ?? 200;
  const ridge = options.ridge ?? DEFAULT_BIAS_RIDGE;
  const observations: Observation[] = [];
  for (const review of reviews) {
    const score = weightedScore(review.scores, options.criteria);
    if (score !== null) observations.push({ application: review.application, reviewer: review.reviewer, score });
  }
  const design = calibrationDesign(observations, ridge);
  const scores = observations.map((o) => o.score);
  const fit = design.fit(scores);
  const ids = design.applications;
  const scoresOf = ids.map((): number[] => []);
  const reviewCount = new Array<number>(design.reviewers.length).fill(0);
  observations.forEach((o, i) => {
    scoresOf[design.appOf[i]].push(o.score);
    reviewCount[design.reviewerOf[i]]++;
  });
  const fitted = observations.map((_, i) => fit.quality[design.appOf[i]] + fit.bias[design.reviewerOf[i]]);
  const residuals = observations.map((_, i) => scores[i] - fitted[i]);
  const inflate = Math.sqrt(
    observations.length / Math.max(1, observations.length - ids.length - design.reviewers.length + 1),
  );
  const random = seededRandom(hash32(`bootstrap:${options.seed >>> 0}`));
  const sample = new Float64Array(observations.length);
  const drawn: Float64Array[] = [];
  for (let b = 0; b < replicates && observations.length > 0; b++) {
    for (let i = 0; i < sample.length; i++)
      sample[i] = fitted[i] + inflate * residuals[Math.floor(random() * residuals.length)];
    drawn.push(design.fit(sample).quality);
  }
  return {
    ids,
    reviewers: design.reviewers,
    quality: fit.quality,
    bias: fit.bias,
    residualVariance: fit.residualVariance,
    replicates: drawn,
    scoresOf,
    reviewCount,
  };
}

/** The rank interval [low, high] at `level` from the ranks an item took in the replicates. */
export function rankInterval(rank: number, replicateRanks: number[], level: number): [number, number] {
  if (replicateRanks.length === 0) return [rank, rank];
  const sorted = [...replicateRanks].sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  return [Math.min(rank, quantileOfSorted(sorted, tail)), Math.max(rank, quantileOfSorted(sorted, 1 - tail))];
}

/** The given indices best first: higher score, then the seeded tie key, then the id (exported for ../selection). */
export function orderIndices(
  indices: readonly number[],
  scores: ArrayLike<number>,
  seed: number,
  ids: readonly string[],
): number[] {
  return orderByScore(
    indices,
    scores,
    ids.map((id) => tieKey(seed, id)),
    ids,
  );
}

/**
 * Ranks the applications that have at least one complete review. Reviews whose weighted score is
 * null (a criterion missing) are left out.
 */
export function rankApplications(reviews: readonly ReviewScores[], options: RankingOptions): Ranking {
  const level = options.level ?? 0.9;
  const jury = fitJury(reviews, options);
  const ids = jury.ids;
  const tieKeys = ids.map((id) => tieKey(options.seed, id));
  const competing = [...ids.keys()].filter((a) => !options.candidates || options.candidates.has(ids[a]));
  const order = orderByScore(competing, jury.quality, tieKeys, ids);
  const rankOf = new Int32Array(ids.length);
  order.forEach((a, i) => (rankOf[a] = i + 1));
  const ranks = ids.map((): number[] => []);
  for (const quality of jury.replicates)
    orderByScore(competing, quality, tieKeys, ids).forEach((a, i) => ranks[a].push(i + 1));
  const applications = order.map((a) => {
    const rank = rankOf[a];
    const [rankLow, rankHigh] = rankInterval(rank, ranks[a], level);
    return {
      application: ids[a],
      reviews: jury.scoresOf[a].length,
      mean: mean(jury.scoresOf[a]),
      median: median(jury.scoresOf[a]),
      calibrated: jury.quality[a],
      rank,
      rankLow,
      rankHigh,
      crossesLine: rankLow <= options.selectionSize && rankHigh > options.selectionSize,
    };
  });
  const biases = jury.reviewers
    .map((reviewer, r) => ({ reviewer, bias: jury.bias[r], reviews: jury.reviewCount[r] }))
    .sort((x, y) => x.bias - y.bias || (x.reviewer < y.reviewer ? -1 : 1));
  return {
    applications,
    biases,
    seed: options.seed,
    replicates: options.replicates ?? 200,
    level,
    selectionSize: options.selectionSize,
    residualVariance: jury.residualVariance,
  };
}
