import type { Instance } from './instance.js';
import { seededRandom } from './prng.js';

export interface LegacyEstimate {
  probabilities: number[];
  /** The panels drawn, with their empirical frequency (only when asked for). */
  panels?: { members: number[]; probability: number }[];
  runs: number;
  /** Runs that hit a dead end and were restarted, as the original tool does. */
  restarts: number;
}

/**
 * The greedy algorithm used by sortition practitioners before LEXIMIN (the Sortition Foundation's
 * "legacy" selection): at each step take the category value with the highest ratio of still-missing
 * minimum to remaining candidates, pick a uniform person having it, and drop everyone whose value reached
 * its maximum. Dead ends restart the run. Selection probabilities are estimated from repeated runs.
 */
export function legacyProbabilities(
  instance: Instance,
  options: { runs?: number; seed?: number; collectPanels?: boolean } = {},
): LegacyEstimate {
  const runs = options.runs ?? 10_000;
  const random = seededRandom(options.seed ?? 1);
  const n = instance.people.length;
  const selectedCount = new Float64Array(n);
  let restarts = 0;
  const seen = new Map<string, { members: number[]; count: number }>();
  for (let run = 0; run < runs; ) {
    const panel = legacyPanel(instance, random);
    if (!panel) {
      restarts += 1;
      if (restarts > 100 * runs + 1000)
        throw new Error('LEGACY keeps failing on these quotas / LEGACY échoue sans cesse sur ces quotas');
      continue;
    }
    for (const r of panel) selectedCount[r] += 1;
    if (options.collectPanels) {
      const members = panel.sort((a, b) => a - b);
      const key = members.join(',');
      const entry = seen.get(key);
      if (entry) entry.count += 1;
      else seen.set(key, { members, count: 1 });
    }
    run += 1;
  }
  return {
    probabilities: Array.from(selectedCount, (c) => c / runs),
    runs,
    restarts,
    ...(options.collectPanels
      ? { panels: [...seen.values()].map((e) => ({ members: e.members, probability: e.count / runs })) }
      : {}),
  };
}

/** One greedy panel (pool rows), or undefined on a dead end. */
export function legacyPanel(instance: Instance, random: () => number): number[] | undefined {
  const { features, k } = instance;
  const n = instance.people.length;
  const C = instance.categories.length;
  const F = features.length;
  const featureOf = (row: number, c: number) => instance.types[instance.typeOf[row]].features[c];
  // Alive candidates per feature with O(1) removal (swap with last).
  const lists: number[][] = Array.from({ length: F }, () => []);
  const position = new Int32Array(n * C);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < C; c++) {
      const f = featureOf(r, c);
      position[r * C + c] = lists[f].length;
      lists[f].push(r);
    }
  }
  const alive = new Uint8Array(n).fill(1);
  const selected = new Int32Array(F);
  const householdOf = instance.people.map((p) => p.household);
  const householdMembers = new Map<string, number[]>();
  householdOf.forEach((h, r) => {
    if (h !== undefined) householdMembers.set(h, [...(householdMembers.get(h) ?? []), r]);
  });
  const remove = (r: number) => {
    if (!alive[r]) return;
    alive[r] = 0;
    for (let c = 0; c < C; c++) {
      const f = featureOf(r, c);
      const list = lists[f];
      const at = position[r * C + c];
      const last = list[list.length - 1];
      list[at] = last;
      position[last * C + c] = at; // features are distinct across categories, so `last` sits in slot c
      list.pop();
    }
  };
  const panel: number[] = [];
  for (let step = 0; step < k; step++) {
    let best = -1;
    let bestRatio = -Infinity;
    for (let f = 0; f < F; f++) {
      const remaining = lists[f].length;
      const missing = features[f].min - selected[f];
      if (missing > 0 && remaining < missing) return undefined;
      if (remaining !== 0 && features[f].max !== 0) {
        const ratio = missing / remaining;
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = f;
        }
      }
    }
    if (best < 0) return undefined;
    const list = lists[best];
    const r = list[Math.floor(random() * list.length)];
    panel.push(r);
    remove(r);
    const h = householdOf[r];
    if (h !== undefined) for (const other of householdMembers.get(h)!) remove(other);
    for (let c = 0; c < C; c++) {
      const f = featureOf(r, c);
      selected[f] += 1;
      if (selected[f] === features[f].max) for (const other of [...lists[f]]) remove(other);
    }
  }
  for (let f = 0; f < F; f++) if (selected[f] < features[f].min) return undefined;
  return panel;
}
