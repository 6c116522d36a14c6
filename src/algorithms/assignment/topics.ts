import type { Highs, ModelData } from 'highs';

/**
 * Overlapping required topics ("each application needs, for EACH of its topics, at least one assigned
 * reviewer who has it"; one reviewer may cover several) as an integer programme for HiGHS. With overlapping
 * expert sets these coverage rows are not a network any more (decision 0006, 2026-12-07), so the engine
 * first solves the network relaxation that keeps one topic per application, and only when its optimum
 * leaves a topic uncovered does it come here.
 *
 * The model keeps the engine's aggregates, so that it does not need n·m pair variables:
 * - x(a,r) ∈ {0,1} for every explicit allowed pair (forced pairs fixed to 1), and for every allowed pair of
 *   an "expanded" application;
 * - z(a,S) ∈ {0..k}: zero-affinity units of application a sent to "a reviewer having every topic of S",
 *   for S = ∅ (anyone) and every non-empty S ⊆ T(a) some reviewer has; a unit through S covers S;
 * - y(S,r) ∈ {0..max_r}: how many of the S units reviewer r takes (r has every topic of S).
 * Rows: k per application, min/max load per reviewer, one balance per S, one coverage row ≥ 1 per
 * (application, topic). Every real assignment maps onto this model with the same value (a zero pair (a,r)
 * goes to S = T(a) ∩ topics(r)), so its optimum is an upper bound; the engine turns its aggregate units into
 * distinct allowed pairs (as for the flow) and, when it can, has an assignment with that value: optimal.
 */

export interface TopicProblem {
  n: number;
  m: number;
  k: number;
  missingZero: boolean;
  minLoad: ArrayLike<number>;
  maxLoad: ArrayLike<number>;
  pairStart: Int32Array;
  pairReviewer: Int32Array;
  pairScore: Float64Array;
  conflictStart: Int32Array;
  conflictReviewer: Int32Array;
  forcedStart: Int32Array;
  forcedReviewer: Int32Array;
  /** Per application: its required topics (distinct). */
  topicsOf: ReadonlyArray<Int32Array>;
  /** hasTopic.get(x)[r] = 1 when reviewer r has topic x. */
  hasTopic: ReadonlyMap<number, Uint8Array>;
  scale: number;
}

/** Column roles, the same as the engine's arc roles so that its realisation step reads them. */
export const COLUMN_PAIR = 0;
export const COLUMN_INTO_AGGREGATE = 1;
export const COLUMN_OUT_OF_AGGREGATE = 2;

export interface TopicModel {
  data: ModelData;
  role: Uint8Array;
  arcA: Int32Array;
  arcB: Int32Array;
  aggregateCount: number;
  /** The topic set of every aggregate (aggregate 0 is "anyone"). */
  aggregateTopics: number[][];
}

export function buildTopicModel(highs: Highs, P: TopicProblem, expanded: Uint8Array): TopicModel {
  const { n, m, k } = P;
  // Rows: applications, reviewers, aggregate balances (appended later), coverage rows.
  const appRow = (a: number) => a;
  const reviewerRow = (r: number) => n + r;
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (let a = 0; a < n; a++) {
    rowLower.push(k);
    rowUpper.push(k);
  }
  for (let r = 0; r < m; r++) {
    rowLower.push(P.minLoad[r]);
    rowUpper.push(P.maxLoad[r]);
  }
  const coverageRow: Int32Array[] = [];
  for (let a = 0; a < n; a++) {
    const rows = new Int32Array(P.topicsOf[a].length);
    for (let i = 0; i < rows.length; i++) {
      rows[i] = rowLower.length;
      rowLower.push(1);
      rowUpper.push(highs.infinity);
    }
    coverageRow.push(rows);
  }
  const has = (r: number, x: number) => P.hasTopic.get(x)?.[r] === 1;

  // Aggregates: ∅ first, then every non-empty subset of an application's topics some reviewer has.
  const aggregateTopics: number[][] = [[]];
  const aggregateOf = new Map<string, number>([['', 0]]);
  const members: number[][] = [[]];
  for (let r = 0; r < m; r++) if (P.maxLoad[r] > 0) members[0].push(r);
  const subsetsOf: number[][][] = [];
  for (let a = 0; a < n; a++) {
    const T = P.topicsOf[a];
    const list: number[][] = [];
    if (P.missingZero && !expanded[a]) {
      for (let mask = 1; mask < 1 << T.length; mask++) {
        const S: number[] = [];
        for (let i = 0; i < T.length; i++) if (mask & (1 << i)) S.push(T[i]);
        S.sort((x, y) => x - y);
        list.push(S);
      }
    }
    subsetsOf.push(list);
  }
  if (P.missingZero) {
    const wanted = new Map<string, number[]>();
    for (const list of subsetsOf) for (const S of list) wanted.set(S.join(','), S);
    const found: Array<{ key: string; S: number[]; who: number[] }> = [];
    for (const [key, S] of wanted) {
      const who: number[] = [];
      for (let r = 0; r < m; r++) if (P.maxLoad[r] > 0 && S.every((x) => has(r, x))) who.push(r);
      if (who.length > 0) found.push({ key, S, who });
    }
    // Widest first: the realisation step serves the narrowest aggregates (highest numbers) first.
    found.sort((x, y) => y.who.length - x.who.length || x.key.localeCompare(y.key));
    for (const f of found) {
      aggregateOf.set(f.key, aggregateTopics.length);
      aggregateTopics.push(f.S);
      members.push(f.who);
    }
  }
  const balanceBase = rowLower.length;
  for (let g = 0; g < aggregateTopics.length; g++) {
    rowLower.push(0);
    rowUpper.push(0);
  }

  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const role: number[] = [];
  const arcA: number[] = [];
  const arcB: number[] = [];
  const column = (
    kind: number,
    x: number,
    y: number,
    cost: number,
    lo: number,
    hi: number,
    entries: Array<[number, number]>,
  ) => {
    entries.sort((p, q) => p[0] - q[0]);
    for (const [row, value] of entries) {
      indices.push(row);
      values.push(value);
    }
    starts.push(indices.length);
    colCost.push(cost);
    colLower.push(lo);
    colUpper.push(hi);
    role.push(kind);
    arcA.push(x);
    arcB.push(y);
  };
  const pairColumn = (a: number, r: number, score: number, forced: boolean) => {
    const entries: Array<[number, number]> = [
      [appRow(a), 1],
      [reviewerRow(r), 1],
    ];
    P.topicsOf[a].forEach((x, i) => {
      if (has(r, x)) entries.push([coverageRow[a][i], 1]);
    });
    column(COLUMN_PAIR, a, r, Math.round(score * P.scale), forced ? 1 : 0, 1, entries);
  };

  const stamp = new Int32Array(m).fill(-1);
  for (let a = 0; a < n; a++) {
    for (let i = P.forcedStart[a]; i < P.forcedStart[a + 1]; i++) {
      const r = P.forcedReviewer[i];
      if (stamp[r] === a) continue;
      stamp[r] = a;
      let score = 0;
      for (let j = P.pairStart[a]; j < P.pairStart[a + 1]; j++) if (P.pairReviewer[j] === r) score = P.pairScore[j];
      pairColumn(a, r, score, true);
    }
    for (let i = P.pairStart[a]; i < P.pairStart[a + 1]; i++) {
      const r = P.pairReviewer[i];
      if (stamp[r] === a) continue;
      stamp[r] = a;
      pairColumn(a, r, P.pairScore[i], false);
    }
    if (!P.missingZero) continue;
    if (expanded[a]) {
      for (let i = P.conflictStart[a]; i < P.conflictStart[a + 1]; i++) stamp[P.conflictReviewer[i]] = a;
      for (let r = 0; r < m; r++) if (stamp[r] !== a && P.maxLoad[r] > 0) pairColumn(a, r, 0, false);
      continue;
    }
    const T = P.topicsOf[a];
    for (const S of [[], ...subsetsOf[a]]) {
      const g = aggregateOf.get(S.join(','));
      if (g === undefined) continue;
      const entries: Array<[number, number]> = [
        [appRow(a), 1],
        [balanceBase + g, 1],
      ];
      T.forEach((x, i) => {
        if (S.includes(x)) entries.push([coverageRow[a][i], 1]);
      });
      column(COLUMN_INTO_AGGREGATE, a, g, 0, 0, k, entries);
    }
  }
  for (let g = 0; g < members.length; g++) {
    for (const r of members[g]) {
      column(COLUMN_OUT_OF_AGGREGATE, g, r, 0, 0, P.maxLoad[r], [
        [reviewerRow(r), 1],
        [balanceBase + g, -1],
      ]);
    }
  }
  const numCols = colCost.length;
  const data: ModelData = {
    numCols,
    numRows: rowLower.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(colCost),
    colLower: Float64Array.from(colLower),
    colUpper: Float64Array.from(colUpper),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: 'csc',
      numRows: rowLower.length,
      numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
  };
  return {
    data,
    role: Uint8Array.from(role),
    arcA: Int32Array.from(arcA),
    arcB: Int32Array.from(arcB),
    aggregateCount: aggregateTopics.length,
    aggregateTopics,
  };
}

export interface TopicSolve {
  status: 'optimal' | 'infeasible' | 'limit';
  /** Column values rounded to integers. */
  values: Float64Array;
  /** Objective (scaled integer costs) and HiGHS's proven bound on it. */
  objective: number;
  dualBound: number;
  seconds: number;
}

/** Solves the model to a proven optimum (zero relative gap; costs are integers, so a gap < 1 is closed). */
export function solveTopicModel(highs: Highs, model: TopicModel, timeLimit = Infinity): TopicSolve {
  const started = performance.now();
  const solver = highs.createModel();
  try {
    solver.options.set({
      output_flag: false,
      random_seed: 0,
      mip_rel_gap: 0,
      mip_abs_gap: 0.999,
      ...(Number.isFinite(timeLimit) ? { time_limit: timeLimit } : {}),
    });
    solver.passModel(model.data);
    solver.run();
    const status = solver.getModelStatus();
    const S = highs.constants.modelStatus;
    const seconds = (performance.now() - started) / 1000;
    if (status === S.infeasible)
      return { status: 'infeasible', values: new Float64Array(0), objective: 0, dualBound: 0, seconds };
    const values = Float64Array.from(solver.getSolution().colValue, (v) => Math.round(v));
    const objective = Number(solver.info.get('objective_function_value'));
    const dualBound = Number(solver.info.get('mip_dual_bound'));
    return {
      status: status === S.optimal ? 'optimal' : 'limit',
      values,
      objective,
      dualBound,
      seconds,
    };
  } finally {
    solver.dispose();
  }
}
