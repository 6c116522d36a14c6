import type { Highs } from 'highs';
import { quietModel } from '../highs.js';
import type { Instance, Quota } from './instance.js';
import { panelModelData } from './panel-oracle.js';

/** LEXIMIN over the LP relaxation of the panel polytope (expected counts, no integrality). */
export interface RelaxedLeximin {
  /** Selection probability of each type. */
  probabilities: number[];
  /** The first (smallest) level: an upper bound on the minimum probability of any lottery over real panels. */
  bound: number;
  stages: number;
}

/**
 * LEXIMIN over the relaxation {s : 0 ≤ s_t ≤ c_t, Σ s = k, every quota and household row on s}: the expected
 * counts of any lottery over feasible panels lie in it, so its LEXIMIN vector dominates the true one. It is a
 * compact LP (one row per type and per quota, no column generation): maximise z with s_t ≥ c_t·z for the
 * unfixed types, fix those whose row has a positive dual (tight in every optimum), repeat. Undefined when even
 * the relaxation is infeasible.
 *
 * When the resulting vector is a convex combination of real panels (`decompose.ts` checks), it is the exact
 * LEXIMIN vector of the real problem: nothing in the larger set is leximin-better, and it is achievable.
 */
export function relaxedLeximin(highs: Highs, instance: Instance): RelaxedLeximin | undefined {
  const T = instance.types.length;
  const base = panelModelData(highs, instance, new Array(T).fill(0), false);
  const model = quietModel(highs);
  try {
    model.passModel({ ...base, sense: highs.constants.objectiveSense.minimize });
    const z = T;
    model.addVar(-highs.infinity, highs.infinity);
    model.changeColCost(z, -1);
    const first = base.numRows;
    instance.types.forEach((type, t) =>
      model.addRow(0, highs.infinity, { indices: [t, z], values: [1, -type.members.length] }),
    );
    const fixed = new Array<number | undefined>(T).fill(undefined);
    let bound = Number.NaN;
    let stages = 0;
    while (fixed.some((f) => f === undefined)) {
      stages += 1;
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return undefined;
      const level = Math.min(1, Math.max(0, -model.getObjectiveValue()));
      if (stages === 1) bound = level;
      const duals = model.getSolution().rowDual;
      let progress = false;
      for (let t = 0; t < T; t++) {
        if (fixed[t] === undefined && duals[first + t] > 1e-9) {
          fixed[t] = level;
          progress = true;
          model.changeCoefficient(first + t, z, 0);
          model.changeRowBounds(first + t, level * instance.types[t].members.length, highs.infinity);
        }
      }
      if (!progress) return undefined;
    }
    return { probabilities: fixed as number[], bound, stages };
  } finally {
    model.dispose();
  }
}

/**
 * The quotas a panel must meet to take part in a lottery with expected counts `expected`: a quota the
 * expected counts meet with equality at its minimum (maximum) is met the same way by every panel of such a
 * lottery, so it becomes an equality. Panels off this face can never carry weight, so the search skips them.
 */
export function faceQuotas(instance: Instance, expected: readonly number[]): Quota[] {
  const counts = new Array<number>(instance.features.length).fill(0);
  expected.forEach((s, t) => {
    for (const f of instance.types[t].features) counts[f] += s;
  });
  return instance.features.map((q, f) => {
    if (Math.abs(counts[f] - q.min) < 1e-9) return { ...q, max: q.min };
    if (Math.abs(counts[f] - q.max) < 1e-9) return { ...q, min: q.max };
    return { ...q };
  });
}

/** The instance restricted to the face of the quotas tight at `probabilities` (see faceQuotas). */
export function faceOf(instance: Instance, probabilities: readonly number[]): Instance {
  const counts = instance.types.map((type) => type.members.length);
  return {
    ...instance,
    features: faceQuotas(
      instance,
      probabilities.map((p, t) => p * counts[t]),
    ),
  };
}
