import type { Highs, Model } from 'highs';
import { highsRuntime, quietModel } from '../highs.js';
import { decompose, finishWithLp } from './decompose.js';
import { explainInfeasibility, InfeasibleQuotasError } from './feasibility.js';
import type { Instance } from './instance.js';
import { addMasterColumn } from './master-column.js';
import { type Composition, PanelOracle } from './panel-oracle.js';
import { peel } from './peel.js';
import { faceOf, relaxedLeximin } from './relaxed-leximin.js';

/** A lottery over panel compositions (by type); each person of type t is selected with `typeProbabilities[t]`. */
export interface TypeDistribution {
  compositions: Composition[];
  weights: number[];
  typeProbabilities: number[];
  /**
   * Upper bound on the best achievable minimum selection probability, certified by the final dual prices of
   * the first LEXIMIN stage and an exact pricing ILP: no distribution over feasible panels can do better.
   */
  certifiedBound: number;
  /**
   * Statistics for the benchmark. `method`: `relaxation` when the LEXIMIN vector of the LP relaxation was
   * written as a lottery over real panels (then it is the exact answer), `column-generation` otherwise.
   */
  stats: {
    stages: number;
    pricingCalls: number;
    panelsGenerated: number;
    method?: 'relaxation' | 'column-generation';
    /**
     * With `relaxation`: how the vector was written as a lottery: peeling alone, peeling finished by the exact LP
     * with column generation, or Wolfe's algorithm.
     */
    decomposition?: 'peeling' | 'peeling+lp' | 'wolfe';
  };
}

/** Convergence tolerance of column generation: a new panel must beat the dual cap by more than this. */
const EPS = 1e-7;
/** A type whose dual weight exceeds this is tight in every optimal solution, so its probability is fixed. */
const EPS_WEIGHT = 1e-7;
/** Extra columns per round taken from one-swap neighbours of the priced panel. */
const SWAPS = 10;

/**
 * LEXIMIN selection probabilities (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021, "Methods"),
 * computed over types: maximise the minimum probability of the types not yet fixed with the master LP over
 * the panels found so far, price a new panel with the ILP for the master's dual weights while one beats the
 * cap, then fix the types whose dual weight is positive (their probability is forced) and start the next stage.
 */
export async function leximinDistribution(
  instance: Instance,
  options: { method?: 'auto' | 'column-generation'; decomposition?: 'auto' | 'wolfe' } = {},
): Promise<TypeDistribution> {
  const highs = await highsRuntime();
  const fast =
    options.method === 'column-generation'
      ? undefined
      : relaxationFirst(highs, instance, options.decomposition !== 'wolfe');
  if (fast) return fast;
  const oracle = new PanelOracle(highs, instance);
  try {
    return solveLeximin(highs, instance, oracle);
  } finally {
    oracle.dispose();
  }
}

/**
 * The fast exact path: LEXIMIN over the LP relaxation (a compact LP, no column generation), then Wolfe's
 * minimum-norm-point algorithm writes that vector as a lottery over real panels. The relaxation contains every
 * lottery's expected counts, so its LEXIMIN vector is at least as good as the true one; once it is shown to be
 * a lottery over real panels it is the true one (exact, and certified by the relaxation's first level).
 * Undefined when the vector is not such a lottery (the relaxation is not tight there, e.g. with households):
 * column generation then runs as before.
 */
function relaxationFirst(highs: Highs, instance: Instance, peelFirst: boolean): TypeDistribution | undefined {
  const relaxed = relaxedLeximin(highs, instance);
  if (!relaxed) return undefined;
  const counts = instance.types.map((type) => type.members.length);
  const face = faceOf(instance, relaxed.probabilities);
  const peeled = peelFirst ? peel(highs, face, relaxed.probabilities) : undefined;
  if (peeled?.complete) {
    return {
      compositions: peeled.compositions,
      weights: peeled.weights,
      typeProbabilities: typeProbabilities(peeled.compositions, peeled.weights, counts),
      certifiedBound: relaxed.bound,
      stats: {
        stages: relaxed.stages,
        pricingCalls: peeled.found.mip,
        panelsGenerated: peeled.compositions.length,
        method: 'relaxation',
        decomposition: 'peeling',
      },
    };
  }
  const oracle = new PanelOracle(highs, face);
  try {
    // Peeling gave up (the rest left the hull of real panels): the exact LP over its panels, with column
    // generation, usually needs few more; Wolfe's algorithm from scratch is the last resort.
    const finished =
      peeled && peeled.compositions.length > 0
        ? finishWithLp(highs, face, oracle, relaxed.probabilities, peeled.compositions)
        : undefined;
    const lottery = finished ?? decompose(highs, face, oracle, relaxed.probabilities);
    if (!lottery) return undefined;
    const total = lottery.weights.reduce((a, b) => a + b, 0);
    const weights = lottery.weights.map((w) => w / total);
    return {
      compositions: lottery.compositions,
      weights,
      typeProbabilities: typeProbabilities(lottery.compositions, weights, counts),
      certifiedBound: relaxed.bound,
      stats: {
        stages: relaxed.stages,
        pricingCalls: lottery.oracleCalls,
        panelsGenerated: lottery.oracleCalls + lottery.localSearchPoints,
        method: 'relaxation',
        decomposition: finished ? 'peeling+lp' : 'wolfe',
      },
    };
  } finally {
    oracle.dispose();
  }
}

function solveLeximin(highs: Highs, instance: Instance, oracle: PanelOracle): TypeDistribution {
  const T = instance.types.length;
  const counts = instance.types.map((type) => type.members.length);
  const portfolio: Composition[] = [];
  const known = new Set<string>();
  const stats = { stages: 0, pricingCalls: 0, panelsGenerated: 0, method: 'column-generation' as const };
  const addPanel = (composition: Composition): boolean => {
    const key = composition.join(',');
    if (known.has(key)) return false;
    known.add(key);
    portfolio.push(composition);
    return true;
  };

  // Initial panels: keep asking for the panel covering the most not-yet-covered people; when none can be
  // covered any more, the remaining types appear in no feasible panel and get probability 0.
  const covered = new Array<boolean>(T).fill(false);
  for (;;) {
    const found = oracle.best(covered.map((c) => (c ? 0 : 1)));
    stats.pricingCalls += 1;
    if (!found) throw new InfeasibleQuotasError(explainInfeasibility(highs, instance));
    if (portfolio.length > 0 && found.value < 0.5) break;
    addPanel(found.composition);
    found.composition.forEach((x, t) => {
      if (x > 0) covered[t] = true;
    });
    if (covered.every(Boolean)) break;
  }
  const fixed = new Array<number | undefined>(T).fill(undefined);
  covered.forEach((c, t) => {
    if (!c) fixed[t] = 0;
  });

  const master = quietModel(highs);
  // Adding columns keeps the basis primal feasible, so primal simplex re-optimises from where it stopped.
  master.options.set({ solver: 'simplex', simplex_strategy: 4, presolve: 'off' });
  let certifiedBound = Number.NaN;
  try {
    buildMaster(highs, master, T, fixed);
    for (const composition of portfolio) addMasterColumn(highs, master, composition, counts, T);
    while (fixed.some((f) => f === undefined)) {
      stats.stages += 1;
      for (;;) {
        master.run();
        if (master.getModelStatus() !== highs.constants.modelStatus.optimal) {
          throw new Error(`HiGHS could not solve the LEXIMIN master programme (status ${master.getModelStatus()})`);
        }
        // Minimising −z: the row duals are the type weights y_t ≥ 0 (Σ over unfixed types = 1) and minus the
        // dual of the convexity row is the cap every panel's weighted value must stay under.
        const duals = master.getSolution().rowDual;
        const level = -master.getObjectiveValue();
        const cap = -duals[T];
        const weights = counts.map((c, t) => Math.max(0, duals[t]) / c);
        const found = oracle.best(weights, cap + EPS)!;
        stats.pricingCalls += 1;
        if (found.value > cap + EPS && addPanel(found.composition)) {
          addMasterColumn(highs, master, found.composition, counts, T);
          stats.panelsGenerated += 1;
          for (const other of [
            ...found.others,
            ...oracle.swapNeighbours(found.composition, weights, cap + EPS, SWAPS),
          ]) {
            if (addPanel(other)) {
              addMasterColumn(highs, master, other, counts, T);
              stats.panelsGenerated += 1;
            }
          }
          continue;
        }
        if (stats.stages === 1) certifiedBound = Math.max(level, found.value);
        const value = Math.min(1, Math.max(0, level));
        let fixedAny = false;
        for (let t = 0; t < T; t++) {
          if (fixed[t] === undefined && duals[t] > EPS_WEIGHT) {
            fixed[t] = value;
            fixedAny = true;
            master.changeCoefficient(t, 0, 0);
            master.changeRowBounds(t, value, highs.infinity);
          }
        }
        if (!fixedAny) throw new Error('LEXIMIN made no progress (numerical trouble in the master programme)');
        break;
      }
    }
  } finally {
    master.dispose();
  }
  const weights = closestLottery(highs, portfolio, counts, fixed as number[]);
  const used = portfolio.map((_, j) => j).filter((j) => weights[j] > 1e-12);
  const total = used.reduce((s, j) => s + weights[j], 0);
  const compositions = used.map((j) => portfolio[j]);
  const finalWeights = used.map((j) => weights[j] / total);
  return {
    compositions,
    weights: finalWeights,
    typeProbabilities: typeProbabilities(compositions, finalWeights, counts),
    certifiedBound,
    stats,
  };
}

/**
 * The master LP: column 0 is z, then one column λ_j per panel. Row t says type t's probability Σ_j λ_j·x_tj/c_t
 * is at least z (or its fixed level), row T that the λ sum to 1. Minimising −z keeps HiGHS's dual signs plain.
 */
function buildMaster(highs: Highs, master: Model, T: number, fixed: (number | undefined)[]): void {
  const inf = highs.infinity;
  master.addVar(-inf, inf);
  master.changeColCost(0, -1);
  for (let t = 0; t < T; t++) {
    master.addRow(
      fixed[t] ?? 0,
      inf,
      fixed[t] === undefined ? { indices: [0], values: [-1] } : { indices: [], values: [] },
    );
  }
  master.addRow(1, 1, { indices: [], values: [] });
}

/** The lottery over the portfolio whose type probabilities come closest (max shortfall) to the fixed levels. */
function closestLottery(highs: Highs, portfolio: Composition[], counts: number[], levels: number[]): number[] {
  const T = counts.length;
  const J = portfolio.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const composition of portfolio) {
    composition.forEach((x, t) => {
      if (x > 0) {
        indices.push(t);
        values.push(x / counts[t]);
      }
    });
    indices.push(T);
    values.push(1);
    starts.push(indices.length);
  }
  for (let t = 0; t < T; t++) {
    indices.push(t);
    values.push(1);
  }
  starts.push(indices.length);
  const model = quietModel(highs);
  try {
    model.passModel({
      numCols: J + 1,
      numRows: T + 1,
      colCost: [...new Array(J).fill(0), 1],
      colLower: new Array(J + 1).fill(0),
      colUpper: new Array(J + 1).fill(highs.infinity),
      rowLower: [...levels, 1],
      rowUpper: [...new Array(T).fill(highs.infinity), 1],
      matrix: { format: 'csc', numRows: T + 1, numCols: J + 1, starts, indices, values },
    });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) {
      throw new Error(`HiGHS could not solve the final LEXIMIN lottery (status ${model.getModelStatus()})`);
    }
    return Array.from(model.getSolution().colValue.slice(0, J), (w) => Math.max(0, w));
  } finally {
    model.dispose();
  }
}

export function typeProbabilities(compositions: Composition[], weights: number[], counts: number[]): number[] {
  const probabilities = new Array<number>(counts.length).fill(0);
  compositions.forEach((composition, j) => {
    composition.forEach((x, t) => {
      probabilities[t] += (weights[j] * x) / counts[t];
    });
  });
  return probabilities;
}
