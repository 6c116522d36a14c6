import { highsRuntime, quietModel } from '../highs.js';
import { sha256 } from './commitment.js';
import type { Instance } from './instance.js';
import { panelModelData } from './panel-oracle.js';

export interface Replacement {
  /** The new panel (pool rows, ascending): the members kept plus the replacements. */
  panel: number[];
  replacements: number[];
}

export class NoReplacementError extends Error {
  constructor() {
    super('aucun remplacement ne respecte les quotas / no replacement keeps the quotas');
    this.name = 'NoReplacementError';
  }
}

/**
 * Replaces the people who declined while keeping every quota: an ILP over types keeps the members who
 * accepted and fills the seats, preferring profiles closest to those who declined (same profile first);
 * inside a profile the replacements are the first in the public order SHA-256(random value, id), so anyone
 * can recompute the choice. Declined people (in this round or an earlier one) and members' housemates are
 * never drawn.
 */
export async function drawReplacements(
  instance: Instance,
  panel: number[],
  declined: number[],
  random: string,
  /** People who declined in earlier replacement rounds of the same draw: never drawn again either. */
  previouslyDeclined: number[] = [],
): Promise<Replacement> {
  const highs = await highsRuntime();
  const declinedSet = new Set(declined);
  const kept = panel.filter((r) => !declinedSet.has(r));
  const excluded = new Set([...panel, ...declined, ...previouslyDeclined]);
  const keptHouseholds = new Set(kept.map((r) => instance.people[r].household).filter((h) => h !== undefined));
  const T = instance.types.length;
  const keptCount = new Array<number>(T).fill(0);
  for (const r of kept) keptCount[instance.typeOf[r]] += 1;
  const order = (r: number) => sha256(`${random.trim()}\n${instance.people[r].id}`);
  const available = instance.types.map((type) =>
    type.members
      .filter(
        (r) =>
          !excluded.has(r) &&
          !(instance.people[r].household !== undefined && keptHouseholds.has(instance.people[r].household)),
      )
      .map((r) => ({ r, key: order(r) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ r }) => r),
  );
  const declinedProfiles = declined.map((r) => instance.types[instance.typeOf[r]].features);
  const closeness = instance.types.map((type) =>
    Math.max(0, ...declinedProfiles.map((profile) => profile.filter((f, c) => type.features[c] === f).length)),
  );
  const base = panelModelData(highs, instance, closeness);
  const model = quietModel(highs);
  try {
    model.passModel({ ...base, colLower: keptCount, colUpper: keptCount.map((k, t) => k + available[t].length) });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) throw new NoReplacementError();
    const x = Array.from(model.getSolution().colValue, Math.round);
    const replacements = x.flatMap((count, t) => available[t].slice(0, count - keptCount[t]));
    return { panel: [...kept, ...replacements].sort((a, b) => a - b), replacements };
  } finally {
    model.dispose();
  }
}
