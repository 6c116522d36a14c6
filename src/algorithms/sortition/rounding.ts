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
 * moving one slot from one composition to another while that lowers Σ_t dev_t^POWER, where dev_t is how far the
 * worst-served member of type t lands from m times the type's probability: the type's S_t slots are dealt
 * round-robin, so its members get ⌊S_t/c_t⌋ or ⌈S_t/c_t⌉. A high power makes the search chase the worst person,
 * which is what the bench measures. Plain JavaScript, no time limit: the same lottery always gives the same slots
 * (the commitment hashes them).
 */
export function slotCounts(instance: Instance, compositions: Composition[], weights: number[], m: number): number[] {
  const counts = instance.types.map((type) => type.members.length);
  const lower = weights.map((w) => Math.floor(m * w + 1e-9));
  const up = largestRemainder(weights, m).map((n, j) => n - lower[j]);
  const columns = compositions.map((x) => {
    const types: number[] = [];
    const members: number[] = [];
    x.forEach((n, t) => {
      if (n > 0) {
        types.push(t);
        members.push(n);
      }
    });
    return { types, members };
  });
  const slots = new Float64Array(counts.length);
  const target = new Float64Array(counts.length);
  columns.forEach(({ types, members }, j) =>
    types.forEach((t, i) => {
      slots[t] += (lower[j] + up[j]) * members[i];
      target[t] += (m * weights[j] * members[i]) / counts[t];
    }),
  );
  const canRoundUp = weights.map((w, j) => Math.ceil(m * w - 1e-9) > lower[j]);
  improveBySwaps({ columns, slots, target, counts }, up, canRoundUp);
  return lower.map((n, j) => n + up[j]);
}

/** Σ dev^POWER is minimised: with 8 the worst person dominates while every other type still counts. */
const POWER = 8;
/** Moves are made while they lower the objective by more than this (relative), at most MOVES times. */
const GAIN = 1e-12;
const MOVES = 20_000;

interface SlotState {
  columns: { types: number[]; members: number[] }[];
  /** S_t: the slots type t's members fill in all (an integer). */
  slots: Float64Array;
  /** m times the type's probability: the slots each member should get. */
  target: Float64Array;
  counts: number[];
}

/** How far from its target the worst-served member of a type with S slots lands. */
function personDeviation(slots: number, count: number, target: number): number {
  const low = Math.floor(slots / count);
  const high = Math.ceil(slots / count);
  return Math.max(Math.abs(low - target), Math.abs(high - target));
}

/**
 * Best-improvement local search over "one slot from composition a to composition b" (a rounded up → down, b
 * rounded down → up), restricted to moves that help the worst type; stops when none lowers Σ dev^POWER.
 */
function improveBySwaps(state: SlotState, up: number[], canRoundUp: boolean[]): void {
  const { columns, slots, target, counts } = state;
  const J = columns.length;
  const T = counts.length;
  const dev = (t: number, s: number) => personDeviation(s, counts[t], target[t]);
  const delta = new Float64Array(T);
  const moveGain = (a: number, b: number): number => {
    const touched: number[] = [];
    const add = (j: number, sign: number) =>
      columns[j].types.forEach((t, i) => {
        if (delta[t] === 0) touched.push(t);
        delta[t] += sign * columns[j].members[i];
      });
    add(a, -1);
    add(b, 1);
    let gain = 0;
    for (const t of touched) {
      if (delta[t] !== 0) gain += dev(t, slots[t] + delta[t]) ** POWER - dev(t, slots[t]) ** POWER;
      delta[t] = 0;
    }
    return gain;
  };
  for (let move = 0; move < MOVES; move++) {
    let worst = 0;
    let objective = 0;
    for (let t = 0; t < T; t++) {
      const d = dev(t, slots[t]);
      objective += d ** POWER;
      if (d > dev(worst, slots[worst])) worst = t;
    }
    // Too many slots for the worst type: take a slot from a composition with it; too few: give one.
    const tooMany = slots[worst] / counts[worst] > target[worst];
    const hasWorst = (j: number) => columns[j].types.includes(worst);
    let bestA = -1;
    let bestB = -1;
    let bestGain = -GAIN * objective;
    for (let a = 0; a < J; a++) {
      if (up[a] !== 1 || (tooMany && !hasWorst(a))) continue;
      for (let b = 0; b < J; b++) {
        if (up[b] !== 0 || !canRoundUp[b] || (!tooMany && !hasWorst(b))) continue;
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
    columns[bestA].types.forEach((t, i) => (slots[t] -= columns[bestA].members[i]));
    columns[bestB].types.forEach((t, i) => (slots[t] += columns[bestB].members[i]));
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
