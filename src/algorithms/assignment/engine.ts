import type { Highs } from 'highs';
import { checkInstance, explainShortfall, explainTopicShortfall } from './explain.js';
import { hasFeasibleFlow } from './feasible-flow.js';
import {
  createNetworkSimplex,
  type FlowNetwork,
  type FlowResult,
  NetworkBuilder,
  type NetworkSimplex,
  verifyOptimality,
} from './network-simplex.js';
import { buildTopicModel, solveTopicModel, type TopicProblem } from './topics.js';
import type { AssignmentInstance, AssignmentOptions, AssignmentResult, Explanation, Names } from './types.js';

/**
 * The reviewer assignment engine: the exact maximum of total affinity under k reviewers per application,
 * reviewer lower and upper loads, conflicts, forced pairs and "at least one reviewer with expertise X",
 * all in ONE min-cost flow network:
 *
 *   application a (supply k) ─┬─ [0,1] cost −w(a,r) ──────────────► reviewer r ─ [min_r, max_r] ─► sink (−n·k)
 *                             ├─ [1,k] ─► a·X ─ [0,1] ─► reviewers with expertise X
 *                             └─ [0,k] ─► ANY ─ [0,max_r] cost 0 ─► reviewer r
 *
 * Pairs without an affinity entry (affinity 0 when allowed) go through the aggregate node ANY instead of
 * n·m arcs. The aggregate network is a relaxation (ANY could route a unit to a conflicting or already
 * assigned reviewer), so each solution's ANY units are then realised as distinct allowed pairs; an
 * application whose units cannot be realised gets explicit zero arcs to every allowed reviewer and the
 * network is solved again. A realised solution of the relaxation is feasible for the real problem and
 * has the relaxation's optimal value, hence it is optimal.
 */

const RESOLUTION = 1e7;

interface Prepared {
  inst: AssignmentInstance;
  n: number;
  m: number;
  k: number;
  missingZero: boolean;
  /** Explicit affinity entries grouped by application (CSR), conflicts removed. */
  pairStart: Int32Array;
  pairReviewer: Int32Array;
  pairScore: Float64Array;
  conflictStart: Int32Array;
  conflictReviewer: Int32Array;
  forcedStart: Int32Array;
  forcedReviewer: Int32Array;
  /**
   * Per application: the one required topic the network enforces (−1: none). With several topics it is the
   * one with the fewest experts, and the network is a relaxation (`topicsOf` holds them all).
   */
  required: Int32Array;
  /** Per application: every required topic (requiredExpertise and requiredTopics together, distinct). */
  topicsOf: Int32Array[];
  /** Some application requires two topics or more: the network alone is not exact. */
  multiTopic: boolean;
  /** hasExpertise[x] = per reviewer 0/1. */
  hasExpertise: Map<number, Uint8Array>;
  /** Alias of hasExpertise under the topic model's name. */
  hasTopic: Map<number, Uint8Array>;
  minLoad: ArrayLike<number>;
  maxLoad: ArrayLike<number>;
  scale: number;
}

function groupByApplication(
  n: number,
  apps: ArrayLike<number>,
  reviewers: ArrayLike<number>,
  scores?: ArrayLike<number>,
) {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < apps.length; i++) start[apps[i] + 1]++;
  for (let a = 0; a < n; a++) start[a + 1] += start[a];
  const fill = start.slice(0, n);
  const rev = new Int32Array(apps.length);
  const score = new Float64Array(scores ? apps.length : 0);
  for (let i = 0; i < apps.length; i++) {
    const p = fill[apps[i]]++;
    rev[p] = reviewers[i];
    if (scores) score[p] = scores[i];
  }
  return { start, rev, score };
}

function prepare(inst: AssignmentInstance): Prepared {
  const n = inst.applicationCount;
  const m = inst.reviewerCount;
  const conflicts = groupByApplication(n, inst.conflictApplication ?? [], inst.conflictReviewer ?? []);
  const forced = groupByApplication(n, inst.forcedApplication ?? [], inst.forcedReviewer ?? []);
  const all = groupByApplication(n, inst.pairApplication, inst.pairReviewer, inst.pairScore);
  // Drop conflicting entries: a conflict wins over any score.
  const stamp = new Int32Array(m).fill(-1);
  const keep = new Uint8Array(all.rev.length);
  let kept = 0;
  for (let a = 0; a < n; a++) {
    for (let i = conflicts.start[a]; i < conflicts.start[a + 1]; i++) stamp[conflicts.rev[i]] = a;
    for (let i = all.start[a]; i < all.start[a + 1]; i++) {
      if (stamp[all.rev[i]] !== a) {
        keep[i] = 1;
        kept++;
      }
    }
  }
  const pairStart = new Int32Array(n + 1);
  const pairReviewer = new Int32Array(kept);
  const pairScore = new Float64Array(kept);
  let p = 0;
  let maxAbs = 0;
  for (let a = 0; a < n; a++) {
    pairStart[a] = p;
    for (let i = all.start[a]; i < all.start[a + 1]; i++) {
      if (!keep[i]) continue;
      pairReviewer[p] = all.rev[i];
      pairScore[p] = all.score[i];
      maxAbs = Math.max(maxAbs, Math.abs(all.score[i]));
      p++;
    }
  }
  pairStart[n] = p;
  const required = new Int32Array(n).fill(-1);
  const hasExpertise = new Map<number, Uint8Array>();
  const topicsOf: Int32Array[] = [];
  let multiTopic = false;
  for (let a = 0; a < n; a++) {
    const wanted = new Set<number>();
    const x = inst.requiredExpertise?.[a] ?? -1;
    if (x >= 0) wanted.add(x);
    for (const t of inst.requiredTopics?.[a] ?? []) wanted.add(t);
    topicsOf.push(Int32Array.from([...wanted].sort((p, q) => p - q)));
    if (wanted.size > 1) multiTopic = true;
    for (const t of wanted) if (!hasExpertise.has(t)) hasExpertise.set(t, new Uint8Array(m));
  }
  const experts = new Map<number, number>();
  (inst.reviewerExpertise ?? []).forEach((list, r) => {
    for (const x of list) {
      const has = hasExpertise.get(x);
      if (has && !has[r]) {
        has[r] = 1;
        experts.set(x, (experts.get(x) ?? 0) + 1);
      }
    }
  });
  // The network enforces one topic per application: the scarcest (the tightest relaxation of one topic).
  for (let a = 0; a < n; a++) {
    let best = -1;
    for (const t of topicsOf[a]) if (best < 0 || (experts.get(t) ?? 0) < (experts.get(best) ?? 0)) best = t;
    required[a] = best;
  }
  return {
    inst,
    n,
    m,
    k: inst.perApplication,
    missingZero: (inst.missingPairs ?? 'zero') === 'zero',
    pairStart,
    pairReviewer,
    pairScore,
    conflictStart: conflicts.start,
    conflictReviewer: conflicts.rev,
    forcedStart: forced.start,
    forcedReviewer: forced.rev,
    required,
    topicsOf,
    multiTopic,
    hasExpertise,
    hasTopic: hasExpertise,
    minLoad: inst.minLoad,
    maxLoad: inst.maxLoad,
    scale: maxAbs > 0 ? RESOLUTION / maxAbs : 1,
  };
}

/** Arc roles, to read an assignment back from a flow. */
const PAIR = 0;
const INTO_AGGREGATE = 1;
const OUT_OF_AGGREGATE = 2;
const STRUCTURAL = 3;

interface BuiltNetwork {
  net: FlowNetwork;
  role: Uint8Array;
  /** For PAIR: application; INTO_AGGREGATE: application; OUT_OF_AGGREGATE: aggregate id. */
  arcA: Int32Array;
  /** For PAIR: reviewer; INTO_AGGREGATE: aggregate id; OUT_OF_AGGREGATE: reviewer. */
  arcB: Int32Array;
  /** For PAIR: the pair's affinity (what a threshold is compared with). */
  arcScore: Float64Array;
  aggregateCount: number;
  /** Node ranges, to explain a shortfall. */
  reviewerBase: number;
  sink: number;
  expertiseNodeOf: Int32Array;
}

interface SolveSettings {
  /** Per application: only pairs with affinity ≥ its threshold are allowed (forced pairs always are). */
  thresholds: Float64Array;
  /** Feasibility only: every cost 0. */
  costless: boolean;
  expanded: Uint8Array;
}

function buildNetwork(P: Prepared, s: SolveSettings): BuiltNetwork {
  const { n, m, k, inst } = P;
  const b = new NetworkBuilder();
  const role: number[] = [];
  const arcA: number[] = [];
  const arcB: number[] = [];
  const arcScore: number[] = [];
  const arc = (
    from: number,
    to: number,
    lo: number,
    hi: number,
    cost: number,
    r: number,
    x: number,
    y: number,
    score = 0,
  ) => {
    b.addArc(from, to, lo, hi, s.costless ? 0 : cost);
    role.push(r);
    arcA.push(x);
    arcB.push(y);
    arcScore.push(score);
  };
  for (let a = 0; a < n; a++) b.addNode(k);
  const reviewerBase = n;
  for (let r = 0; r < m; r++) b.addNode(0);
  const sink = b.addNode(-n * k);
  for (let r = 0; r < m; r++) arc(reviewerBase + r, sink, inst.minLoad[r], inst.maxLoad[r], 0, STRUCTURAL, r, -1);

  const zeroAllowed = P.missingZero && s.thresholds.some((t) => 0 >= t);
  // Aggregates: 0 is ANY, then one per required expertise.
  const aggregateNode: number[] = [];
  const aggregateOfExpertise = new Map<number, number>();
  if (zeroAllowed) {
    aggregateNode.push(b.addNode(0));
    for (let r = 0; r < m; r++) arc(aggregateNode[0], reviewerBase + r, 0, inst.maxLoad[r], 0, OUT_OF_AGGREGATE, 0, r);
    const enforced = new Set(P.required);
    for (const [x, has] of P.hasExpertise) {
      if (!enforced.has(x)) continue;
      const g = aggregateNode.length;
      aggregateNode.push(b.addNode(0));
      aggregateOfExpertise.set(x, g);
      for (let r = 0; r < m; r++)
        if (has[r]) arc(aggregateNode[g], reviewerBase + r, 0, inst.maxLoad[r], 0, OUT_OF_AGGREGATE, g, r);
    }
  }

  const expertiseNodeOf = new Int32Array(n).fill(-1);
  const stamp = new Int32Array(m).fill(-1);
  for (let a = 0; a < n; a++) {
    const x = P.required[a];
    const has = x >= 0 ? P.hasExpertise.get(x) : undefined;
    let expertNode = -1;
    if (has) {
      expertNode = b.addNode(0);
      expertiseNodeOf[a] = expertNode;
      arc(a, expertNode, 1, k, 0, STRUCTURAL, a, -1);
    }
    const fromFor = (r: number) => (has?.[r] ? expertNode : a);
    // Forced pairs first; they are always allowed, whatever their score.
    for (let i = P.forcedStart[a]; i < P.forcedStart[a + 1]; i++) {
      const r = P.forcedReviewer[i];
      if (stamp[r] === a) continue;
      stamp[r] = a;
      const w = scoreOf(P, a, r);
      arc(fromFor(r), reviewerBase + r, 1, 1, -Math.round(w * P.scale), PAIR, a, r, w);
    }
    for (let i = P.pairStart[a]; i < P.pairStart[a + 1]; i++) {
      const r = P.pairReviewer[i];
      if (stamp[r] === a) continue;
      stamp[r] = a;
      if (P.pairScore[i] < s.thresholds[a]) continue;
      arc(fromFor(r), reviewerBase + r, 0, 1, -Math.round(P.pairScore[i] * P.scale), PAIR, a, r, P.pairScore[i]);
    }
    if (!zeroAllowed || 0 < s.thresholds[a]) continue;
    if (s.expanded[a]) {
      for (let i = P.conflictStart[a]; i < P.conflictStart[a + 1]; i++) stamp[P.conflictReviewer[i]] = a;
      for (let r = 0; r < m; r++) if (stamp[r] !== a) arc(fromFor(r), reviewerBase + r, 0, 1, 0, PAIR, a, r);
    } else {
      arc(a, aggregateNode[0], 0, k, 0, INTO_AGGREGATE, a, 0);
      if (has) {
        const g = aggregateOfExpertise.get(x)!;
        arc(expertNode, aggregateNode[g], 0, k, 0, INTO_AGGREGATE, a, g);
      }
    }
  }
  return {
    net: b.build(),
    role: Uint8Array.from(role),
    arcA: Int32Array.from(arcA),
    arcB: Int32Array.from(arcB),
    arcScore: Float64Array.from(arcScore),
    aggregateCount: aggregateNode.length,
    reviewerBase,
    sink,
    expertiseNodeOf,
  };
}

/** Score of an explicit pair, 0 when there is none (linear scan: only used for forced and realised pairs). */
function scoreOf(P: Prepared, a: number, r: number): number {
  for (let i = P.pairStart[a]; i < P.pairStart[a + 1]; i++) if (P.pairReviewer[i] === r) return P.pairScore[i];
  return 0;
}

interface Extracted {
  apps: number[];
  reviewers: number[];
  /** Applications whose aggregate units could not be realised. */
  failed: number[];
}

/**
 * Reads the assignment from the flow and turns every aggregate unit into a distinct allowed pair: greedy,
 * most loaded reviewers first (the Gale–Ryser order, exact when nothing is forbidden); an application it
 * cannot serve is reported in `failed`.
 */
function extract(
  P: Prepared,
  built: Pick<BuiltNetwork, 'role' | 'arcA' | 'arcB' | 'aggregateCount'> & { net: { arcCount: number } },
  flow: Float64Array,
): Extracted {
  const apps: number[] = [];
  const reviewers: number[] = [];
  const demand: Map<number, number>[] = Array.from({ length: built.aggregateCount }, () => new Map());
  const supply: Float64Array[] = Array.from({ length: built.aggregateCount }, () => new Float64Array(P.m));
  const { role, arcA, arcB } = built;
  for (let e = 0; e < built.net.arcCount; e++) {
    const f = flow[e];
    if (f === 0) continue;
    if (role[e] === PAIR) {
      apps.push(arcA[e]);
      reviewers.push(arcB[e]);
    } else if (role[e] === INTO_AGGREGATE) {
      demand[arcB[e]].set(arcA[e], f);
    } else if (role[e] === OUT_OF_AGGREGATE) {
      supply[arcA[e]][arcB[e]] = f;
    }
  }
  const failed: number[] = [];
  if (built.aggregateCount === 0) return { apps, reviewers, failed };

  const assignedOf = new Map<number, number[]>();
  for (const d of demand) for (const a of d.keys()) assignedOf.set(a, []);
  for (let i = 0; i < apps.length; i++) assignedOf.get(apps[i])?.push(reviewers[i]);
  const stamp = new Int32Array(P.m).fill(-1);
  // Expertise aggregates first: their reviewer sets are the narrowest.
  for (let g = built.aggregateCount - 1; g >= 0; g--) {
    const left = supply[g];
    const order: number[] = [];
    for (let r = 0; r < P.m; r++) if (left[r] > 0) order.push(r);
    order.sort((x, y) => left[y] - left[x]);
    const queue = [...demand[g].entries()].sort((x, y) => y[1] - x[1]);
    for (const [a, need] of queue) {
      for (let i = P.conflictStart[a]; i < P.conflictStart[a + 1]; i++) stamp[P.conflictReviewer[i]] = a;
      for (let i = P.pairStart[a]; i < P.pairStart[a + 1]; i++) if (P.pairScore[i] < 0) stamp[P.pairReviewer[i]] = a;
      const mine = assignedOf.get(a)!;
      for (const r of mine) stamp[r] = a;
      const picked: number[] = [];
      for (let i = 0; i < order.length && picked.length < need; i++) {
        const r = order[i];
        if (left[r] === 0) break;
        if (stamp[r] !== a) picked.push(i);
      }
      if (picked.length < need) {
        failed.push(a);
        continue;
      }
      // Take one unit from each picked reviewer, then restore the descending order (right to left).
      for (let j = picked.length - 1; j >= 0; j--) {
        let i = picked[j];
        const r = order[i];
        left[r]--;
        mine.push(r);
        apps.push(a);
        reviewers.push(r);
        while (i + 1 < order.length && left[order[i + 1]] > left[r]) {
          order[i] = order[i + 1];
          order[i + 1] = r;
          i++;
        }
      }
    }
  }
  return { apps, reviewers, failed };
}

interface Solved {
  feasible: boolean;
  explanations: Explanation[];
  apps: number[];
  reviewers: number[];
  optimal: boolean;
  flowCost: number;
  pivots: number;
  /** The solved network and simplex, for warm-started re-solves under other thresholds. */
  warm?: Warm;
  /** Several required topics: the integer programme's size and time, when the network was not enough. */
  topicModel?: AssignmentResult['topicModel'];
}

interface Warm {
  built: BuiltNetwork;
  simplex: NetworkSimplex;
}

/**
 * Solves with every arc built, arcs below a threshold removed (closed at the cost of an artificial arc), so
 * that the tree it ends with can be resumed under any other thresholds (`resolveWarm`). Aggregate units that
 * cannot be realised expand their application and the network is solved again.
 */
function solveWith(P: Prepared, thresholds: Float64Array, costless: boolean, names?: Names): Solved {
  const expanded = new Uint8Array(P.n);
  const restricted = thresholds.some((t) => t > -Infinity);
  let pivots = 0;
  for (;;) {
    const built = buildNetwork(P, { thresholds: costless ? thresholds : uniform(P, -Infinity), costless, expanded });
    const warm: Warm = { built, simplex: createNetworkSimplex(built.net) };
    const settled = settle(P, warm, costless ? undefined : thresholds);
    pivots += settled.solved.pivots;
    if (settled.failed.length > 0) {
      for (const a of settled.failed) expanded[a] = 1;
      continue;
    }
    if (!settled.solved.feasible) {
      // The explanation reads the residual network: solve the network without the closed arcs for it.
      let explanation: Explanation;
      if (restricted && !costless) {
        const thin = buildNetwork(P, { thresholds, costless, expanded });
        explanation = explainShortfall(P.inst, thin, createNetworkSimplex(thin.net).run(), names);
      } else explanation = explainShortfall(P.inst, built, settled.flow, names);
      return { ...settled.solved, explanations: [explanation], pivots, warm: undefined };
    }
    return { ...settled.solved, pivots, warm: costless ? undefined : warm };
  }
}

/**
 * Re-solves a solved network under per-application thresholds from its last optimal spanning tree (arcs
 * below a threshold removed, the others restored): a few pivots when few thresholds change. Exact: the same
 * optimality certificate is checked, on the network with the removed arcs closed. Undefined when aggregate
 * units cannot be realised (the caller then solves cold, with expansion).
 */
function resolveWarm(P: Prepared, warm: Warm, thresholds: Float64Array): Solved | undefined {
  const settled = settle(P, warm, thresholds);
  return settled.failed.length > 0 ? undefined : settled.solved;
}

function settle(
  P: Prepared,
  warm: Warm,
  thresholds: Float64Array | undefined,
): { solved: Solved; flow: FlowResult; failed: number[] } {
  const { built, simplex } = warm;
  const { net, role, arcA, arcScore } = built;
  if (thresholds) {
    for (let e = 0; e < net.arcCount; e++) {
      if (role[e] === PAIR) {
        if (net.lower[e] > 0) continue;
        if (arcScore[e] < thresholds[arcA[e]]) simplex.remove(e);
        else simplex.restore(e);
      } else if (role[e] === INTO_AGGREGATE) {
        if (0 < thresholds[arcA[e]]) simplex.remove(e);
        else simplex.restore(e);
      }
    }
  }
  const flow = simplex.run();
  const none: Solved = {
    feasible: false,
    explanations: [],
    apps: [],
    reviewers: [],
    optimal: false,
    flowCost: 0,
    pivots: flow.pivots,
    warm,
  };
  if (!flow.feasible) return { solved: none, flow, failed: [] };
  const got = extract(P, built, flow.flow);
  if (got.failed.length > 0) return { solved: none, flow, failed: got.failed };
  const upper = net.upper.slice();
  for (let e = 0; e < net.arcCount; e++) if (simplex.isRemoved(e)) upper[e] = 0;
  const certificate = verifyOptimality({ ...net, upper }, flow.flow, flow.potential);
  const solved: Solved = {
    feasible: true,
    explanations: [],
    apps: got.apps,
    reviewers: got.reviewers,
    optimal: certificate.ok,
    flowCost: flow.totalCost,
    pivots: flow.pivots,
    warm,
  };
  return { solved, flow, failed: [] };
}

/**
 * The largest threshold worth trying: no application (without forced pairs) can get k reviewers above its
 * k-th best allowed score; Infinity when every application has a forced pair.
 */
function thresholdCap(P: Prepared): number {
  let cap = Infinity;
  const best = new Float64Array(P.k);
  for (let a = 0; a < P.n; a++) {
    if (P.forcedStart[a + 1] !== P.forcedStart[a]) continue;
    // The k best allowed scores (zeros included when missing pairs are allowed), by insertion.
    best.fill(-Infinity);
    const offer = (w: number) => {
      if (w <= best[P.k - 1]) return;
      let j = P.k - 1;
      while (j > 0 && best[j - 1] < w) {
        best[j] = best[j - 1];
        j--;
      }
      best[j] = w;
    };
    for (let i = P.pairStart[a]; i < P.pairStart[a + 1]; i++) offer(P.pairScore[i]);
    if (P.missingZero) for (let j = 0; j < P.k; j++) offer(0);
    if (best[P.k - 1] > -Infinity) cap = Math.min(cap, best[P.k - 1]);
  }
  return cap;
}

/** Candidate thresholds in [from, to]: distinct allowed scores, 0 when missing pairs are allowed, ascending. */
function thresholdCandidates(P: Prepared, from: number, to: number): number[] {
  const values = P.pairScore.filter((v) => v >= from && v <= to).sort();
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) out.push(values[i]);
  if (P.missingZero && 0 >= from && 0 <= to && !out.includes(0)) {
    out.push(0);
    out.sort((x, y) => x - y);
  }
  return out;
}

const uniform = (P: Prepared, t: number) => new Float64Array(P.n).fill(t);

/**
 * Upper bound on the smallest per-application sum: each application alone could at best get its forced
 * reviewers plus its k best other allowed scores. A solution whose smallest sum reaches it is max-min optimal.
 */
function minApplicationBound(P: Prepared): number {
  let bound = Infinity;
  const stamp = new Int32Array(P.m).fill(-1);
  const scoreAt = new Float64Array(P.m);
  for (let a = 0; a < P.n; a++) {
    for (let j = P.pairStart[a]; j < P.pairStart[a + 1]; j++) {
      stamp[P.pairReviewer[j]] = a;
      scoreAt[P.pairReviewer[j]] = P.pairScore[j];
    }
    let sum = 0;
    let taken = 0;
    const forcedSet = new Set<number>();
    for (let i = P.forcedStart[a]; i < P.forcedStart[a + 1]; i++) {
      const r = P.forcedReviewer[i];
      if (forcedSet.has(r)) continue;
      forcedSet.add(r);
      sum += stamp[r] === a ? scoreAt[r] : 0;
      taken++;
    }
    const rest: number[] = [];
    for (let j = P.pairStart[a]; j < P.pairStart[a + 1]; j++)
      if (!forcedSet.has(P.pairReviewer[j])) rest.push(P.pairScore[j]);
    if (P.missingZero) for (let j = 0; j < P.k; j++) rest.push(0);
    rest.sort((x, y) => y - x);
    for (let j = 0; taken < P.k && j < rest.length; j++, taken++) sum += rest[j];
    bound = Math.min(bound, sum);
  }
  return bound;
}

/** Per application: sum of affinities and smallest pair affinity of a solution. */
function evaluate(P: Prepared, solved: Solved): { sum: Float64Array; minPair: Float64Array; min: number } {
  const sum = new Float64Array(P.n);
  const minPair = new Float64Array(P.n).fill(Infinity);
  const byApp: number[][] = Array.from({ length: P.n }, () => []);
  for (let i = 0; i < solved.apps.length; i++) byApp[solved.apps[i]].push(solved.reviewers[i]);
  const scoreAt = new Float64Array(P.m);
  for (let a = 0; a < P.n; a++) {
    for (let j = P.pairStart[a]; j < P.pairStart[a + 1]; j++) scoreAt[P.pairReviewer[j]] = P.pairScore[j];
    for (const r of byApp[a]) {
      sum[a] += scoreAt[r];
      minPair[a] = Math.min(minPair[a], scoreAt[r]);
    }
    for (let j = P.pairStart[a]; j < P.pairStart[a + 1]; j++) scoreAt[P.pairReviewer[j]] = 0;
  }
  let min = Infinity;
  for (let a = 0; a < P.n; a++) min = Math.min(min, sum[a]);
  return { sum, minPair, min };
}

/** Is some assignment possible with every pair at affinity ≥ t? */
function feasibleAbove(P: Prepared, t: number): boolean {
  const thresholds = uniform(P, t);
  const built = buildNetwork(P, { thresholds, costless: true, expanded: new Uint8Array(P.n) });
  // Without an aggregate node the network is exact: a plain maximum flow decides.
  if (built.aggregateCount === 0) return hasFeasibleFlow(built.net);
  return solveWith(P, thresholds, true).feasible;
}

/**
 * Largest t such that every application can get k reviewers of affinity ≥ t (binary search over the
 * distinct scores, from the plain optimum's smallest pair, which is feasible).
 */
function bottleneck(P: Prepared, feasibleFloor: number, probeTop?: (t: number) => boolean): number | undefined {
  let top = thresholdCap(P);
  if (top === Infinity) {
    top = P.missingZero ? 0 : -Infinity;
    for (let i = 0; i < P.pairScore.length; i++) top = Math.max(top, P.pairScore[i]);
  }
  if (!(top >= feasibleFloor)) return undefined;
  // The largest candidate is often feasible: try it first (with the caller's exact warm solve when given).
  if (probeTop) {
    if (probeTop(top)) return top;
  } else if (feasibleAbove(P, top)) return top;
  const candidates = thresholdCandidates(P, feasibleFloor, top).filter((t) => t < top);
  if (candidates.length === 0) return undefined;
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (feasibleAbove(P, candidates[mid])) lo = mid;
    else hi = mid - 1;
  }
  return candidates[lo];
}

const MAX_RAISES = 30;

/**
 * Fairness mode. (1) The exact bottleneck t*: no assignment can give every pair an affinity above it.
 * (2) The weakest applications (smallest sum of affinities) then get their own higher threshold — their
 * weakest reviewer and anything below it is excluded — as long as the smallest sum rises. Each step is an
 * exact maximum of the total under the current per-application thresholds. Maximising the smallest SUM
 * exactly is not a network problem (it needs an integer programme), hence this monotone ascent.
 */
function fairSolve(P: Prepared, plain: Solved, names?: Names): { solved: Solved; threshold?: number } {
  const bound = minApplicationBound(P);
  // Already at the bound: the smallest sum is maximal, and no assignment has a larger total.
  if (evaluate(P, plain).min >= bound - 1e-12) return { solved: plain };
  const plainScore = evaluate(P, plain);
  let floor = Infinity;
  for (let a = 0; a < P.n; a++) floor = Math.min(floor, plainScore.minPair[a]);
  // Every re-solve below resumes from the previous optimal spanning tree (thresholds only remove or
  // restore arcs); a cold solve is only the fallback when aggregate units cannot be realised.
  let warm = plain.warm;
  const solve = (thresholds: Float64Array): Solved => {
    const resumed = warm && resolveWarm(P, warm, thresholds);
    if (resumed) return resumed;
    const cold = solveWith(P, thresholds, false, names);
    if (cold.warm) warm = cold.warm;
    return cold;
  };
  const probe: { top?: Solved } = {};
  const t = bottleneck(P, floor, (top) => {
    probe.top = solve(uniform(P, top));
    return probe.top.feasible;
  });
  if (t === undefined) return { solved: plain };
  let thresholds = uniform(P, t);
  // The top probe, when feasible, is already the exact optimum under the common threshold t.
  let best = probe.top?.feasible ? probe.top : solve(thresholds);
  if (!best.feasible) return { solved: plain, threshold: t };
  let score = evaluate(P, best);
  for (let round = 0; round < MAX_RAISES && score.min < bound - 1e-12; round++) {
    const next = thresholds.slice();
    let raised = 0;
    let atMin = 0;
    for (let a = 0; a < P.n; a++) {
      if (score.sum[a] > score.min + 1e-12) continue;
      atMin++;
      let higher = Infinity;
      for (let j = P.pairStart[a]; j < P.pairStart[a + 1]; j++) {
        const w = P.pairScore[j];
        if (w > score.minPair[a] && w < higher) higher = w;
      }
      if (higher === Infinity) continue;
      next[a] = higher;
      raised++;
    }
    if (raised < atMin) break;
    const candidate = solve(next);
    if (!candidate.feasible) break;
    const candidateScore = evaluate(P, candidate);
    let candidateAtMin = 0;
    for (let a = 0; a < P.n; a++) if (candidateScore.sum[a] <= candidateScore.min + 1e-12) candidateAtMin++;
    if (candidateScore.min < score.min - 1e-12 || (candidateScore.min <= score.min + 1e-12 && candidateAtMin >= atMin))
      break;
    thresholds = next;
    best = candidate;
    score = candidateScore;
  }
  const plainMin = evaluate(P, plain).min;
  return { solved: score.min > plainMin + 1e-12 ? best : plain, threshold: t };
}

/**
 * For tests: the exact optimum under each per-application threshold vector in turn, either resumed from the
 * previous optimal tree (as the fairness mode does) or solved from scratch.
 */
export function solveUnderThresholds(
  inst: AssignmentInstance,
  sequence: ReadonlyArray<ArrayLike<number>>,
  mode: 'warm' | 'cold',
): Array<{ feasible: boolean; flowCost: number; optimal: boolean; resumed: boolean }> {
  const P = prepare(inst);
  let warm = mode === 'warm' ? solveWith(P, uniform(P, -Infinity), false).warm : undefined;
  return sequence.map((t) => {
    const thresholds = Float64Array.from(t);
    const resumed = warm && resolveWarm(P, warm, thresholds);
    const solved = resumed ?? solveWith(P, thresholds, false);
    if (mode === 'warm' && solved.warm) warm = solved.warm;
    return { feasible: solved.feasible, flowCost: solved.flowCost, optimal: solved.optimal, resumed: !!resumed };
  });
}

/** Does every application have, for each of its topics, an assigned reviewer who has it? */
function coversTopics(P: Prepared, apps: number[], reviewers: number[]): boolean {
  const covered = P.topicsOf.map((T) => new Uint8Array(T.length));
  for (let i = 0; i < apps.length; i++) {
    const T = P.topicsOf[apps[i]];
    for (let j = 0; j < T.length; j++) if (P.hasTopic.get(T[j])?.[reviewers[i]]) covered[apps[i]][j] = 1;
  }
  return covered.every((c) => c.every((v) => v === 1));
}

/**
 * Several overlapping required topics per application (decision 0006, 2026-12-07). First the network that
 * enforces one topic per application (the scarcest): a relaxation, so if it is infeasible so is the problem,
 * and if its optimum already covers every topic that optimum is the answer (certified by complementary
 * slackness). Otherwise the integer programme of topics.ts, solved by HiGHS to a zero gap.
 */
function solveTopics(P: Prepared, highs: Highs, names?: Names): Solved {
  const relaxed = solveWith(P, uniform(P, -Infinity), false, names);
  if (!relaxed.feasible || coversTopics(P, relaxed.apps, relaxed.reviewers)) return { ...relaxed, warm: undefined };
  const expanded = new Uint8Array(P.n);
  const problem: TopicProblem = P;
  let seconds = 0;
  let solves = 0;
  for (;;) {
    const model = buildTopicModel(highs, problem, expanded);
    const out = solveTopicModel(highs, model);
    seconds += out.seconds;
    solves++;
    const topicModel = { columns: model.data.numCols, rows: model.data.numRows, seconds, solves };
    if (out.status !== 'optimal') {
      return {
        feasible: false,
        explanations: [explainTopicShortfall(P.inst, P.topicsOf, out.status === 'limit', names)],
        apps: [],
        reviewers: [],
        optimal: false,
        flowCost: 0,
        pivots: relaxed.pivots,
        topicModel,
      };
    }
    const got = extract(P, { ...model, net: { arcCount: model.data.numCols } }, out.values);
    if (got.failed.length > 0) {
      for (const a of got.failed) expanded[a] = 1;
      continue;
    }
    return {
      feasible: true,
      explanations: [],
      apps: got.apps,
      reviewers: got.reviewers,
      // HiGHS's proof: its bound is within one unit of the integer objective.
      optimal: out.dualBound - out.objective < 1 && coversTopics(P, got.apps, got.reviewers),
      flowCost: -out.objective,
      pivots: relaxed.pivots,
      topicModel,
    };
  }
}

export function fairnessBound(inst: AssignmentInstance): number {
  return minApplicationBound(prepare(inst));
}

export function assignReviewers(inst: AssignmentInstance, options: AssignmentOptions = {}): AssignmentResult {
  const started = performance.now();
  const problems = checkInstance(inst, options.names);
  const P = problems.length === 0 ? prepare(inst) : undefined;
  let solved: Solved | undefined;
  let threshold: number | undefined;
  if (P?.multiTopic) {
    if (options.fair) {
      problems.push({
        kind: 'invalid-input',
        fr: 'Le mode équitable ne prend pas en charge plusieurs thèmes requis par candidature.',
        en: 'Fairness mode does not support several required topics per application.',
      });
    } else {
      if (!options.highs)
        throw new Error('several required topics per application need HiGHS: pass options.highs (highsRuntime())');
      solved = solveTopics(P, options.highs, options.names);
    }
  } else if (P) {
    solved = solveWith(P, uniform(P, -Infinity), false, options.names);
    if (solved.feasible && options.fair) ({ solved, threshold } = fairSolve(P, solved, options.names));
  }
  const seconds = (performance.now() - started) / 1000;
  return summarise(inst, P, solved, problems, threshold, seconds);
}

function summarise(
  inst: AssignmentInstance,
  P: Prepared | undefined,
  solved: Solved | undefined,
  problems: Explanation[],
  threshold: number | undefined,
  seconds: number,
): AssignmentResult {
  const loads = new Int32Array(inst.reviewerCount);
  if (!P || !solved?.feasible) {
    return {
      feasible: false,
      explanations: solved ? solved.explanations : problems,
      assignedApplication: new Int32Array(0),
      assignedReviewer: new Int32Array(0),
      totalAffinity: 0,
      minApplicationAffinity: 0,
      minPairAffinity: 0,
      loads,
      optimal: false,
      seconds,
      flowCost: 0,
      scale: P?.scale ?? 1,
      pivots: solved?.pivots ?? 0,
    };
  }
  // Sort pairs by application then reviewer, and add up true (unscaled) affinities.
  const order = solved.apps
    .map((_, i) => i)
    .sort((x, y) => solved.apps[x] - solved.apps[y] || solved.reviewers[x] - solved.reviewers[y]);
  const assignedApplication = Int32Array.from(order, (i) => solved.apps[i]);
  const assignedReviewer = Int32Array.from(order, (i) => solved.reviewers[i]);
  const perApp = new Float64Array(P.n);
  const scoreAt = new Float64Array(P.m);
  let total = 0;
  let minPair = Infinity;
  let i = 0;
  for (let a = 0; a < P.n; a++) {
    for (let j = P.pairStart[a]; j < P.pairStart[a + 1]; j++) scoreAt[P.pairReviewer[j]] = P.pairScore[j];
    for (; i < assignedApplication.length && assignedApplication[i] === a; i++) {
      const r = assignedReviewer[i];
      perApp[a] += scoreAt[r];
      minPair = Math.min(minPair, scoreAt[r]);
      loads[r]++;
    }
    total += perApp[a];
    for (let j = P.pairStart[a]; j < P.pairStart[a + 1]; j++) scoreAt[P.pairReviewer[j]] = 0;
  }
  let min = Infinity;
  for (let a = 0; a < P.n; a++) min = Math.min(min, perApp[a]);
  return {
    feasible: true,
    explanations: [],
    assignedApplication,
    assignedReviewer,
    totalAffinity: total,
    minApplicationAffinity: P.n > 0 ? min : 0,
    minPairAffinity: P.n > 0 ? minPair : 0,
    threshold,
    loads,
    optimal: solved.optimal,
    seconds,
    flowCost: solved.flowCost,
    scale: P.scale,
    pivots: solved.pivots,
    topicModel: solved.topicModel,
  };
}

export type { BuiltNetwork };
