import type { Highs, Model } from 'highs';
import { quietModel } from '../highs.js';
import { searchFace } from './face-search.js';
import type { Instance } from './instance.js';
import type { Composition } from './panel-oracle.js';
import { panelModelData } from './panel-oracle.js';

/** A lottery over compositions found by peeling, with what it cost. */
export interface Peeling {
  /** False when the peeling gave up: `compositions` are then the panels found so far (a seed for the exact LP). */
  complete: boolean;
  compositions: Composition[];
  weights: number[];
  /** Largest |probability − target| of any type (the lottery is accepted only when it is at most TOLERANCE). */
  deviation: number;
  /**
   * How each panel was found: LP vertex already integral, rounded LP vertex repaired by swaps, depth-first search
   * on the face, exact MIP on the face.
   */
  found: { lp: number; repair: number; search: number; mip: number };
  /** How many times a share of the lottery was taken back because the point left the hull of real panels. */
  retreats: number;
}

/**
 * A type count or quota row within ON_BOUND·mass + NOISE of its bound is on that bound. NOISE is absolute (in
 * expected members): the target comes from an LP solved to ~1e-10, and without it that noise, scaled up as the
 * mass left shrinks, would pass for faces of its own and cost one tiny panel each.
 */
const ON_BOUND = 1e-10;
const NOISE = 1e-11;
/** Peeling stops when the mass left to decompose is below this (its effect on any probability is at most this). */
const LEFT = 1e-11;
/** The lottery is accepted when every type's probability is this close to the target. */
export const TOLERANCE = 1e-9;
/** Repair: moves that do not reduce the violation allowed per panel (tabu search), and how long a moved type stays put. */
const SIDEWAYS = 30;
/**
 * When peeling leaves the hull of real panels with at most RETREAT_BELOW of the mass left, the share RETREAT of
 * the lottery is taken back (at most RETREATS times): the point then moves from the target by at most
 * RETREAT_BELOW/RETREAT (1e-3) relative. A failure with more mass left is rather a sign that the target is not a
 * lottery or that the faces are too tight; a retreat there costs a second descent for nothing (measured on 160–200
 * person pools with 8 categories), so the exact LP finish takes over at once.
 */
const RETREAT = 0.01;
const RETREATS = 1;
const RETREAT_BELOW = 1e-5;
/** Relative gap to which the MIP optimises a panel on the face. */
const GAP = 0.05;
/**
 * The depth-first search's panel is kept when it is worth this close to the face LP's optimum (a weaker bound
 * than the MIP's, hence a larger gap), and its node budget (~0.1 s).
 */
const SEARCH_GAP = 0.1;
const NODES = 100_000;
const TABU = 8;

/**
 * Writes `target` (a probability per type) as a lottery over feasible panels by peeling (Carathéodory's
 * construction on the panel polytope P = {s : 0 ≤ s_t ≤ c_t, Σ s = k, quotas}): with s the expected counts left
 * to write (scaled to total mass 1), find a real panel x on the smallest face of P that contains s, and move
 * from x through s as far as P allows: s = μ·x + (1 − μ)·s′. The panel gets weight μ (times the mass left), and
 * s′ lies on a face of smaller dimension (a type reaches 0 or c_t, or a quota its bound), so at most dim P + 1
 * panels are needed and each is found without any master LP.
 *
 * A panel on the face is found, by increasing cost: the vertex of the face's LP relaxation maximising Σ s_t/c_t·x_t
 * when it is integral; that vertex rounded and repaired by a short tabu search on single-member moves and swaps;
 * a depth-first search on the face (`face-search.ts`); the exact MIP on the face. When the face holds no panel
 * (s′ left the convex hull of real panels, which the relaxation's faces cannot see) a share of every panel's
 * weight is taken back, which moves the point to write next to the target, and peeling goes on (at most
 * RETREATS times); after that it gives up and returns the panels found so far: the caller hands them to the
 * exact LP finish (column generation from these panels), then to Wolfe's algorithm: it is a fast path, never a
 * weaker one. Every lottery is checked against the target (`complete`).
 */
export function peel(highs: Highs, instance: Instance, target: readonly number[]): Peeling | undefined {
  if (instance.householdGroups.length > 0) return undefined;
  const T = instance.types.length;
  const F = instance.features.length;
  const counts = instance.types.map((type) => type.members.length);
  const typeFeatures = instance.types.map((type) => Int32Array.from(type.features));
  const C = instance.categories.length;
  const lp = quietModel(highs);
  let mip: Model | undefined;
  try {
    lp.options.set({ solver: 'simplex', presolve: 'off' });
    lp.passModel(panelModelData(highs, instance, new Array(T).fill(0), false));
    // Remaining expected counts, unscaled (mass·s), so rounding errors stay absolute.
    const left = target.map((p, t) => p * counts[t]);
    let mass = 1;
    const compositions: Composition[] = [];
    const weights: number[] = [];
    const found = { lp: 0, repair: 0, search: 0, mip: 0 };
    const lo = new Float64Array(T);
    const hi = new Float64Array(T);
    const rowLo = new Float64Array(F);
    const rowHi = new Float64Array(F);
    const cost = new Float64Array(T);
    const all = { kind: 'range' as const, from: 0, to: T - 1 };
    const rows = { kind: 'range' as const, from: 0, to: F - 1 };
    let retreats = 0;
    /**
     * The face holds no panel: s left the convex hull of real panels (the relaxation's faces cannot see it). Take
     * back the share RETREAT of every panel's weight: the point to write becomes the target moved by about
     * mass/RETREAT towards s, inside the hull when the target is in its relative interior, and peeling goes on.
     */
    const retreat = (): boolean => {
      if (retreats >= RETREATS || compositions.length === 0 || mass > RETREAT_BELOW || mass <= TOLERANCE / 10)
        return false;
      retreats += 1;
      compositions.forEach((x, j) => {
        const back = RETREAT * weights[j];
        for (let t = 0; t < T; t++) if (x[t] > 0) left[t] += back * x[t];
        weights[j] -= back;
        mass += back;
      });
      return true;
    };
    for (let step = 0; step <= 4 * T + 100 && mass > LEFT; step++) {
      const tol = ON_BOUND * mass + NOISE;
      const load = featureCounts(instance, left);
      for (let t = 0; t < T; t++) {
        const atZero = left[t] <= tol;
        const atFull = left[t] >= mass * counts[t] - tol;
        lo[t] = atFull && !atZero ? counts[t] : 0;
        hi[t] = atZero ? 0 : counts[t];
        cost[t] = left[t] / mass / counts[t];
      }
      instance.features.forEach((q, f) => {
        rowLo[f] = load[f] >= mass * q.max - tol ? q.max : q.min;
        rowHi[f] = load[f] <= mass * q.min + tol ? q.min : q.max;
      });
      lp.changeColsBounds(all, lo, hi);
      lp.changeRowsBounds(rows, rowLo, rowHi);
      lp.changeColsCost(all, cost);
      lp.run();
      if (lp.getModelStatus() !== highs.constants.modelStatus.optimal) {
        if (retreat()) continue;
        break;
      }
      const vertex = lp.getSolution().colValue;
      let x: Composition | undefined;
      if (Array.from(vertex).every((v) => Math.abs(v - Math.round(v)) < 1e-9)) {
        x = Array.from(vertex, Math.round);
        found.lp += 1;
      } else {
        x = repair(
          instance,
          typeFeatures,
          C,
          Array.from(vertex, (v, t) => Math.min(hi[t], Math.max(lo[t], Math.round(v)))),
          lo,
          hi,
          rowLo,
          rowHi,
          cost,
        );
        // The previous panel is often one or two swaps from the new face.
        const previous = compositions[compositions.length - 1];
        if (!x && previous)
          x = repair(
            instance,
            typeFeatures,
            C,
            previous.map((v, t) => Math.min(hi[t], Math.max(lo[t], v))),
            lo,
            hi,
            rowLo,
            rowHi,
            cost,
          );
        if (x) found.repair += 1;
      }
      if (!x) {
        mip ??= faceMip(highs, instance);
        mip.changeRowsBounds(rows, rowLo, rowHi);
        mip.changeColsCost(all, cost);
        x = searchOrMip(
          highs,
          mip,
          instance,
          typeFeatures,
          { lo, hi, rowLo, rowHi },
          cost,
          vertex,
          lp.getObjectiveValue(),
          found,
        );
        if (!x) {
          if (retreat()) continue;
          break;
        }
      }
      // The largest μ with (left − μ·mass·x) a point of mass·(1 − μ)·P.
      let mu = 1;
      for (let t = 0; t < T; t++) {
        const s = left[t] / mass;
        if (x[t] > 0) mu = Math.min(mu, s / x[t]);
        if (x[t] < counts[t]) mu = Math.min(mu, (counts[t] - s) / (counts[t] - x[t]));
      }
      const xLoad = featureCounts(instance, x);
      instance.features.forEach((q, f) => {
        const s = load[f] / mass;
        if (xLoad[f] > q.min) mu = Math.min(mu, (s - q.min) / (xLoad[f] - q.min));
        if (xLoad[f] < q.max) mu = Math.min(mu, (q.max - s) / (q.max - xLoad[f]));
      });
      if (!(mu > 1e-15)) break;
      const weight = mu >= 1 - 1e-12 ? mass : mass * mu;
      compositions.push(x);
      weights.push(weight);
      for (let t = 0; t < T; t++) if (x[t] > 0) left[t] -= weight * x[t];
      mass -= weight;
    }
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0)) return { complete: false, compositions, weights, deviation: Infinity, found, retreats };
    const normalised = weights.map((w) => w / total);
    const achieved = new Array<number>(T).fill(0);
    compositions.forEach((x, j) => {
      for (let t = 0; t < T; t++) if (x[t] > 0) achieved[t] += (normalised[j] * x[t]) / counts[t];
    });
    const deviation = achieved.reduce((d, p, t) => Math.max(d, Math.abs(p - target[t])), 0);
    return { complete: deviation <= TOLERANCE, compositions, weights: normalised, deviation, found, retreats };
  } finally {
    lp.dispose();
    mip?.dispose();
  }
}

/**
 * A panel of the face when the repair failed: first the depth-first search (`face-search.ts`, ~1 µs per node),
 * kept when it is worth at least (1 − SEARCH_GAP) of the face LP's optimum `bound` (a bound on every panel's
 * value) or when its search was complete; else the exact MIP, started from the search's best panel. The MIP
 * costs 0.1–2 s on faces with 20+ tight quotas, the search a few ms to 0.1 s. Undefined when the face holds no
 * panel.
 */
function searchOrMip(
  highs: Highs,
  mip: Model,
  instance: Instance,
  typeFeatures: Int32Array[],
  bounds: { lo: Float64Array; hi: Float64Array; rowLo: Float64Array; rowHi: Float64Array },
  cost: Float64Array,
  vertex: ArrayLike<number>,
  bound: number,
  found: Peeling['found'],
): Composition | undefined {
  const { lo, hi, rowLo, rowHi } = bounds;
  const floor = (1 - SEARCH_GAP) * bound;
  const face = { k: instance.k, typeFeatures, featureCount: instance.features.length, ...bounds };
  const searched = searchFace(face, { cost, guide: vertex, floor: 0, enough: floor, nodeLimit: NODES });
  const best = searched.best && onFace(instance, searched.best, lo, hi, rowLo, rowHi) ? searched.best : undefined;
  if (best && (searched.complete || value(best, cost) >= floor)) {
    found.search += 1;
    return best;
  }
  if (searched.complete) return undefined;
  if (searched.best) mip.setSolution({ colValue: searched.best });
  const x = panelOnFace(highs, mip, instance, lo, hi, rowLo, rowHi);
  if (x) found.mip += 1;
  return x;
}

function faceMip(highs: Highs, instance: Instance): Model {
  const mip = quietModel(highs);
  mip.options.set({ presolve: 'on', mip_rel_gap: GAP });
  mip.passModel(panelModelData(highs, instance, new Array(instance.types.length).fill(0), true));
  return mip;
}

/** The MIP on the face with these column bounds: a panel of the face maximising the cost, or undefined. */
function panelOnFace(
  highs: Highs,
  mip: Model,
  instance: Instance,
  lo: Float64Array,
  hi: Float64Array,
  rowLo: Float64Array,
  rowHi: Float64Array,
): Composition | undefined {
  mip.changeColsBounds({ kind: 'range', from: 0, to: lo.length - 1 }, lo, hi);
  mip.run();
  if (mip.getModelStatus() !== highs.constants.modelStatus.optimal) return undefined;
  const candidate = Array.from(mip.getSolution().colValue, Math.round);
  return onFace(instance, candidate, lo, hi, rowLo, rowHi) ? candidate : undefined;
}

function value(x: Composition, cost: ArrayLike<number>): number {
  return x.reduce((sum, n, t) => sum + n * cost[t], 0);
}

function featureCounts(instance: Instance, x: readonly number[]): number[] {
  const load = new Array<number>(instance.features.length).fill(0);
  x.forEach((n, t) => {
    if (n > 0) for (const f of instance.types[t].features) load[f] += n;
  });
  return load;
}

function onFace(
  instance: Instance,
  x: Composition,
  lo: Float64Array,
  hi: Float64Array,
  rowLo: Float64Array,
  rowHi: Float64Array,
): boolean {
  if (x.length !== instance.types.length || x.reduce((a, b) => a + b, 0) !== instance.k) return false;
  if (x.some((n, t) => n < lo[t] || n > hi[t])) return false;
  return featureCounts(instance, x).every((n, f) => n >= rowLo[f] && n <= rowHi[f]);
}

/**
 * Turns a rounded LP vertex into a panel of the face, or gives up: tabu search on the total violation of the
 * panel size and the quota rows, by adding or removing one member (while the size is wrong) or swapping one
 * (guided by the most violated quotas); the best move is taken even when it does not reduce the violation (at
 * most SIDEWAYS times), ties go to the move that gains the most for `cost`.
 */
export function repair(
  instance: Instance,
  typeFeatures: Int32Array[],
  C: number,
  x: Composition,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  rowLo: ArrayLike<number>,
  rowHi: ArrayLike<number>,
  cost: ArrayLike<number>,
): Composition | undefined {
  const T = x.length;
  const k = instance.k;
  const load = featureCounts(instance, x);
  let size = x.reduce((a, b) => a + b, 0);
  const excess = (f: number, v: number) => (v < rowLo[f] ? rowLo[f] - v : v > rowHi[f] ? v - rowHi[f] : 0);
  let violation = Math.abs(size - k);
  for (let f = 0; f < load.length; f++) violation += excess(f, load[f]);
  const categoryOf = new Int32Array(load.length);
  typeFeatures[0]?.forEach((_, c) => {
    for (const tf of typeFeatures) categoryOf[tf[c]] = c;
  });
  // When no move reduces the violation, the best other one is taken (up to SIDEWAYS times: tabu search), never
  // undoing a recent move: a type changed in the last TABU moves stays as it is.
  const changed = new Int32Array(T).fill(-1_000_000);
  let sideways = 0;
  for (let iteration = 0; iteration < 4 * k + SIDEWAYS && violation > 0; iteration++) {
    let bestA = -1;
    let bestB = -1;
    let bestDelta = Infinity;
    let bestGain = -Infinity;
    const allowed = (t: number) => iteration - changed[t] > TABU;
    const consider = (a: number, b: number) => {
      let delta = 0;
      if (a >= 0 && b >= 0) {
        const fa = typeFeatures[a];
        const fb = typeFeatures[b];
        for (let c = 0; c < C; c++) {
          if (fa[c] === fb[c]) continue;
          delta += excess(fa[c], load[fa[c]] - 1) - excess(fa[c], load[fa[c]]);
          delta += excess(fb[c], load[fb[c]] + 1) - excess(fb[c], load[fb[c]]);
        }
      } else {
        const ft = typeFeatures[a >= 0 ? a : b];
        const step = a >= 0 ? -1 : 1;
        for (let c = 0; c < C; c++) delta += excess(ft[c], load[ft[c]] + step) - excess(ft[c], load[ft[c]]);
        delta += Math.abs(size + step - k) - Math.abs(size - k);
      }
      const gain = (b >= 0 ? cost[b] : 0) - (a >= 0 ? cost[a] : 0);
      if (delta < bestDelta || (delta === bestDelta && gain > bestGain)) {
        bestA = a;
        bestB = b;
        bestDelta = delta;
        bestGain = gain;
      }
    };
    if (size > k) {
      for (let a = 0; a < T; a++) if (x[a] > lo[a] && allowed(a)) consider(a, -1);
    } else if (size < k) {
      for (let b = 0; b < T; b++) if (x[b] < hi[b] && allowed(b)) consider(-1, b);
    } else {
      // Swaps that move one unit out of (into) a quota above its maximum (below its minimum), most violated first.
      const violated: number[] = [];
      for (let f = 0; f < load.length; f++) if (excess(f, load[f]) > 0) violated.push(f);
      violated.sort((f, g) => excess(g, load[g]) - excess(f, load[f]));
      for (const worst of violated) {
        const c = categoryOf[worst];
        const under = load[worst] < rowLo[worst];
        for (let a = 0; a < T; a++) {
          if (x[a] <= lo[a] || !allowed(a) || (typeFeatures[a][c] === worst) === under) continue;
          for (let b = 0; b < T; b++) {
            if (b === a || x[b] >= hi[b] || !allowed(b) || (typeFeatures[b][c] === worst) !== under) continue;
            consider(a, b);
          }
        }
        if (bestDelta < 0) break;
      }
    }
    if (bestA < 0 && bestB < 0) return undefined;
    if (!(bestDelta < 0) && ++sideways > SIDEWAYS) return undefined;
    if (bestA >= 0) {
      x[bestA] -= 1;
      size -= 1;
      for (const f of typeFeatures[bestA]) load[f] -= 1;
      changed[bestA] = iteration;
    }
    if (bestB >= 0) {
      x[bestB] += 1;
      size += 1;
      for (const f of typeFeatures[bestB]) load[f] += 1;
      changed[bestB] = iteration;
    }
    violation += bestDelta;
  }
  return violation === 0 ? x : undefined;
}
