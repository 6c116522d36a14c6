/**
 * Minimum-cost flow by the primal network simplex method (spanning-tree structure with thread/parent
 * indices and block-search pivoting, after the LEMON library's NetworkSimplex). Integer costs and
 * capacities held in typed arrays; arcs may have lower bounds, removed by the standard transformation
 * (send the lower bound up front and shift it into the node supplies), so lower AND upper bounds are
 * solved in one network.
 *
 * Why network simplex: the assignment networks are transportation problems with tens of thousands of
 * nodes and up to a few million arcs; the method needs no per-unit augmentation, and its termination
 * condition (no non-tree arc with a negative reduced cost) is itself an optimality certificate, which
 * `verifyOptimality` re-checks independently on the final flow and potentials.
 */

export interface FlowNetwork {
  nodeCount: number;
  /** Net supply of every node (positive: produces flow, negative: consumes); must sum to 0. */
  supply: Float64Array;
  arcCount: number;
  source: Int32Array;
  target: Int32Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Integer cost per unit of flow (exact in a double up to 2^53). */
  cost: Float64Array;
}

export interface FlowResult {
  feasible: boolean;
  /** Flow on every original arc (lower bounds included). */
  flow: Float64Array;
  /** Node potentials: reduced cost of arc (u,v) is cost + potential[u] − potential[v]. */
  potential: Float64Array;
  totalCost: number;
  /**
   * When infeasible: net supply each node could not route to where it was needed (positive: surplus
   * left at the node, negative: demand left unmet).
   */
  unrouted: Float64Array;
  pivots: number;
}

/** A growable network builder; `build()` freezes it into typed arrays. */
export class NetworkBuilder {
  private src: number[] = [];
  private tgt: number[] = [];
  private lo: number[] = [];
  private hi: number[] = [];
  private cst: number[] = [];
  readonly supply: number[] = [];

  addNode(supply = 0): number {
    this.supply.push(supply);
    return this.supply.length - 1;
  }

  addArc(from: number, to: number, lower: number, upper: number, cost: number): number {
    if (!Number.isInteger(cost)) throw new Error(`arc cost must be an integer, got ${cost}`);
    if (upper < lower) throw new Error(`arc upper bound ${upper} below its lower bound ${lower}`);
    this.src.push(from);
    this.tgt.push(to);
    this.lo.push(lower);
    this.hi.push(upper);
    this.cst.push(cost);
    return this.src.length - 1;
  }

  get arcCount(): number {
    return this.src.length;
  }

  build(): FlowNetwork {
    return {
      nodeCount: this.supply.length,
      supply: Float64Array.from(this.supply),
      arcCount: this.src.length,
      source: Int32Array.from(this.src),
      target: Int32Array.from(this.tgt),
      lower: Float64Array.from(this.lo),
      upper: Float64Array.from(this.hi),
      cost: Float64Array.from(this.cst),
    };
  }
}

const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const DIR_UP = 1;
const DIR_DOWN = -1;
const INF = Number.MAX_SAFE_INTEGER;

export function solveMinCostFlow(net: FlowNetwork): FlowResult {
  return createNetworkSimplex(net).run();
}

/**
 * A network simplex that can be resumed. `remove(e)` / `restore(e)` change only arc COSTS (a removed arc
 * costs as much as an artificial arc, more than any path of real arcs), so the current flow stays a
 * primal feasible basis and `run()` continues from the previous spanning tree instead of from scratch:
 * the fairness mode's re-solves, which only raise per-application thresholds, cost a few pivots each.
 * A removed arc that still carries flow at the optimum means the network without it is infeasible
 * (same argument as for the artificial arcs: any cycle of real arcs costs less than one penalty).
 */
export interface NetworkSimplex {
  /** Pivots from the current basis to an optimum; `feasible` is false if artificial or removed arcs carry flow. */
  run(): FlowResult;
  /** Forbid an arc (its lower bound must be 0). */
  remove(e: number): void;
  /** Allow a removed arc again at its original cost. */
  restore(e: number): void;
  isRemoved(e: number): boolean;
}

export function createNetworkSimplex(net: FlowNetwork): NetworkSimplex {
  const n = net.nodeCount;
  const m = net.arcCount;
  const root = n;
  const all = m + n;

  const source = new Int32Array(all);
  const target = new Int32Array(all);
  const cap = new Float64Array(all);
  const cost = new Float64Array(all);
  const flow = new Float64Array(all);
  const state = new Int8Array(all);
  const supply = new Float64Array(n + 1);

  // Remove lower bounds: the lower bound is sent up front and the arc keeps only the slack.
  let maxCost = 0;
  for (let e = 0; e < m; e++) {
    const u = net.source[e];
    const v = net.target[e];
    const lo = net.lower[e];
    source[e] = u;
    target[e] = v;
    cap[e] = net.upper[e] >= INF ? INF : net.upper[e] - lo;
    cost[e] = net.cost[e];
    state[e] = STATE_LOWER;
    if (lo !== 0) {
      supply[u] -= lo;
      supply[v] += lo;
    }
    const a = Math.abs(net.cost[e]);
    if (a > maxCost) maxCost = a;
  }
  let sum = 0;
  for (let u = 0; u < n; u++) {
    supply[u] += net.supply[u];
    sum += net.supply[u];
  }
  if (sum !== 0) throw new Error(`supplies must sum to 0, got ${sum}`);

  // Artificial arcs to a root make the first spanning tree; their cost exceeds any real path.
  const ART_COST = (maxCost + 1) * (n + 1);
  const parent = new Int32Array(n + 1);
  const pred = new Int32Array(n + 1);
  const thread = new Int32Array(n + 1);
  const revThread = new Int32Array(n + 1);
  const succNum = new Int32Array(n + 1);
  const lastSucc = new Int32Array(n + 1);
  const predDir = new Int8Array(n + 1);
  const pi = new Float64Array(n + 1);
  const dirtyRevs = new Int32Array(n + 1);

  for (let u = 0, e = m; u < n; u++, e++) {
    parent[u] = root;
    pred[u] = e;
    thread[u] = u + 1;
    revThread[u + 1] = u;
    succNum[u] = 1;
    lastSucc[u] = u;
    cap[e] = INF;
    state[e] = STATE_TREE;
    if (supply[u] >= 0) {
      predDir[u] = DIR_UP;
      pi[u] = 0;
      source[e] = u;
      target[e] = root;
      flow[e] = supply[u];
      cost[e] = 0;
    } else {
      predDir[u] = DIR_DOWN;
      pi[u] = ART_COST;
      source[e] = root;
      target[e] = u;
      flow[e] = -supply[u];
      cost[e] = ART_COST;
    }
  }
  parent[root] = -1;
  pred[root] = -1;
  thread[root] = 0;
  revThread[0] = root;
  succNum[root] = n + 1;
  lastSucc[root] = root - 1;
  pi[root] = 0;

  const searchArcs = m;
  const blockSize = Math.max(Math.ceil(Math.sqrt(searchArcs)), 10);
  let nextArc = 0;
  let inArc = 0;
  let join = 0;
  let uIn = 0;
  let vIn = 0;
  let uOut = 0;
  let delta = 0;
  let first = 0;
  let second = 0;

  const findEnteringArc = (): boolean => {
    let min = 0;
    let cnt = blockSize;
    let e: number;
    for (e = nextArc; e < searchArcs; e++) {
      const c = state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
      if (c < min) {
        min = c;
        inArc = e;
      }
      if (--cnt === 0) {
        if (min < 0) {
          nextArc = e + 1;
          return true;
        }
        cnt = blockSize;
      }
    }
    for (e = 0; e < nextArc; e++) {
      const c = state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
      if (c < min) {
        min = c;
        inArc = e;
      }
      if (--cnt === 0) {
        if (min < 0) {
          nextArc = e + 1;
          return true;
        }
        cnt = blockSize;
      }
    }
    if (min >= 0) return false;
    nextArc = e;
    return true;
  };

  const findJoinNode = (): void => {
    let u = source[inArc];
    let v = target[inArc];
    while (u !== v) {
      if (succNum[u] < succNum[v]) u = parent[u];
      else v = parent[v];
    }
    join = u;
  };

  const findLeavingArc = (): boolean => {
    if (state[inArc] === STATE_LOWER) {
      first = source[inArc];
      second = target[inArc];
    } else {
      first = target[inArc];
      second = source[inArc];
    }
    delta = cap[inArc];
    let result = 0;
    for (let u = first; u !== join; u = parent[u]) {
      const e = pred[u];
      let d = flow[e];
      if (predDir[u] === DIR_DOWN) d = cap[e] >= INF ? INF : cap[e] - d;
      if (d < delta) {
        delta = d;
        uOut = u;
        result = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]) {
      const e = pred[u];
      let d = flow[e];
      if (predDir[u] === DIR_UP) d = cap[e] >= INF ? INF : cap[e] - d;
      if (d <= delta) {
        delta = d;
        uOut = u;
        result = 2;
      }
    }
    if (result === 1) {
      uIn = first;
      vIn = second;
    } else {
      uIn = second;
      vIn = first;
    }
    return result !== 0;
  };

  const changeFlow = (change: boolean): void => {
    if (delta > 0) {
      const val = state[inArc] * delta;
      flow[inArc] += val;
      for (let u = source[inArc]; u !== join; u = parent[u]) flow[pred[u]] -= predDir[u] * val;
      for (let u = target[inArc]; u !== join; u = parent[u]) flow[pred[u]] += predDir[u] * val;
    }
    if (change) {
      state[inArc] = STATE_TREE;
      state[pred[uOut]] = flow[pred[uOut]] === 0 ? STATE_LOWER : STATE_UPPER;
    } else {
      state[inArc] = -state[inArc];
    }
  };

  const updateTreeStructure = (): void => {
    const oldRevThread = revThread[uOut];
    const oldSuccNum = succNum[uOut];
    const oldLastSucc = lastSucc[uOut];
    const vOut = parent[uOut];

    if (uIn === uOut) {
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      if (thread[vIn] !== uOut) {
        let after = thread[oldLastSucc];
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn];
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      const threadContinue = oldRevThread === vIn ? thread[oldLastSucc] : thread[vIn];
      let stem = uIn;
      let parStem = vIn;
      let last = lastSucc[uIn];
      let after = thread[last];
      thread[vIn] = uIn;
      let dirty = 0;
      dirtyRevs[dirty++] = vIn;
      while (stem !== uOut) {
        const nextStem = parent[stem];
        thread[last] = nextStem;
        dirtyRevs[dirty++] = last;
        const before = revThread[stem];
        thread[before] = after;
        revThread[after] = before;
        parent[stem] = parStem;
        parStem = stem;
        stem = nextStem;
        last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
        after = thread[last];
      }
      parent[uOut] = parStem;
      thread[last] = threadContinue;
      revThread[threadContinue] = last;
      lastSucc[uOut] = last;
      if (oldRevThread !== vIn) {
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
      }
      for (let i = 0; i < dirty; i++) {
        const u = dirtyRevs[i];
        revThread[thread[u]] = u;
      }
      let tmpSc = 0;
      const tmpLs = lastSucc[uOut];
      for (let u = uOut, p = parent[u]; u !== uIn; u = p, p = parent[u]) {
        pred[u] = pred[p];
        predDir[u] = -predDir[p];
        tmpSc += succNum[u] - succNum[p];
        succNum[u] = tmpSc;
        lastSucc[p] = tmpLs;
      }
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      succNum[uIn] = oldSuccNum;
    }

    const upLimitOut = lastSucc[join] === vIn ? join : -1;
    const lastSuccOut = lastSucc[uOut];
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]) lastSucc[u] = lastSuccOut;
    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) lastSucc[u] = oldRevThread;
    } else if (lastSuccOut !== oldLastSucc) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) lastSucc[u] = lastSuccOut;
    }
    for (let u = vIn; u !== join; u = parent[u]) succNum[u] += oldSuccNum;
    for (let u = vOut; u !== join; u = parent[u]) succNum[u] -= oldSuccNum;
  };

  const updatePotential = (): void => {
    const sigma = pi[vIn] - pi[uIn] - predDir[uIn] * cost[inArc];
    const end = thread[lastSucc[uIn]];
    for (let u = uIn; u !== end; u = thread[u]) pi[u] += sigma;
  };

  const removed = new Uint8Array(m);
  let removedCount = 0;
  let costsChanged = false;

  // After cost changes, tree arcs must have reduced cost 0 again: walk the tree in thread (pre)order.
  const recomputePotentials = (): void => {
    pi[root] = 0;
    for (let u = thread[root]; u !== root; u = thread[u]) {
      const e = pred[u];
      pi[u] = predDir[u] === DIR_UP ? pi[parent[u]] - cost[e] : pi[parent[u]] + cost[e];
    }
  };

  const run = (): FlowResult => {
    if (costsChanged) recomputePotentials();
    costsChanged = false;
    let pivots = 0;
    while (findEnteringArc()) {
      findJoinNode();
      const change = findLeavingArc();
      if (delta >= INF) throw new Error('unbounded flow problem (a negative-cost cycle of infinite capacity)');
      changeFlow(change);
      if (change) {
        updateTreeStructure();
        updatePotential();
      }
      pivots++;
    }

    const unrouted = new Float64Array(n);
    let feasible = true;
    for (let u = 0, e = m; u < n; u++, e++) {
      if (flow[e] !== 0) {
        feasible = false;
        unrouted[u] = source[e] === u ? flow[e] : -flow[e];
      }
    }
    if (removedCount > 0) for (let e = 0; e < m; e++) if (removed[e] && flow[e] !== 0) feasible = false;

    const result = new Float64Array(m);
    let totalCost = 0;
    for (let e = 0; e < m; e++) {
      result[e] = flow[e] + net.lower[e];
      totalCost += result[e] * net.cost[e];
    }
    return { feasible, flow: result, potential: pi.slice(0, n), totalCost, unrouted, pivots };
  };

  return {
    run,
    remove(e: number): void {
      if (removed[e]) return;
      if (net.lower[e] !== 0) throw new Error(`arc ${e} has a lower bound and cannot be removed`);
      removed[e] = 1;
      removedCount++;
      cost[e] = ART_COST;
      costsChanged = true;
    },
    restore(e: number): void {
      if (!removed[e]) return;
      removed[e] = 0;
      removedCount--;
      cost[e] = net.cost[e];
      costsChanged = true;
    },
    isRemoved: (e: number) => removed[e] === 1,
  };
}

/**
 * Independent certificate check: the flow respects bounds and conservation, and every arc satisfies
 * complementary slackness with the potentials (reduced cost > 0 ⇒ flow at its lower bound, < 0 ⇒ at its
 * upper bound). Together these prove that no negative-cost residual cycle exists, i.e. the flow is optimal.
 */
export function verifyOptimality(
  net: FlowNetwork,
  flow: Float64Array,
  potential: Float64Array,
): { ok: boolean; problem?: string } {
  const balance = new Float64Array(net.nodeCount);
  for (let e = 0; e < net.arcCount; e++) {
    const f = flow[e];
    if (f < net.lower[e] || f > net.upper[e]) return { ok: false, problem: `arc ${e} flow ${f} outside its bounds` };
    balance[net.source[e]] += f;
    balance[net.target[e]] -= f;
    const reduced = net.cost[e] + potential[net.source[e]] - potential[net.target[e]];
    if (reduced > 0 && f !== net.lower[e])
      return { ok: false, problem: `arc ${e} has positive reduced cost and flow above its lower bound` };
    if (reduced < 0 && f !== net.upper[e])
      return { ok: false, problem: `arc ${e} has negative reduced cost and flow below its upper bound` };
  }
  for (let u = 0; u < net.nodeCount; u++) {
    if (balance[u] !== net.supply[u]) return { ok: false, problem: `node ${u} is not balanced` };
  }
  return { ok: true };
}
