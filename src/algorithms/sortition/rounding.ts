import type { Highs } from 'highs';
import { quietModel } from '../highs.js';
import type { Instance } from './instance.js';
import type { Composition } from './panel-oracle.js';

/**
 * Rounds a lottery over compositions to m equally likely slots, as in "Fair sortition made transparent"
 * (Flanigan, Kehne, Procaccia; NeurIPS 2021): each composition gets ⌊m·w⌋ or ⌈m·w⌉ slots, chosen by an
 * ILP that minimises the largest change of any type's expected number of selections; then people inside a
 * type are dealt round-robin over the slots, so within a type selection counts differ by at most one.
 */
export function roundToSlots(
  highs: Highs,
  instance: Instance,
  compositions: Composition[],
  weights: number[],
  m: number,
): number[][] {
  const copies = slotCounts(highs, instance, compositions, weights, m);
  const cursor = new Array<number>(instance.types.length).fill(0);
  const slots: number[][] = [];
  compositions.forEach((composition, j) => {
    for (let copy = 0; copy < copies[j]; copy++) {
      const members: number[] = [];
      composition.forEach((x, t) => {
        const pool = instance.types[t].members;
        for (let i = 0; i < x; i++) members.push(pool[(cursor[t] + i) % pool.length]);
        cursor[t] = (cursor[t] + x) % pool.length;
      });
      slots.push(members.sort((a, b) => a - b));
    }
  });
  return slots;
}

/** Number of slots per composition; falls back to largest remainders if the ILP finds nothing in time. */
function slotCounts(
  highs: Highs,
  instance: Instance,
  compositions: Composition[],
  weights: number[],
  m: number,
): number[] {
  const J = compositions.length;
  const T = instance.types.length;
  const counts = instance.types.map((type) => type.members.length);
  const target = new Array<number>(T).fill(0);
  compositions.forEach((composition, j) =>
    composition.forEach((x, t) => (target[t] += (m * weights[j] * x) / counts[t])),
  );
  const lower = weights.map((w) => Math.floor(m * w + 1e-9));
  const upper = weights.map((w, j) => Math.max(lower[j], Math.ceil(m * w - 1e-9)));
  // Columns: n_0..n_{J-1}, d. Rows: Σ n = m, then for each type: expected − d ≤ target and expected + d ≥ target.
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  compositions.forEach((composition) => {
    indices.push(0);
    values.push(1);
    composition.forEach((x, t) => {
      if (x > 0) {
        indices.push(1 + 2 * t, 2 + 2 * t);
        values.push(x / counts[t], x / counts[t]);
      }
    });
    starts.push(indices.length);
  });
  for (let t = 0; t < T; t++) {
    indices.push(1 + 2 * t, 2 + 2 * t);
    values.push(-1, 1);
  }
  starts.push(indices.length);
  const inf = highs.infinity;
  const model = quietModel(highs);
  try {
    model.passModel({
      numCols: J + 1,
      numRows: 1 + 2 * T,
      colCost: [...new Array(J).fill(0), 1],
      colLower: [...lower, 0],
      colUpper: [...upper, inf],
      rowLower: [m, ...target.flatMap((v) => [-inf, v])],
      rowUpper: [m, ...target.flatMap((v) => [v, inf])],
      matrix: { format: 'csc', numRows: 1 + 2 * T, numCols: J + 1, starts, indices, values },
      integrality: [
        ...new Array(J).fill(highs.constants.variableType.integer),
        highs.constants.variableType.continuous,
      ],
    });
    model.options.set({ time_limit: 20, mip_rel_gap: 1e-6 });
    model.run();
    const solution = model.getSolution().colValue;
    const n = Array.from(solution.slice(0, J), Math.round);
    if (n.length === J && n.reduce((a, b) => a + b, 0) === m && n.every((v, j) => v >= lower[j] && v <= upper[j]))
      return n;
  } catch {
    // Fall through to the deterministic largest-remainder rounding.
  } finally {
    model.dispose();
  }
  return largestRemainder(weights, m);
}

export function largestRemainder(weights: number[], m: number): number[] {
  const n = weights.map((w) => Math.floor(m * w + 1e-9));
  const order = weights.map((w, j) => ({ j, r: m * w - n[j] })).sort((a, b) => b.r - a.r || a.j - b.j);
  let missing = m - n.reduce((a, b) => a + b, 0);
  for (const { j } of order) {
    if (missing <= 0) break;
    n[j] += 1;
    missing -= 1;
  }
  return n;
}
