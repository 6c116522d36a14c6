/**
 * The reviewer-offset model: a review's overall score y(a, r) = quality(a) + bias(r) + noise.
 * Harsh reviewers have a negative bias, lenient ones a positive bias; with several reviewers per
 * application and overlapping loads, both can be estimated and the bias taken out of the score.
 *
 * Estimated by ridge-regularised least squares: minimise Σ (y − q_a − b_r)² + λ Σ b_r². The normal
 * equations are solved exactly: the application unknowns are eliminated (each application's block
 * is diagonal), which leaves one dense symmetric positive-definite system in the reviewer biases
 * (the Schur complement, size = number of reviewers), solved by Cholesky factorisation.
 * Afterwards the biases are shifted to sum to zero and the qualities by the opposite amount, which
 * leaves every fitted value unchanged: a quality reads on the scale of an average reviewer.
 */

export interface Observation {
  application: string;
  reviewer: string;
  score: number;
}

export interface Calibration {
  /** Calibrated score per application (on the scale of the scores, bias of an average reviewer). */
  quality: Map<string, number>;
  /** Estimated offset per reviewer; they sum to zero. Positive: lenient, negative: harsh. */
  bias: Map<string, number>;
  /** Residual variance of the fit (Σ residual² / max(1, N − A − R + 1)). */
  residualVariance: number;
}

/** Default ridge weight on the biases: a reviewer's bias is trusted after a handful of reviews. */
export const DEFAULT_BIAS_RIDGE = 1;

/** Solves S x = b in place for a symmetric positive-definite S (row-major n×n), by Cholesky. */
export function choleskySolve(matrix: Float64Array, n: number, rhs: Float64Array): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) throw new Error('matrix is not positive definite');
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * y[k];
    y[i] = sum / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

/** Fits the reviewer-offset model. `ridge` (λ > 0) keeps the system well posed whatever the overlap. */
export function calibrate(observations: readonly Observation[], ridge = DEFAULT_BIAS_RIDGE): Calibration {
  if (!(ridge > 0)) throw new Error('ridge must be positive');
  const appIndex = new Map<string, number>();
  const revIndex = new Map<string, number>();
  for (const o of observations) {
    if (!Number.isFinite(o.score)) throw new Error(`score of ${o.application}/${o.reviewer} is not a finite number`);
    if (!appIndex.has(o.application)) appIndex.set(o.application, appIndex.size);
    if (!revIndex.has(o.reviewer)) revIndex.set(o.reviewer, revIndex.size);
  }
  const nA = appIndex.size;
  const nR = revIndex.size;
  const count = new Float64Array(nA);
  const appSum = new Float64Array(nA);
  const revSum = new Float64Array(nR);
  const revCount = new Float64Array(nR);
  const byApp: number[][] = Array.from({ length: nA }, () => []);
  for (const o of observations) {
    const a = appIndex.get(o.application)!;
    const r = revIndex.get(o.reviewer)!;
    count[a]++;
    appSum[a] += o.score;
    revSum[r] += o.score;
    revCount[r]++;
    byApp[a].push(r);
  }
  // Schur complement S = D_R + λI − Bᵀ D_A⁻¹ B and its right-hand side.
  const s = new Float64Array(nR * nR);
  const rhs = new Float64Array(nR);
  for (let r = 0; r < nR; r++) {
    s[r * nR + r] = revCount[r] + ridge;
    rhs[r] = revSum[r];
  }
  for (let a = 0; a < nA; a++) {
    const reviewers = byApp[a];
    const inv = 1 / count[a];
    for (const r of reviewers) {
      rhs[r] -= appSum[a] * inv;
      for (const r2 of reviewers) s[r * nR + r2] -= inv;
    }
  }
  const b = nR > 0 ? choleskySolve(s, nR, rhs) : new Float64Array(0);
  const q = new Float64Array(nA);
  for (let a = 0; a < nA; a++) {
    let sum = appSum[a];
    for (const r of byApp[a]) sum -= b[r];
    q[a] = sum / count[a];
  }
  let meanBias = 0;
  for (let r = 0; r < nR; r++) meanBias += b[r];
  meanBias = nR > 0 ? meanBias / nR : 0;
  let rss = 0;
  for (const o of observations) {
    const e = o.score - q[appIndex.get(o.application)!] - b[revIndex.get(o.reviewer)!];
    rss += e * e;
  }
  const quality = new Map<string, number>();
  for (const [id, a] of appIndex) quality.set(id, q[a] + meanBias);
  const bias = new Map<string, number>();
  for (const [id, r] of revIndex) bias.set(id, b[r] - meanBias);
  return { quality, bias, residualVariance: rss / Math.max(1, observations.length - nA - nR + 1) };
}
