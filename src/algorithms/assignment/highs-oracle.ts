import { highsRuntime } from '../highs.js';
import type { AssignmentInstance } from './types.js';

/**
 * The assignment problem as a linear programme for HiGHS: the independent oracle the tests and the
 * benchmark compare the engine's optimum with. Its constraint matrix is a network matrix (one row per
 * application, one per reviewer, plus at most one expertise row per application, which the flow gadget
 * shows keeps the polytope integral), so the LP optimum is the integer optimum.
 *
 * - 'dense': one variable per allowed pair (pairs without an entry at affinity 0 when allowed): the exact
 *   problem, for small instances.
 * - 'aggregate': explicit pairs plus, per application, one "anyone else" variable and, per reviewer, one
 *   "from anyone" variable: a relaxation (an upper bound on the optimum) that stays small on large
 *   instances; an assignment that reaches it is proven optimal.
 */

export interface OracleResult {
  status: string;
  /** Optimal total affinity (maximised). */
  objective: number;
  seconds: number;
}

function linearTerms(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 40) lines.push(terms.slice(i, i + 40).join(' '));
  return lines.join('\n   ');
}

function coefficient(value: number, name: string): string {
  return `${value < 0 ? '-' : '+'} ${Math.abs(value).toPrecision(15)} ${name}`;
}

export function assignmentLp(
  inst: AssignmentInstance,
  mode: 'dense' | 'aggregate',
  threshold = -Infinity,
  integer = false,
): string {
  const n = inst.applicationCount;
  const m = inst.reviewerCount;
  const k = inst.perApplication;
  const missingZero = (inst.missingPairs ?? 'zero') === 'zero';
  const conflict = new Set<number>();
  for (let i = 0; i < (inst.conflictApplication?.length ?? 0); i++)
    conflict.add(inst.conflictApplication![i] * m + inst.conflictReviewer![i]);
  const forced = new Set<number>();
  for (let i = 0; i < (inst.forcedApplication?.length ?? 0); i++)
    forced.add(inst.forcedApplication![i] * m + inst.forcedReviewer![i]);
  const score = new Map<number, number>();
  for (let i = 0; i < inst.pairApplication.length; i++)
    score.set(inst.pairApplication[i] * m + inst.pairReviewer[i], inst.pairScore[i]);

  const vars: Array<{ a: number; r: number; w: number; fixed: boolean }> = [];
  const consider = (a: number, r: number) => {
    const key = a * m + r;
    if (conflict.has(key)) return;
    const fixed = forced.has(key);
    const w = score.get(key);
    if (!fixed) {
      if (w === undefined && !(missingZero && mode === 'dense' && 0 >= threshold)) return;
      if ((w ?? 0) < threshold) return;
    }
    vars.push({ a, r, w: w ?? 0, fixed });
  };
  if (mode === 'dense') {
    for (let a = 0; a < n; a++) for (let r = 0; r < m; r++) consider(a, r);
  } else {
    const keys = new Set<number>([...score.keys(), ...forced]);
    for (const key of keys) consider(Math.floor(key / m), key % m);
  }
  const aggregate = mode === 'aggregate' && missingZero && 0 >= threshold;

  const objective: string[] = [];
  const appRows: string[][] = Array.from({ length: n }, () => []);
  const revRows: string[][] = Array.from({ length: m }, () => []);
  // One coverage row per (application, required topic): requiredExpertise and requiredTopics together.
  const topicsOf = Array.from({ length: n }, (_, a) => {
    const wanted = new Set<number>(inst.requiredTopics?.[a] ?? []);
    const x = inst.requiredExpertise?.[a] ?? -1;
    if (x >= 0) wanted.add(x);
    return [...wanted];
  });
  const expertRows: string[][][] = topicsOf.map((T) => T.map(() => []));
  const bounds: string[] = [' 0 <= zero <= 0'];
  vars.forEach((v, i) => {
    const name = `x${i}`;
    if (v.w !== 0) objective.push(coefficient(v.w, name));
    appRows[v.a].push(`+ ${name}`);
    revRows[v.r].push(`+ ${name}`);
    topicsOf[v.a].forEach((x, i) => {
      if (inst.reviewerExpertise?.[v.r]?.includes(x)) expertRows[v.a][i].push(`+ ${name}`);
    });
    bounds.push(v.fixed ? ` 1 <= ${name} <= 1` : ` 0 <= ${name} <= 1`);
  });
  const balance: string[] = [];
  if (aggregate) {
    for (let a = 0; a < n; a++) {
      appRows[a].push(`+ y${a}`);
      bounds.push(` 0 <= y${a} <= ${k}`);
      balance.push(`+ y${a}`);
    }
    for (let r = 0; r < m; r++) {
      revRows[r].push(`+ v${r}`);
      bounds.push(` 0 <= v${r} <= ${inst.maxLoad[r]}`);
      balance.push(`- v${r}`);
    }
  }
  const rows: string[] = [];
  for (let a = 0; a < n; a++) rows.push(` app${a}: ${linearTerms(appRows[a].length ? appRows[a] : ['0 zero'])} = ${k}`);
  for (let r = 0; r < m; r++) {
    const terms = linearTerms(revRows[r].length ? revRows[r] : ['0 zero']);
    rows.push(` revmin${r}: ${terms} >= ${inst.minLoad[r]}`);
    rows.push(` revmax${r}: ${terms} <= ${inst.maxLoad[r]}`);
  }
  for (let a = 0; a < n; a++) {
    expertRows[a].forEach((terms, i) => {
      rows.push(` expert${a}_${i}: ${linearTerms(terms.length ? terms : ['0 zero'])} >= 1`);
    });
  }
  if (aggregate) rows.push(` any: ${linearTerms(balance)} = 0`);
  const general = integer && vars.length > 0 ? `General\n ${linearTerms(vars.map((_, i) => `x${i}`))}\n` : '';
  return `Maximize\n obj: ${linearTerms(objective.length ? objective : ['0 zero'])}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\n${general}End\n`;
}

/**
 * `integer`: the dense model as an integer programme (zero gap), the oracle for several required topics per
 * application, whose LP relaxation is no longer integral.
 */
export async function solveAssignmentLp(
  inst: AssignmentInstance,
  mode: 'dense' | 'aggregate',
  threshold = -Infinity,
  integer = false,
): Promise<OracleResult> {
  const solver = await highsRuntime();
  const started = performance.now();
  const options = integer ? { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 } : { output_flag: false };
  const result = solver.solve(assignmentLp(inst, mode, threshold, integer), options);
  return {
    status: result.Status,
    objective: result.Status === 'Optimal' ? result.ObjectiveValue : NaN,
    seconds: (performance.now() - started) / 1000,
  };
}
