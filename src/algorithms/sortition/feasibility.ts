import type { Highs } from 'highs';
import { quietModel } from '../highs.js';
import type { Instance, Quota } from './instance.js';
import { panelModelData } from './panel-oracle.js';

export interface QuotaChange {
  category: string;
  feature: string;
  min: number;
  max: number;
  /** The bounds of the nearest feasible relaxation (least total change of the bounds). */
  relaxedMin: number;
  relaxedMax: number;
}

export interface InfeasibilityExplanation {
  /** Bilingual sentences naming the category values that cannot be met. */
  reasons: { fr: string; en: string }[];
  /** The smallest widening of the quotas that makes a panel possible (empty if none exists, e.g. households). */
  relaxation: QuotaChange[];
}

export class InfeasibleQuotasError extends Error {
  constructor(readonly explanation: InfeasibilityExplanation) {
    super(
      [
        ...explanation.reasons.map((r) => `${r.fr} / ${r.en}`),
        ...explanation.relaxation.map(
          (c) => `→ ${c.category} = ${c.feature}: [${c.min}, ${c.max}] ⇒ [${c.relaxedMin}, ${c.relaxedMax}]`,
        ),
      ].join('\n'),
    );
    this.name = 'InfeasibleQuotasError';
  }
}

/** A count of volunteers in each language's plural form (French: 0 and 1 singular), never "volontaire(s)". */
const volunteers = {
  fr: (n: number) => `${n} ${n >= 2 ? 'volontaires' : 'volontaire'}`,
  en: (n: number) => `${n} ${n === 1 ? 'volunteer' : 'volunteers'}`,
};

/** Plain counting reasons first (they are what a person can check by hand), then the nearest relaxation. */
export function explainInfeasibility(highs: Highs, instance: Instance): InfeasibilityExplanation {
  const reasons: { fr: string; en: string }[] = [];
  const available = instance.features.map(() => 0);
  for (const type of instance.types) for (const f of type.features) available[f] += type.members.length;
  instance.features.forEach((q, f) => {
    if (available[f] < q.min) {
      reasons.push({
        fr: `« ${q.category} = ${q.feature} » : minimum ${q.min} mais seulement ${volunteers.fr(available[f])} dans le vivier`,
        en: `"${q.category} = ${q.feature}": minimum ${q.min} but only ${volunteers.en(available[f])} in the pool`,
      });
    }
  });
  for (const category of instance.categories) {
    const quotas = instance.features.map((q, f) => ({ q, f })).filter(({ q }) => q.category === category);
    const sumMin = quotas.reduce((s, { q }) => s + q.min, 0);
    const sumMax = quotas.reduce((s, { q, f }) => s + Math.min(q.max, available[f]), 0);
    if (sumMin > instance.k) {
      reasons.push({
        fr: `« ${category} » : la somme des minimums (${sumMin}) dépasse la taille du panel (${instance.k})`,
        en: `"${category}": the minimums add up to ${sumMin}, more than the panel size ${instance.k}`,
      });
    }
    if (sumMax < instance.k) {
      reasons.push({
        fr: `« ${category} » : au plus ${sumMax} personnes peuvent être retenues (maximums et vivier), moins que la taille du panel (${instance.k})`,
        en: `"${category}": at most ${sumMax} people can be selected (maximums and pool), fewer than the panel size ${instance.k}`,
      });
    }
  }
  const relaxation = nearestRelaxation(highs, instance);
  if (reasons.length === 0) {
    reasons.push(
      relaxation.length > 0
        ? {
            fr: `les quotas se contredisent entre catégories : ${relaxation.map((c) => `« ${c.category} = ${c.feature} »`).join(', ')} ne peuvent pas être respectés ensemble`,
            en: `the quotas contradict each other across categories: ${relaxation.map((c) => `"${c.category} = ${c.feature}"`).join(', ')} cannot all be met`,
          }
        : {
            fr: `aucun panel de ${instance.k} personnes issues de foyers différents n’existe dans ce vivier`,
            en: `no panel of ${instance.k} people from different households exists in this pool`,
          },
    );
  }
  return { reasons, relaxation };
}

/** ILP over types with a slack below each minimum and above each maximum; minimise the total slack. */
function nearestRelaxation(highs: Highs, instance: Instance): QuotaChange[] {
  const base = panelModelData(highs, instance, new Array(instance.types.length).fill(0));
  const F = instance.features.length;
  const T = instance.types.length;
  const model = quietModel(highs);
  try {
    model.passModel({ ...base, sense: highs.constants.objectiveSense.minimize });
    // Two slack columns per feature: s⁻ lowers its minimum, s⁺ raises its maximum.
    for (let f = 0; f < F; f++) {
      model.addCol(1, 0, highs.infinity, { indices: [f], values: [1] });
      model.addCol(1, 0, highs.infinity, { indices: [f], values: [-1] });
      model.changeColIntegrality(T + 2 * f, highs.constants.variableType.integer);
      model.changeColIntegrality(T + 2 * f + 1, highs.constants.variableType.integer);
    }
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return [];
    const values = model.getSolution().colValue;
    const changes: QuotaChange[] = [];
    instance.features.forEach((q: Quota, f) => {
      const lower = Math.round(values[T + 2 * f]);
      const upper = Math.round(values[T + 2 * f + 1]);
      if (lower > 0 || upper > 0) {
        changes.push({
          category: q.category,
          feature: q.feature,
          min: q.min,
          max: q.max,
          relaxedMin: q.min - lower,
          relaxedMax: q.max + upper,
        });
      }
    });
    return changes;
  } finally {
    model.dispose();
  }
}
