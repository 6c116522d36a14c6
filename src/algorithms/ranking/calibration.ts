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

/** The Cholesky factor L (row-major, lower) of a symmetric positive-definite n×n matrix. */
export function cholesky(matrix: Float64Array, n: number): Float64Array {
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
  return l;
}

/** Solves L Lᵀ x = b with the factor of ./cholesky. */
export function choleskySolve(l: Float64Array, n: number, rhs: Float64Array): Float64Array {
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

/**
 * The model for a fixed design (who reviewed what): the Schur complement depends only on the design, so it
 * is factored once and any vector of scores on that design is then fitted in O(N + R²) — what the
 * bootstrap needs.
 */
export interface CalibrationDesign {
  applications: string[];
  reviewers: string[];
  /** Per observation: index of its application and of its reviewer. */
  appOf: Int32Array;
  reviewerOf: Int32Array;
  /** Fits scores given in observation order: qualities and biases by index (biases centred). */
  fit(scores: ArrayLike<number>): { quality: Float64Array; bias: Float64Array; residualVariance: number };
}

export function calibrationDesign(
  pairs: readonly { application: string; reviewer: string }[],
  ridge = DEFAULT_BIAS_RIDGE,
): CalibrationDesign {
  if (!(ridge > 0)) throw new Error('ridge must be positive');
  const appIndex = new Map<string, number>();
  const revIndex = new Map<string, number>();
  const appOf = new Int32Array(pairs.length);
  const reviewerOf = new Int32Array(pairs.length);
  pairs.forEach((o, i) => {
    if (!appIndex.has(o.application)) appIndex.set(o.application, appIndex.size);
    if (!revIndex.has(o.reviewer)) revIndex.set(o.reviewer, revIndex.size);
    appOf[i] = appIndex.get(o.application)!;
    reviewerOf[i] = revIndex.get(o.reviewer)!;
  });
  const nA = appIndex.size;
  const nR = revIndex.size;
  const count = new Float64Array(nA);
  const revCount = new Float64Array(nR);
  const byApp: number[][] = Array.from({ length: nA }, () => []);
  for (let i = 0; i < pairs.length; i++) {
    count[appOf[i]]++;
    revCount[reviewerOf[i]]++;
    byApp[appOf[i]].push(reviewerOf[i]);
  }
  // Schur complement S = D_R + λI − Bᵀ D_A⁻¹ B.
  const s = new Float64Array(nR * nR);
  for (let r = 0; r < nR; r++) s[r * nR + r] = revCount[r] + ridge;
  for (let a = 0; a < nA; a++) {
    const inv = 1 / count[a];
    for (const r of byApp[a]) for (const r2 of byApp[a]) s[r * nR + r2] -= inv;
  }
  const factor = nR > 0 ? cholesky(s, nR) : new Float64Array(0);
  const dof = Math.max(1, pairs.length - nA - nR + 1);
  return {
    applications: [...appIndex.keys()],
    reviewers: [...revIndex.keys()],
    appOf,
    reviewerOf,
    fit(scores) {
      const appSum = new Float64Array(nA);
      const rhs = new Float64Array(nR);
      for (let i = 0; i < appOf.length; i++) {
        if (!Number.isFinite(scores[i])) throw new Error('a score is not a finite number');
        appSum[appOf[i]] += scores[i];
        rhs[reviewerOf[i]] += scores[i];
      }
      for (let a = 0; a < nA; a++) {
        const mean = appSum[a] / count[a];
        for (const r of byApp[a]) rhs[r] -= mean;
      }
      const b = nR > 0 ? choleskySolve(factor, nR, rhs) : new Float64Array(0);
      const q = new Float64Array(nA);
      for (let a = 0; a < nA; a++) {
        let sum = appSum[a];
        for (const r of byApp[a]) sum -= b[r];
        q[a] = sum / count[a];
      }
      let rss = 0;
      for (let i = 0; i < appOf.length; i++) {
        const e = scores[i] - q[appOf[i]] - b[reviewerOf[i]];
        rss += e * e;
      }
      let meanBias = 0;
      for (let r = 0; r < nR; r++) meanBias += b[r];
      meanBias = nR > 0 ? meanBias / nR : 0;
      for (let a = 0; a < nA; a++) q[a] += meanBias;
      for (let r = 0; r < nR; r++) b[r] -= meanBias;
      return { quality: q, bias: b, residualVariance: rss / dof };
    },
  };
}

/** Fits the reviewer-offset model. `ridge` (λ > 0) keeps the system well posed whatever the overlap. */
export function calibrate(observations: readonly Observation[], ridge = DEFAULT_BIAS_RIDGE): Calibration {
  for (const o of observations) {
    if (!Number.isFinite(o.score)) throw new Error(`score of ${o.application}/${o.reviewer} is not a finite number`);
  }
  const design = calibrationDesign(observations, ridge);
  const fit = design.fit(observations.map((o) => o.score));
  return {
    quality: new Map(design.applications.map((id, a) => [id, fit.quality[a]])),
    bias: new Map(design.reviewers.map((id, r) => [id, fit.bias[r]])),
    residualVariance: fit.residualVariance,
  };
}
