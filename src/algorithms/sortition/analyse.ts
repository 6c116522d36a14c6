import { expandDistribution, type PersonPanel } from './expand.js';
import { buildInstance, type Instance, type SortitionInput } from './instance.js';
import { legacyProbabilities } from './legacy.js';
import { leximinDistribution, type TypeDistribution } from './leximin.js';

export type Algorithm = 'leximin' | 'legacy';

/** The fields of `sortition analyse --json`, in the order issue 5 lists them. */
export interface Analysis {
  algorithm: Algorithm;
  n: number;
  k: number;
  minProbability: number;
  /** One per pool row, in pool order. */
  probabilities: number[];
  panels: PersonPanel[];
  seconds: number;
}

export interface AnalyseOptions {
  algorithm?: Algorithm;
  /** LEGACY: number of greedy runs the probabilities are estimated from. */
  legacyRuns?: number;
  seed?: number;
  /** Leave the concrete panels out (benchmarks of large pools only need the probabilities). */
  withPanels?: boolean;
}

export async function analyse(input: SortitionInput, options: AnalyseOptions = {}): Promise<Analysis> {
  const started = performance.now();
  const instance = buildInstance(input);
  const algorithm = options.algorithm ?? 'leximin';
  const withPanels = options.withPanels ?? true;
  let probabilities: number[];
  let panels: PersonPanel[] = [];
  if (algorithm === 'legacy') {
    const estimate = legacyProbabilities(instance, {
      runs: options.legacyRuns,
      seed: options.seed,
      collectPanels: withPanels,
    });
    probabilities = estimate.probabilities;
    panels = estimate.panels ?? [];
  } else {
    const distribution = await leximinDistribution(instance);
    probabilities = personProbabilities(instance, distribution);
    if (withPanels) panels = expandDistribution(instance, distribution.compositions, distribution.weights);
  }
  return {
    algorithm,
    n: instance.people.length,
    k: instance.k,
    minProbability: Math.min(...probabilities),
    probabilities,
    panels,
    seconds: (performance.now() - started) / 1000,
  };
}

export function personProbabilities(instance: Instance, distribution: TypeDistribution): number[] {
  return instance.typeOf.map((t) => distribution.typeProbabilities[t]);
}
