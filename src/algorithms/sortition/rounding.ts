import type { Instance } from './instance.js';
import type { Composition } from './panel-oracle.js';

/**
 * Rounds a lottery over compositions to m equally likely slots, as in "Fair sortition made transparent"
 * (Flanigan, Kehne, Procaccia; NeurIPS 2021): each composition gets ⌊m·w⌋ or ⌈m·w⌉ slots, chosen to keep the
 * largest change of any type's expected number of selections small (`slotCounts`); then people inside a type
 * are dealt round-robin over the slots, so within a type selection counts differ by at most one.
 */
export function roundToSlots(
  instance: Instance,
  compositions: Composition[],
  weights: number[],
  m: number,
): number[][] {
  const copies = slotCounts(instance, compositions, weights, m);
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

/**
 * Number of slots per composition: ⌊m·w⌋ or ⌈m·w⌉ each, m in all. Largest remainders first, then a local search
 * moving one slot from one composition to another while that lowers Σ_t dev_t^POWER, where dev_t is how far type t's
 * expected number of slots per member is from m times its probability; a high power makes the search chase the
 * worst type, which is what the bench measures. Pure JavaScript and no time limit, so the same lottery always
 * gives the same slots (the commitment hashes them).
 */
export function slotCounts(instance: Instance, compositions: Composition[], weights: number[], m: number): number[] {
  const counts = instance.types.map((type) => type.members.length);
  const lower = weights.map((w) => Math.floor(m * w + 1e-9));
  const up = largestRemainder(weights, m).map((n, j) => n - lower[j]);
  // Sparse columns: the types of composition j and x_tj/c_t, the expected slots per member one slot gives.
  const columns = compositions.map((x) => {
    const types: number[] = [];
    const shares: number[] = [];
    x.forEach((n, t) => {
      if (n > 0) {
        types.push(t);
        shares.push(n / counts[t]);
      }
    });
    return { types, shares };
  });
  const dev = new Float64Array(counts.length);
  columns.forEach(({ types, shares }, j) => {
    const extra = lower[j] + up[j] - m * weights[j];
    types.forEach((t, i) => (dev[t] += extra * shares[i]));
  });
  improveBySwaps(
    columns,
    dev,
    up,
    weights.map((w, j) => Math.ceil(m * w - 1e-9) > lower[j]),
  );
  return lower.map((n, j) => n + up[j]);
}

/** Σ dev^POWER is minimised: with 8 the worst type dominates while every other type still counts. */
const POWER = 8;
/** Moves are made while they lower the objective by more than this (relative), at most MOVES times. */
const GAIN = 1e-12;
const MOVES = 20_000;

/**
 * Best-improvement local search over "one slot from composition a to composition b" (a rounded up → down, b
 * rounded down → up), restricted to moves that help the worst type; stops when none lowers Σ dev^POWER.
 */
function improveBySwaps(
  columns: { types: number[]; shares: number[] }[],
  dev: Float64Array,
  up: number[],
  canRoundUp: boolean[],
): void {
  const J = columns.length;
  const delta = new Float64Array(dev.length);
  const has = (j: number, t: number) => columns[j].types.indexOf(t);
  const moveGain = (a: number, b: number): number => {
    const touched: number[] = [];
    const add = (j: number, sign: number) =>
      columns[j].types.forEach((t, i) => {
        if (delta[t] === 0) touched.push(t);
        delta[t] += sign * columns[j].shares[i];
      });
    add(a, -1);
    add(b, 1);
    let gain = 0;
    for (const t of touched) {
      gain += (dev[t] + delta[t]) ** POWER - dev[t] ** POWER;
      delta[t] = 0;
    }
    return gain;
  };
  for (let move = 0; move < MOVES; move++) {
    let worst = 0;
    for (let t = 1; t < dev.length; t++) if (Math.abs(dev[t]) > Math.abs(dev[worst])) worst = t;
    const objective = dev.reduce((sum, d) => sum + d ** POWER, 0);
    // Too many expected slots for the worst type: take a slot from a composition with it; too few: give one.
    const tooMany = dev[worst] > 0;
    let bestA = -1;
    let bestB = -1;
    let bestGain = -GAIN * objective;
    for (let a = 0; a < J; a++) {
      if (up[a] !== 1 || (tooMany && has(a, worst) < 0)) continue;
      for (let b = 0; b < J; b++) {
        if (up[b] !== 0 || !canRoundUp[b] || (!tooMany && has(b, worst) < 0)) continue;
        const gain = moveGain(a, b);
        if (gain < bestGain) {
          bestGain = gain;
          bestA = a;
          bestB = b;
        }
      }
    }
    if (bestA < 0) return;
    up[bestA] = 0;
    up[bestB] = 1;
    columns[bestA].types.forEach((t, i) => (dev[t] -= columns[bestA].shares[i]));
    columns[bestB].types.forEach((t, i) => (dev[t] += columns[bestB].shares[i]));
  }
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
