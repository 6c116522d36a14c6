import type { Composition } from './panel-oracle.js';

/** A face of the panel polytope: bounds per type and per quota row, the panel size, the types' quota rows. */
export interface Face {
  k: number;
  /** One quota row per category for each type. */
  typeFeatures: readonly Int32Array[];
  featureCount: number;
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  rowLo: ArrayLike<number>;
  rowHi: ArrayLike<number>;
}

/** A panel must be worth this much more than the best one found so far to replace it. */
const IMPROVE = 1e-9;

/** What to look for: panels worth at least `floor` for `cost` (Σ cost_t·x_t); a panel worth `enough` ends it. */
export interface FaceSearch {
  cost: ArrayLike<number>;
  /** Value tried first for each type (the LP vertex's). */
  guide: ArrayLike<number>;
  floor: number;
  enough: number;
  nodeLimit: number;
}

/**
 * Depth-first branch and bound for the panel of the face worth most for `cost`, made for faces with many
 * tight quotas, where HiGHS's LP-based search spends 0.1–1 s per panel: branch on the quota row with the least
 * slack (fail first), on its undecided type of highest cost, trying the guide's value first; prune a node when
 * a row can no longer be met or when even the best `k − size` undecided costs cannot beat the best panel so far.
 * Returns the best panel met (undefined when none) and whether the search was complete, in which case no
 * panel better than it, or no panel at all, exists. Deterministic: same face, same answer.
 */
export function searchFace(face: Face, goal: FaceSearch): { best: Composition | undefined; complete: boolean } {
  const { cost, guide, floor, enough, nodeLimit } = goal;
  const T = face.lo.length;
  const F = face.featureCount;
  const x = Array.from(face.lo as ArrayLike<number>, (v) => v);
  const decided = new Uint8Array(T);
  const sum = new Float64Array(F);
  const room = new Float64Array(F);
  let size = 0;
  let sizeRoom = 0;
  let value = 0;
  for (let t = 0; t < T; t++) {
    const spare = face.hi[t] - face.lo[t];
    if (spare <= 0) decided[t] = 1;
    size += x[t];
    value += x[t] * cost[t];
    sizeRoom += spare;
    for (const f of face.typeFeatures[t]) {
      sum[f] += x[t];
      room[f] += spare;
    }
  }
  // Rows no undecided type can change (a quota no volunteer of the face has) are checked once, here.
  for (let f = 0; f < F; f++) {
    if (sum[f] > face.rowHi[f] || sum[f] + room[f] < face.rowLo[f]) return { best: undefined, complete: true };
  }
  if (size > face.k || size + sizeRoom < face.k) return { best: undefined, complete: true };
  // Undecided types by decreasing cost, for the bound and for the choice of a branching type.
  const byCost = Array.from({ length: T }, (_, t) => t)
    .filter((t) => !decided[t])
    .sort((a, b) => cost[b] - cost[a] || a - b);
  // Each row's undecided types by decreasing cost: the branching type is the first undecided one of its row.
  const rowTypes: number[][] = Array.from({ length: F }, () => []);
  for (const t of byCost) for (const f of face.typeFeatures[t]) rowTypes[f].push(t);
  let nodes = 0;

  /** Sets x_t = v for an undecided t; false when a row of t can no longer be met. */
  const assign = (t: number, v: number): boolean => {
    const delta = v - face.lo[t];
    const spare = face.hi[t] - face.lo[t];
    decided[t] = 1;
    x[t] = v;
    size += delta;
    sizeRoom -= spare;
    value += delta * cost[t];
    let ok = size <= face.k && size + sizeRoom >= face.k;
    for (const f of face.typeFeatures[t]) {
      sum[f] += delta;
      room[f] -= spare;
      if (sum[f] > face.rowHi[f] || sum[f] + room[f] < face.rowLo[f]) ok = false;
    }
    return ok;
  };
  const unassign = (t: number) => {
    const delta = x[t] - face.lo[t];
    const spare = face.hi[t] - face.lo[t];
    decided[t] = 0;
    x[t] = face.lo[t];
    size -= delta;
    sizeRoom += spare;
    value -= delta * cost[t];
    for (const f of face.typeFeatures[t]) {
      sum[f] -= delta;
      room[f] += spare;
    }
  };

  /** Whether the value plus the best the undecided types can add with k − size more members reaches `target`. */
  const reaches = (target: number): boolean => {
    let need = face.k - size;
    let reach = value;
    for (const t of byCost) {
      if (reach >= target) return true;
      if (need <= 0 || cost[t] <= 0) break;
      if (decided[t]) continue;
      const take = Math.min(need, face.hi[t] - face.lo[t]);
      reach += take * cost[t];
      need -= take;
    }
    return reach >= target;
  };

  /** The row with the least slack that still has undecided types (−1 when every type is decided). */
  const tightestRow = (): number => {
    let best = -1;
    let bestSlack = Infinity;
    for (let f = 0; f < F; f++) {
      if (room[f] <= 0) continue;
      const slack = Math.min(face.rowHi[f] - sum[f], sum[f] + room[f] - face.rowLo[f]);
      if (slack < bestSlack) {
        best = f;
        bestSlack = slack;
      }
    }
    return best;
  };

  let best: Composition | undefined;
  let bar = floor;
  /** Explores the subtree; true when the search stops (node limit, or a panel worth `enough`). */
  const search = (): boolean => {
    if (++nodes > nodeLimit) return true;
    if (!reaches(bar)) return false;
    const f = tightestRow();
    if (f < 0) {
      if (size !== face.k) return false;
      best = [...x];
      bar = value + IMPROVE;
      return value >= enough;
    }
    let t = -1;
    for (const u of rowTypes[f]) {
      if (!decided[u]) {
        t = u;
        break;
      }
    }
    for (const v of valuesToTry(face.lo[t], face.hi[t], guide[t])) {
      const stop = assign(t, v) && search();
      unassign(t);
      if (stop) return true;
    }
    return false;
  };
  const stopped = search();
  return { best, complete: !stopped };
}

/** The integers of [lo, hi], nearest to the LP vertex's value first (ties: the larger first). */
function valuesToTry(lo: number, hi: number, guide: number): number[] {
  const values: number[] = [];
  for (let v = lo; v <= hi; v++) values.push(v);
  return values.sort((a, b) => Math.abs(a - guide) - Math.abs(b - guide) || b - a);
}
