import type { AssignmentInstance } from './types.js';

/**
 * Counts every hard-constraint violation of an assignment, independently of the engine: the tests and the
 * benchmark trust this count, not the engine's own bookkeeping.
 */
export interface Violations {
  wrongCount: number;
  duplicates: number;
  conflicts: number;
  loadBelowMin: number;
  loadAboveMax: number;
  forcedMissing: number;
  notAllowed: number;
  expertiseMissing: number;
  total: number;
}

export function countViolations(
  inst: AssignmentInstance,
  apps: ArrayLike<number>,
  reviewers: ArrayLike<number>,
): Violations {
  const n = inst.applicationCount;
  const m = inst.reviewerCount;
  const key = (a: number, r: number) => a * m + r;
  const assigned = new Set<number>();
  const perApp = new Int32Array(n);
  const loads = new Int32Array(m);
  let duplicates = 0;
  for (let i = 0; i < apps.length; i++) {
    const k = key(apps[i], reviewers[i]);
    if (assigned.has(k)) duplicates++;
    assigned.add(k);
    perApp[apps[i]]++;
    loads[reviewers[i]]++;
  }
  let wrongCount = 0;
  for (let a = 0; a < n; a++) if (perApp[a] !== inst.perApplication) wrongCount++;
  let loadBelowMin = 0;
  let loadAboveMax = 0;
  for (let r = 0; r < m; r++) {
    if (loads[r] < inst.minLoad[r]) loadBelowMin++;
    if (loads[r] > inst.maxLoad[r]) loadAboveMax++;
  }
  let conflicts = 0;
  for (let i = 0; i < (inst.conflictApplication?.length ?? 0); i++) {
    if (assigned.has(key(inst.conflictApplication![i], inst.conflictReviewer![i]))) conflicts++;
  }
  let forcedMissing = 0;
  const forced = new Set<number>();
  for (let i = 0; i < (inst.forcedApplication?.length ?? 0); i++) {
    const k = key(inst.forcedApplication![i], inst.forcedReviewer![i]);
    forced.add(k);
    if (!assigned.has(k)) forcedMissing++;
  }
  let notAllowed = 0;
  if (inst.missingPairs === 'forbidden') {
    const scored = new Set<number>();
    for (let i = 0; i < inst.pairApplication.length; i++)
      scored.add(key(inst.pairApplication[i], inst.pairReviewer[i]));
    for (const k of assigned) if (!scored.has(k) && !forced.has(k)) notAllowed++;
  }
  // Every required topic (requiredExpertise and requiredTopics) needs an assigned reviewer who has it.
  let expertiseMissing = 0;
  if (inst.requiredExpertise || inst.requiredTopics) {
    const byApp: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < apps.length; i++) byApp[apps[i]].push(reviewers[i]);
    for (let a = 0; a < n; a++) {
      const wanted = new Set<number>(inst.requiredTopics?.[a] ?? []);
      const x = inst.requiredExpertise?.[a] ?? -1;
      if (x >= 0) wanted.add(x);
      for (const t of wanted) if (!byApp[a].some((r) => inst.reviewerExpertise?.[r]?.includes(t))) expertiseMissing++;
    }
  }
  const total =
    wrongCount + duplicates + conflicts + loadBelowMin + loadAboveMax + forcedMissing + notAllowed + expertiseMissing;
  return {
    wrongCount,
    duplicates,
    conflicts,
    loadBelowMin,
    loadAboveMax,
    forcedMissing,
    notAllowed,
    expertiseMissing,
    total,
  };
}
