import type { Highs, Model } from 'highs';
import { explainInfeasibility, InfeasibleQuotasError } from './feasibility.js';
import { highsRuntime, quietModel } from './highs.js';
import type { Instance } from './instance.js';
import { PanelOracle, type Composition } from './panel-oracle.js';

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
  /** Column-generation statistics, for the benchmark. */
  stats: { stages: number; pricingCalls: number; panelsGenerated: number };
}

/** Convergence tolerance of column generation: a new panel must beat the dual cap by more than this. */
const EPS = 1e-7;
/** A type whose dual weight exceeds this is tight in every optimal solution, so its probability is fixed. */
const EPS_WEIGHT = 1e-7;

/**
 * LEXIMIN selection probabilities (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021, "Methods"),
 * computed over types: maximise the minimum probability of the types not yet fixed through the dual LP over
 * the panels found so far, price a new panel with the ILP whenever the dual is violated, and fix the types
 * whose dual weight is positive (their probability is forced) before the next stage.
 */
export async function leximinDistribution(instance: Instance): Promise<TypeDistribution> {
  const highs = await highsRuntime();
  const oracle = new PanelOracle(highs, instance);
  try {
    return solveLeximin(highs, instance, oracle);
  } finally {
    oracle.dispose();
  }
}

function solveLeximin(highs: Highs, instance: Instance, oracle: PanelOracle): TypeDistribution {
  const T = instance.types.length;
  const counts = instance.types.map((type) => type.members.length);
  const portfolio: Composition[] = [];
  const known = new Set<string>();
  const stats = { stages: 0, pricingCalls: 0, panelsGenerated: 0 };
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

  let lpTime = 0;
  let ilpTime = 0;
  const dual = quietModel(highs);
  dual.options.set({ presolve: 'off', solver: 'simplex' });
  let certifiedBound = Number.NaN;
  try {
    buildDualModel(highs, dual, T, fixed);
    for (const composition of portfolio) addDualRow(dual, composition, counts, T);
    while (fixed.some((f) => f === undefined)) {
      stats.stages += 1;
      for (;;) {
        const tl = performance.now();
        dual.run();
        lpTime += performance.now() - tl;
        if (process.env.SORTITION_DEBUG === '2') console.error('lp', dual.info.get('simplex_iteration_count'), (performance.now() - tl).toFixed(1), dual.getDimensions());
        if (dual.getModelStatus() !== highs.constants.modelStatus.optimal) {
          throw new Error(`HiGHS could not solve the LEXIMIN dual programme (status ${dual.getModelStatus()})`);
        }
        const values = dual.getSolution().colValue;
        const cap = values[T];
        const objective = dual.getObjectiveValue();
        const weights = counts.map((c, t) => Math.max(0, values[t]) / c);
        const tp = performance.now();
        const found = oracle.best(weights, cap + EPS)!;
        ilpTime += performance.now() - tp;
        stats.pricingCalls += 1;
        if (found.value > cap + EPS && addPanel(found.composition)) {
          addDualRow(dual, found.composition, counts, T);
          stats.panelsGenerated += 1;
          for (const other of found.others) {
            if (addPanel(other)) {
              addDualRow(dual, other, counts, T);
              stats.panelsGenerated += 1;
            }
          }
          continue;
        }
        if (stats.stages === 1) certifiedBound = Math.max(cap, found.value);
        const level = Math.min(1, Math.max(0, objective));
        let fixedAny = false;
        for (let t = 0; t < T; t++) {
          if (fixed[t] === undefined && values[t] > EPS_WEIGHT) {
            fixed[t] = level;
            fixedAny = true;
            dual.changeCoefficient(0, t, 0);
            dual.changeColCost(t, -level);
          }
        }
        if (!fixedAny) throw new Error('LEXIMIN made no progress (numerical trouble in the dual programme)');
        break;
      }
    }
  } finally {
    dual.dispose();
  }
  if (process.env.SORTITION_DEBUG) console.error({ lpTime, ilpTime, relaxationHits: oracle.relaxationHits });
  const weights = closestLottery(highs, portfolio, counts, fixed as number[]);
  const used = portfolio.map((_, j) => j).filter((j) => weights[j] > 1e-12);
  const total = used.reduce((s, j) => s + weights[j], 0);
  const compositions = used.map((j) => portfolio[j]);
  const finalWeights = used.map((j) => weights[j] / total);
  return { compositions, weights: finalWeights, typeProbabilities: typeProbabilities(compositions, finalWeights, counts), certifiedBound, stats };
}

/** Columns y_0..y_{T-1} (dual weight per type) and ŷ (the cap); row 0 normalises the unfixed weights. */
function buildDualModel(highs: Highs, dual: Model, T: number, fixed: (number | undefined)[]): void {
  const inf = highs.infinity;
  dual.addVars(new Array(T).fill(0), new Array(T).fill(inf));
  dual.addVar(-inf, inf);
  dual.changeColCost(T, 1);
  fixed.forEach((f, t) => {
    if (f !== undefined && f !== 0) dual.changeColCost(t, -f);
  });
  const unfixed = fixed.map((f, t) => (f === undefined ? t : -1)).filter((t) => t >= 0);
  dual.addRow(1, 1, { indices: unfixed, values: unfixed.map(() => 1) });
}

/** Σ_t y_t · x_t / count_t ≤ ŷ for one panel. */
function addDualRow(dual: Model, composition: Composition, counts: number[], T: number): void {
  const indices: number[] = [];
  const values: number[] = [];
  composition.forEach((x, t) => {
    if (x > 0) {
      indices.push(t);
      values.push(x / counts[t]);
    }
  });
  indices.push(T);
  values.push(-1);
  dual.addRow(-Infinity, 0, { indices, values });
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
