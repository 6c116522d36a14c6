import type { FlowNetwork } from './network-simplex.js';

/**
 * Is there ANY flow meeting the supplies and the lower and upper bounds? Dinic's maximum flow on the
 * standard reduction (each arc keeps upper − lower; a super source feeds every node's excess, a super sink
 * drains every deficit; feasible iff the maximum flow saturates the super source). Costs are ignored,
 * which makes this much faster than a min-cost flow: the fairness mode's binary search calls it ~20 times.
 */
export function hasFeasibleFlow(net: FlowNetwork): boolean {
  const n = net.nodeCount + 2;
  const S = net.nodeCount;
  const T = net.nodeCount + 1;
  const excess = new Float64Array(net.nodeCount);
  for (let u = 0; u < net.nodeCount; u++) excess[u] = net.supply[u];
  for (let e = 0; e < net.arcCount; e++) {
    excess[net.source[e]] -= net.lower[e];
    excess[net.target[e]] += net.lower[e];
  }
  let arcs = net.arcCount;
  for (let u = 0; u < net.nodeCount; u++) if (excess[u] !== 0) arcs++;
  // Residual graph: arc 2i forward, 2i+1 backward, adjacency in CSR.
  const to = new Int32Array(2 * arcs);
  const cap = new Float64Array(2 * arcs);
  const from = new Int32Array(2 * arcs);
  let i = 0;
  const add = (u: number, v: number, c: number) => {
    from[2 * i] = u;
    to[2 * i] = v;
    cap[2 * i] = c;
    from[2 * i + 1] = v;
    to[2 * i + 1] = u;
    cap[2 * i + 1] = 0;
    i++;
  };
  for (let e = 0; e < net.arcCount; e++) add(net.source[e], net.target[e], net.upper[e] - net.lower[e]);
  let required = 0;
  for (let u = 0; u < net.nodeCount; u++) {
    if (excess[u] > 0) {
      add(S, u, excess[u]);
      required += excess[u];
    } else if (excess[u] < 0) add(u, T, -excess[u]);
  }
  const start = new Int32Array(n + 1);
  for (let a = 0; a < 2 * arcs; a++) start[from[a] + 1]++;
  for (let u = 0; u < n; u++) start[u + 1] += start[u];
  const fill = start.slice(0, n);
  const adjacency = new Int32Array(2 * arcs);
  for (let a = 0; a < 2 * arcs; a++) adjacency[fill[from[a]]++] = a;

  const level = new Int32Array(n);
  const queue = new Int32Array(n);
  const cursor = new Int32Array(n);
  const stackNode = new Int32Array(n);
  const stackArc = new Int32Array(n);

  const bfs = (): boolean => {
    level.fill(-1);
    level[S] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = S;
    while (head < tail) {
      const u = queue[head++];
      for (let j = start[u]; j < start[u + 1]; j++) {
        const a = adjacency[j];
        if (cap[a] > 0 && level[to[a]] < 0) {
          level[to[a]] = level[u] + 1;
          queue[tail++] = to[a];
        }
      }
    }
    return level[T] >= 0;
  };

  // Iterative blocking flow: walk admissible arcs to T, push the path's bottleneck, retreat on dead ends.
  const blockingFlow = (): number => {
    let pushed = 0;
    for (let u = 0; u < n; u++) cursor[u] = start[u];
    let depth = 0;
    stackNode[0] = S;
    for (;;) {
      const u = stackNode[depth];
      if (u === T) {
        let bottleneck = Infinity;
        for (let d = 0; d < depth; d++) bottleneck = Math.min(bottleneck, cap[stackArc[d]]);
        for (let d = 0; d < depth; d++) {
          cap[stackArc[d]] -= bottleneck;
          cap[stackArc[d] ^ 1] += bottleneck;
        }
        pushed += bottleneck;
        depth = 0;
        continue;
      }
      let advanced = false;
      while (cursor[u] < start[u + 1]) {
        const a = adjacency[cursor[u]];
        const v = to[a];
        if (cap[a] > 0 && level[v] === level[u] + 1) {
          stackArc[depth] = a;
          stackNode[++depth] = v;
          advanced = true;
          break;
        }
        cursor[u]++;
      }
      if (advanced) continue;
      if (depth === 0) return pushed;
      level[u] = -1;
      depth--;
      cursor[stackNode[depth]]++;
    }
  };

  let flow = 0;
  while (flow < required && bfs()) flow += blockingFlow();
  return flow >= required;
}
