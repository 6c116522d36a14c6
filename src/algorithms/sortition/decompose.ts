import type { Highs } from 'highs';
import { quietModel } from '../highs.js';
import type { Instance } from './instance.js';
import { addMasterColumn } from './master-column.js';
import type { Composition, PanelOracle } from './panel-oracle.js';

/** A lottery over compositions whose type probabilities equal the target (to rounding). */
export interface Decomposition {
  compositions: Composition[];
  weights: number[];
  /** Panels proposed by one-swap local search, and calls of the exact oracle (LP relaxation or ILP). */
  localSearchPoints: number;
  oracleCalls: number;
  /** Squared distance between the target and the lottery's probabilities (0 up to rounding when it succeeds). */
  residual: number;
  /** Whether Wolfe's iterations stalled and the exact LP over the panels found finished the decomposition. */
  finishedByLp: boolean;
}

/** Success when the lottery's probabilities are this close to the target (squared Euclidean distance). */
const DONE = 1e-20;
/** A new panel must bring the distance down by at least this (relative to the current squared distance). */
const IMPROVE = 1e-7;
/** Corral weights below this count as zero (Wolfe's algorithm stalls on numerically vanishing weights). */
const TINY = 1e-12;
/** Steps without a relative progress of 1e-6 after which Wolfe's iterations hand over to the exact LP. */
const STALL = 200;
/** Corral panels tried per step by the local search before the exact oracle is asked (the rest wait their turn). */
const SCAN = 32;
/** At most this many steepest one-swap steps after the first improving swap. */
const ASCENT = 10;

/**
 * Writes the probability vector `target` (one per type) as a lottery over feasible panels, or proves it is
 * not one, with Wolfe's minimum-norm-point algorithm (Wolfe 1976) on the points v_P − target, where v_P is
 * panel P's vector of per-type probabilities x_t/c_t: the nearest point of the panels' convex hull to the
 * target is found exactly, by a corral of affinely independent panels kept with a Cholesky factor of their
 * Gram matrix, and the target is a lottery over panels exactly when that distance is 0.
 *
 * No master LP is solved: each step adds one panel that lowers ⟨x, v⟩ below |x|² for the current residual x.
 * Such panels are first sought by one-swap local search from the corral's panels (microseconds); only when
 * none exists is the exact oracle asked for the panel minimising ⟨x, v⟩, and when even that one does not
 * improve, x is the nearest point: a residual above zero proves the target is not a lottery over panels.
 */
export function decompose(
  highs: Highs,
  instance: Instance,
  oracle: PanelOracle,
  target: readonly number[],
  options: { maxSteps?: number } = {},
): Decomposition | undefined {
  const T = instance.types.length;
  const counts = instance.types.map((type) => type.members.length);
  const maxSteps = options.maxSteps ?? 50 * T + 1000;
  const pp = target.reduce((s, v) => s + v * v, 0);
  const swaps = new SwapSearch(instance);

  // Corral: compositions, their sparse probability vectors, ⟨v, target⟩, weights λ, and the upper
  // triangular R with RᵀR = M, M_ij = ⟨a_i, a_j⟩ + 1 for a_i = v_i − target (positive definite exactly when
  // the a_i are affinely independent).
  const cap = T + 2;
  const R = new Float64Array(cap * cap);
  const corral: { x: Composition; nz: number[]; vals: number[]; vp: number; vv: number }[] = [];
  let lambda: number[] = [];
  const dense = new Float64Array(T);

  const pointOf = (x: Composition) => {
    const nz: number[] = [];
    const vals: number[] = [];
    let vp = 0;
    let vv = 0;
    x.forEach((n, t) => {
      if (n > 0) {
        const v = n / counts[t];
        nz.push(t);
        vals.push(v);
        vp += v * target[t];
        vv += v * v;
      }
    });
    return { x, nz, vals, vp, vv };
  };

  /** M entries of a new point against the corral (and itself, last). */
  const gramColumn = (point: ReturnType<typeof pointOf>): number[] => {
    point.nz.forEach((t, i) => (dense[t] = point.vals[i]));
    const column = corral.map((other) => {
      let dot = 0;
      for (let i = 0; i < other.nz.length; i++) dot += other.vals[i] * dense[other.nz[i]];
      return dot - point.vp - other.vp + pp + 1;
    });
    for (const t of point.nz) dense[t] = 0;
    column.push(point.vv - 2 * point.vp + pp + 1);
    return column;
  };

  /** Appends a point to the factor; false when it is (numerically) affinely dependent on the corral. */
  const append = (point: ReturnType<typeof pointOf>): boolean => {
    const m = corral.length;
    const column = gramColumn(point);
    const r = new Float64Array(m);
    let norm = 0;
    for (let i = 0; i < m; i++) {
      let s = column[i];
      for (let l = 0; l < i; l++) s -= R[l * cap + i] * r[l];
      r[i] = s / R[i * cap + i];
      norm += r[i] * r[i];
    }
    const rho2 = column[m] - norm;
    if (!(rho2 > 1e-12 * column[m])) return false;
    for (let i = 0; i < m; i++) R[i * cap + m] = r[i];
    R[m * cap + m] = Math.sqrt(rho2);
    corral.push(point);
    return true;
  };

  /** Removes corral point j from the factor: shift the columns left, then Givens rotations restore the triangle. */
  const remove = (j: number) => {
    const m = corral.length;
    for (let i = 0; i < m; i++) for (let c = j; c < m - 1; c++) R[i * cap + c] = R[i * cap + c + 1];
    for (let c = j; c < m - 1; c++) {
      const a = R[c * cap + c];
      const b = R[(c + 1) * cap + c];
      const h = Math.hypot(a, b);
      const cs = a / h;
      const sn = b / h;
      for (let col = c; col < m - 1; col++) {
        const u = R[c * cap + col];
        const w = R[(c + 1) * cap + col];
        R[c * cap + col] = cs * u + sn * w;
        R[(c + 1) * cap + col] = -sn * u + cs * w;
      }
    }
    for (let i = 0; i < m; i++) R[(m - 1) * cap + i] = 0;
    for (let i = 0; i < m; i++) R[i * cap + m - 1] = 0;
    corral.splice(j, 1);
  };

  /** Refactors from scratch (guards against drift of the rank-one updates). */
  const refactor = () => {
    const points = corral.splice(0, corral.length);
    R.fill(0);
    const kept: number[] = [];
    points.forEach((point, i) => {
      if (append(point)) kept.push(i);
    });
    lambda = kept.map((i) => lambda[i]);
    const total = lambda.reduce((a, b) => a + b, 0);
    lambda = lambda.map((l) => l / total);
  };

  /** The affine minimiser's coefficients: M α̃ = 1, α = α̃ / Σ α̃. */
  const affineMinimiser = (): number[] => {
    const m = corral.length;
    const z = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = 1;
      for (let l = 0; l < i; l++) s -= R[l * cap + i] * z[l];
      z[i] = s / R[i * cap + i];
    }
    const alpha = new Float64Array(m);
    for (let i = m - 1; i >= 0; i--) {
      let s = z[i];
      for (let l = i + 1; l < m; l++) s -= R[i * cap + l] * alpha[l];
      alpha[i] = s / R[i * cap + i];
    }
    const total = alpha.reduce((a, b) => a + b, 0);
    return Array.from(alpha, (a) => a / total);
  };

  /** The residual x = Σ λ_i v_i − target (dense) and |x|². */
  const residual = () => {
    const x = target.map((v) => -v);
    corral.forEach((point, i) => {
      for (let l = 0; l < point.nz.length; l++) x[point.nz[l]] += lambda[i] * point.vals[l];
    });
    return { x, xx: x.reduce((s, v) => s + v * v, 0) };
  };

  /** Wolfe's minor cycles after a point was added with weight 0. */
  const minorCycles = () => {
    for (;;) {
      const alpha = affineMinimiser();
      if (alpha.every((a) => a > TINY)) {
        lambda = alpha;
        return;
      }
      let theta = 1;
      alpha.forEach((a, i) => {
        if (a <= TINY) theta = Math.min(theta, lambda[i] / (lambda[i] - a));
      });
      lambda = lambda.map((l, i) => (1 - theta) * l + theta * alpha[i]);
      for (let i = corral.length - 1; i >= 0; i--) {
        if (lambda[i] <= TINY) {
          remove(i);
          lambda.splice(i, 1);
        }
      }
      const total = lambda.reduce((a, b) => a + b, 0);
      lambda = lambda.map((l) => l / total);
    }
  };

  const first = oracle.best(target.map((p, t) => p / counts[t]));
  if (!first) return undefined;
  append(pointOf(first.composition));
  lambda = [1];
  let oracleCalls = 1;
  let localSearchPoints = 0;
  let sinceRefactor = 0;
  let refactored = false;
  let best = Infinity;
  let lastProgress = 0;
  const seen = new Set<string>([first.composition.join(',')]);
  const generated: Composition[] = [first.composition];
  const lpFinish = () => {
    const result = finishWithLp(highs, instance, oracle, target, generated);
    return result && { ...result, localSearchPoints, oracleCalls: oracleCalls + result.oracleCalls };
  };

  for (let step = 0; step < maxSteps; step++) {
    const { x, xx } = residual();
    if (xx < DONE)
      return {
        compositions: corral.map((p) => p.x),
        weights: lambda,
        localSearchPoints,
        oracleCalls,
        residual: xx,
        finishedByLp: false,
      };
    // Wolfe's iterations can stall on rounding (a point enters and leaves the corral for ever): the exact LP
    // finishes from every panel found so far.
    if (xx < best * (1 - 1e-6)) {
      best = xx;
      lastProgress = step;
    } else if (step - lastProgress > STALL) return lpFinish();
    // A panel P improves when ⟨x, v_P⟩ < |x|² + ⟨x, target⟩, i.e. Σ_t w_t·x_t(P) > −(|x|² + ⟨x, target⟩) with w = −x/c.
    const xp = x.reduce((s, v, t) => s + v * target[t], 0);
    const weights = x.map((v, t) => -v / counts[t]);
    const threshold = -(xx + xp) + IMPROVE * xx;
    let next = swaps.improve(
      corral.map((p) => p.x),
      weights,
      threshold,
      step,
    );
    if (next) localSearchPoints += 1;
    else {
      oracleCalls += 1;
      const found = oracle.best(weights, threshold);
      if (found && found.value > threshold) next = found.composition;
    }
    if (next && !seen.has(next.join(','))) {
      seen.add(next.join(','));
      generated.push(next);
    }
    if (next && append(pointOf(next))) {
      lambda.push(0);
      minorCycles();
      refactored = false;
      if (++sinceRefactor >= 200) {
        refactor();
        sinceRefactor = 0;
      }
      continue;
    }
    // No improving panel: x is the nearest point (then the target is no lottery over panels, unless x is
    // numerically zero), or rounding drifted: refactor once and look again, then let the exact LP decide.
    if (!next)
      return xx < DONE * 1e4
        ? {
            compositions: corral.map((p) => p.x),
            weights: lambda,
            localSearchPoints,
            oracleCalls,
            residual: xx,
            finishedByLp: false,
          }
        : undefined;
    if (refactored) return lpFinish();
    refactor();
    minorCycles();
    refactored = true;
  }
  return lpFinish();
}

/**
 * The exact finish: the LP "minimise the total shortfall Σ e_t of the lottery's probabilities below the
 * target" over the given panels, with column generation (the exact oracle prices new panels for the LP's dual
 * prices). Zero shortfall is a decomposition; a Lagrangian bound above zero, or convergence with a positive
 * shortfall, proves there is none.
 */
export function finishWithLp(
  highs: Highs,
  instance: Instance,
  oracle: PanelOracle,
  target: readonly number[],
  seeds: Composition[],
): Decomposition | undefined {
  const T = instance.types.length;
  const counts = instance.types.map((type) => type.members.length);
  const inf = highs.infinity;
  const master = quietModel(highs);
  // The default feasibility tolerance (1e−7) would let a type's probability fall that far below its target.
  master.options.set({
    solver: 'simplex',
    simplex_strategy: 4,
    presolve: 'off',
    primal_feasibility_tolerance: 1e-10,
  });
  const panels: Composition[] = [];
  const known = new Set<string>();
  const add = (x: Composition) => {
    const key = x.join(',');
    if (known.has(key)) return false;
    known.add(key);
    panels.push(x);
    addMasterColumn(highs, master, x, counts, T);
    return true;
  };
  let oracleCalls = 0;
  try {
    for (let t = 0; t < T; t++) master.addRow(target[t], inf, { indices: [], values: [] });
    master.addRow(1, 1, { indices: [], values: [] });
    for (let t = 0; t < T; t++) master.addCol(1, 0, inf, { indices: [t], values: [1] });
    seeds.forEach(add);
    for (;;) {
      master.run();
      if (master.getModelStatus() !== highs.constants.modelStatus.optimal) return undefined;
      const shortfall = master.getObjectiveValue();
      const duals = master.getSolution().rowDual;
      const cap = -duals[T];
      const weights = counts.map((c, t) => Math.max(0, duals[t]) / c);
      if (shortfall < 1e-10) {
        const values = master.getSolution().colValue;
        const used = panels.map((_, j) => j).filter((j) => values[T + j] > 1e-12);
        return {
          compositions: used.map((j) => panels[j]),
          weights: used.map((j) => values[T + j]),
          localSearchPoints: 0,
          oracleCalls,
          residual: shortfall * shortfall,
          finishedByLp: true,
        };
      }
      oracleCalls += 1;
      const found = oracle.best(weights, cap + 1e-9);
      if (!found || found.value <= cap + 1e-9 || shortfall - (found.value - cap) > 1e-9) return undefined;
      let added = add(found.composition);
      for (const other of [...found.others, ...oracle.swapNeighbours(found.composition, weights, cap + 1e-9, 10)])
        added = add(other) || added;
      if (!added) return undefined;
    }
  } finally {
    master.dispose();
  }
}

/**
 * Feature bit masks of each type (W 32-bit words), so a swap's quota check is a few bit operations: a swap
 * a → b changes exactly the features in mask(a) XOR mask(b).
 */
export class SwapSearch {
  private readonly words: number;
  private readonly masks: Uint32Array;
  private readonly T: number;

  constructor(private readonly instance: Instance) {
    this.T = instance.types.length;
    this.words = Math.max(1, Math.ceil(instance.features.length / 32));
    this.masks = new Uint32Array(this.T * this.words);
    instance.types.forEach((type, t) => {
      for (const f of type.features) this.masks[t * this.words + (f >>> 5)] |= 1 << (f & 31);
    });
  }

  /**
   * The best one-swap improvement over the given panels (remove one member of type a, add one of type b,
   * quotas kept), from the first of SCAN panels (at a rotating offset) that has one, followed by steepest one-swap
   * ascent while it gains: a panel worth more than `threshold` for the weights, or undefined. Types are
   * scanned by decreasing weight, so the first feasible b for an a is its best one.
   */
  improve(panels: Composition[], weights: number[], threshold: number, offset: number): Composition | undefined {
    const { instance, T, words, masks } = this;
    if (instance.householdGroups.length > 0 || panels.length === 0) return undefined;
    const { types, features } = instance;
    const order = Int32Array.from({ length: T }, (_, t) => t).sort((a, b) => weights[b] - weights[a]);
    const atMin = new Uint32Array(words);
    const atMax = new Uint32Array(words);
    const fc = new Array<number>(features.length).fill(0);
    const load = (x: Composition) => {
      fc.fill(0);
      for (let t = 0; t < T; t++) if (x[t] > 0) for (const f of types[t].features) fc[f] += x[t];
      atMin.fill(0);
      atMax.fill(0);
      features.forEach((q, f) => {
        if (fc[f] <= q.min) atMin[f >>> 5] |= 1 << (f & 31);
        if (fc[f] >= q.max) atMax[f >>> 5] |= 1 << (f & 31);
      });
    };
    const bestSwap = (x: Composition, minGain: number) => {
      let best: { a: number; b: number; gain: number } | undefined;
      // Members by increasing weight: the first ones have the most to gain, so later scans stop early.
      const members: number[] = [];
      for (let t = 0; t < T; t++) if (x[t] > 0) members.push(t);
      members.sort((a, b) => weights[a] - weights[b]);
      if (members.length === 0 || weights[order[0]] - weights[members[0]] <= minGain) return undefined;
      for (const a of members) {
        const wa = weights[a];
        for (let i = 0; i < T; i++) {
          const b = order[i];
          const gain = weights[b] - wa;
          if (gain <= (best ? best.gain : minGain)) break;
          if (b === a || x[b] >= types[b].members.length) continue;
          let ok = true;
          for (let w = 0; w < words && ok; w++) {
            const ma = masks[a * words + w];
            const mb = masks[b * words + w];
            ok = (ma & ~mb & atMin[w]) === 0 && (mb & ~ma & atMax[w]) === 0;
          }
          if (ok) {
            best = { a, b, gain };
            break;
          }
        }
      }
      return best;
    };
    const value = (x: Composition) => x.reduce((s, n, t) => s + n * weights[t], 0);
    let x: Composition | undefined;
    let swap: { a: number; b: number; gain: number } | undefined;
    for (let i = 0; i < Math.min(panels.length, SCAN) && !swap; i++) {
      x = panels[(i + offset) % panels.length];
      load(x);
      swap = bestSwap(x, Math.max(1e-15, threshold - value(x)));
    }
    if (!swap || !x) return undefined;
    x = [...x];
    for (let steps = 0; swap && steps < ASCENT; steps++) {
      x[swap.a] -= 1;
      x[swap.b] += 1;
      load(x);
      swap = bestSwap(x, 1e-15);
    }
    return value(x) > threshold ? x : undefined;
  }
}
