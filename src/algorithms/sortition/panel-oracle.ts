import type { Highs, Model } from 'highs';
import { quietModel } from '../highs.js';
import type { Instance } from './instance.js';

/** A panel described by how many members of each type it takes (the members themselves are chosen later). */
export type Composition = number[];

/**
 * The integer programme of feasible panels over types: x_t ∈ [0, count_t] members of type t, the panel size,
 * every quota, at most one per household. One HiGHS model is kept and only its objective changes between
 * calls, which is what column generation asks for thousands of times.
 */
export class PanelOracle {
  private readonly model: Model;
  /** The LP relaxation: when its optimum is integral it is the ILP optimum, at a fraction of the cost. */
  private readonly relaxation: Model;
  relaxationHits = 0;
  private readonly typeCount: number;

  constructor(
    private readonly highs: Highs,
    private readonly instance: Instance,
  ) {
    this.typeCount = instance.types.length;
    this.model = quietModel(highs);
    this.model.options.set({ mip_rel_gap: 1e-9, mip_abs_gap: 1e-10, presolve: 'off' });
    this.model.passModel(panelModelData(highs, instance, new Array(this.typeCount).fill(0)));
    this.relaxation = quietModel(highs);
    this.relaxation.options.set({ solver: 'simplex', presolve: 'off' });
    this.relaxation.passModel(panelModelData(highs, instance, new Array(this.typeCount).fill(0), false));
  }

  /** The LP optimum when it happens to be integral (then no panel can do better), else undefined. */
  private integralRelaxation(weights: readonly number[]): Composition | undefined {
    this.relaxation.changeColsCost({ kind: 'range', from: 0, to: this.typeCount - 1 }, weights);
    this.relaxation.run();
    if (this.relaxation.getModelStatus() !== this.highs.constants.modelStatus.optimal) return undefined;
    const values = this.relaxation.getSolution().colValue;
    const composition = Array.from(values, (v) => Math.round(v));
    if (composition.some((x, t) => Math.abs(x - values[t]) > 1e-9) || !this.isFeasible(composition)) return undefined;
    return composition;
  }

  /**
   * The feasible panel maximising Σ weight_t · x_t, or undefined when no panel satisfies the quotas. With a
   * threshold, the other panels the solver meets on its way whose value exceeds it are returned too: each
   * is a valid new column, and taking them all cuts the number of column-generation rounds.
   */
  best(
    weights: readonly number[],
    threshold = Infinity,
  ): { composition: Composition; value: number; others: Composition[] } | undefined {
    const integral = this.integralRelaxation(weights);
    if (integral) {
      this.relaxationHits += 1;
      return { composition: integral, value: integral.reduce((sum, x, t) => sum + x * weights[t], 0), others: [] };
    }
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.typeCount - 1 }, weights);
    const others: Composition[] = [];
    const solutionEvent = this.highs.constants.callbackType.mipSolution;
    this.model.run(
      threshold === Infinity
        ? undefined
        : {
            [solutionEvent]: (event) => {
              const values = event.data.mip_solution;
              if (!values || values.length < this.typeCount) return;
              const composition = Array.from(values.subarray(0, this.typeCount), (v) => Math.round(v));
              if (
                composition.reduce((sum, x, t) => sum + x * weights[t], 0) > threshold &&
                this.isFeasible(composition)
              )
                others.push(composition);
            },
          },
    );
    const status = this.model.getModelStatus();
    if (status !== this.highs.constants.modelStatus.optimal) {
      if (status === this.highs.constants.modelStatus.infeasible) return undefined;
      throw new Error(`HiGHS stopped with model status ${status} while looking for a panel`);
    }
    const values = this.model.getSolution().colValue;
    const composition = Array.from(values, (v) => Math.round(v));
    const value = composition.reduce((sum, x, t) => sum + x * weights[t], 0);
    return { composition, value, others };
  }

  /**
   * Panels one swap away from `composition` (one member of type a replaced by one of type b) that keep every
   * quota and are worth more than `threshold`: for each type a, the best replacement b. They are further
   * violated columns found in microseconds, so fewer rounds of LP and ILP are needed.
   */
  swapNeighbours(
    composition: Composition,
    weights: readonly number[],
    threshold: number,
    limit: number,
  ): Composition[] {
    const { features, types, householdGroups } = this.instance;
    if (householdGroups.length > 0) return [];
    const counts = new Array<number>(features.length).fill(0);
    const value = composition.reduce((sum, x, t) => sum + x * weights[t], 0);
    composition.forEach((x, t) => {
      if (x > 0) for (const f of types[t].features) counts[f] += x;
    });
    const candidates: { a: number; b: number; value: number }[] = [];
    for (let a = 0; a < types.length; a++) {
      if (composition[a] === 0) continue;
      const fa = types[a].features;
      let best: { a: number; b: number; value: number } | undefined;
      for (let b = 0; b < types.length; b++) {
        if (b === a || composition[b] >= types[b].members.length) continue;
        const gain = value - weights[a] + weights[b];
        if (gain <= threshold || (best && gain <= best.value)) continue;
        const fb = types[b].features;
        let ok = true;
        for (let c = 0; c < fa.length && ok; c++) {
          if (fa[c] === fb[c]) continue;
          ok = counts[fa[c]] - 1 >= features[fa[c]].min && counts[fb[c]] + 1 <= features[fb[c]].max;
        }
        if (ok) best = { a, b, value: gain };
      }
      if (best) candidates.push(best);
    }
    candidates.sort((x, y) => y.value - x.value);
    return candidates.slice(0, limit).map(({ a, b }) => {
      const next = [...composition];
      next[a] -= 1;
      next[b] += 1;
      return next;
    });
  }

  /** Checks a composition against the quotas, the size and the type counts (callback solutions are not trusted blindly). */
  isFeasible(composition: Composition): boolean {
    const counts = new Array<number>(this.instance.features.length).fill(0);
    let size = 0;
    for (let t = 0; t < composition.length; t++) {
      const x = composition[t];
      if (x < 0 || x > this.instance.types[t].members.length) return false;
      size += x;
      if (x > 0) for (const f of this.instance.types[t].features) counts[f] += x;
    }
    if (size !== this.instance.k) return false;
    if (this.instance.features.some((q, f) => counts[f] < q.min || counts[f] > q.max)) return false;
    return this.instance.householdGroups.every((group) => group.reduce((sum, t) => sum + composition[t], 0) <= 1);
  }

  dispose(): void {
    this.model.dispose();
    this.relaxation.dispose();
  }
}

/** Rows: one per feature (its quota), the panel size, one per household group. Columns: one per type. */
export function panelModelData(highs: Highs, instance: Instance, cost: number[], integer = true) {
  const T = instance.types.length;
  const rowMembers: number[][] = instance.features.map(() => []);
  instance.types.forEach((type, t) => {
    for (const f of type.features) rowMembers[f].push(t);
  });
  const rowLower = instance.features.map((q) => q.min);
  const rowUpper = instance.features.map((q) => q.max);
  rowMembers.push([...Array(T).keys()]);
  rowLower.push(instance.k);
  rowUpper.push(instance.k);
  for (const group of instance.householdGroups) {
    rowMembers.push([...group].sort((a, b) => a - b));
    rowLower.push(0);
    rowUpper.push(1);
  }
  const starts = [0];
  const indices: number[] = [];
  for (const members of rowMembers) {
    indices.push(...members);
    starts.push(indices.length);
  }
  return {
    numCols: T,
    numRows: rowMembers.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: new Array(T).fill(0),
    colUpper: instance.types.map((type) => type.members.length),
    rowLower,
    rowUpper,
    matrix: {
      format: 'csr' as const,
      numRows: rowMembers.length,
      numCols: T,
      starts,
      indices,
      values: new Array(indices.length).fill(1),
    },
    ...(integer ? { integrality: new Array(T).fill(highs.constants.variableType.integer) } : {}),
  };
}
