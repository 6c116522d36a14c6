import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highsRuntime } from '../highs.js';
import { hasFeasibleFlow } from './feasible-flow.js';
import {
  createNetworkSimplex,
  type FlowNetwork,
  NetworkBuilder,
  solveMinCostFlow,
  verifyOptimality,
} from './network-simplex.js';
import { mulberry32 } from './random-instance.js';

/** A random general network: supplies summing to 0, arcs with lower bounds, negative costs, cycles. */
function randomNetwork(seed: number): FlowNetwork {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const n = int(2, 40);
  const b = new NetworkBuilder();
  for (let u = 0; u < n; u++) b.addNode(0);
  for (let u = 0; u < n - 1; u++) {
    const s = int(-3, 3);
    b.supply[u] += s;
    b.supply[n - 1] -= s;
  }
  for (let i = int(1, 3 * n); i > 0; i--) {
    const u = int(0, n - 1);
    const v = int(0, n - 1);
    if (u === v) continue;
    const lo = random() < 0.2 ? int(0, 1) : 0;
    b.addArc(u, v, lo, lo + int(0, 4), int(-5, 15));
  }
  return b.build();
}

function lpText(net: FlowNetwork): string {
  const obj = Array.from(
    { length: net.arcCount },
    (_, e) => `${net.cost[e] < 0 ? '-' : '+'} ${Math.abs(net.cost[e])} x${e}`,
  );
  const rows: string[] = [];
  for (let u = 0; u < net.nodeCount; u++) {
    const terms: string[] = [];
    for (let e = 0; e < net.arcCount; e++) {
      if (net.source[e] === u) terms.push(`+ x${e}`);
      if (net.target[e] === u) terms.push(`- x${e}`);
    }
    rows.push(` n${u}: ${terms.length ? terms.join(' ') : '0 zero'} = ${net.supply[u]}`);
  }
  const bounds = [
    ' 0 <= zero <= 0',
    ...Array.from({ length: net.arcCount }, (_, e) => ` ${net.lower[e]} <= x${e} <= ${net.upper[e]}`),
  ];
  return `Minimize\n obj: ${obj.length ? obj.join(' ') : '0 zero'}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
}

describe('network simplex', () => {
  it('finds the same optimum as HiGHS, with a valid certificate, on random networks with lower bounds', async () => {
    const highs = await highsRuntime();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const net = randomNetwork(seed);
        const result = solveMinCostFlow(net);
        const oracle = highs.solve(lpText(net), { output_flag: false });
        expect(result.feasible).toBe(oracle.Status === 'Optimal');
        expect(hasFeasibleFlow(net)).toBe(result.feasible);
        if (!result.feasible) return;
        expect(verifyOptimality(net, result.flow, result.potential)).toEqual({ ok: true });
        expect(result.totalCost).toBeCloseTo(oracle.ObjectiveValue, 6);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('resumed from the previous tree after removing and restoring arcs, gives the cold optimum of the changed network', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 6 }),
        (seed, steps) => {
          const net = randomNetwork(seed);
          const warm = createNetworkSimplex(net);
          warm.run();
          const removable = Array.from({ length: net.arcCount }, (_, e) => e).filter((e) => net.lower[e] === 0);
          for (const step of steps) {
            // Each step removes a random subset of the removable arcs and restores the others.
            const random = mulberry32(step);
            const upper = net.upper.slice();
            for (const e of removable) {
              if (random() < 0.3) {
                warm.remove(e);
                upper[e] = 0;
              } else warm.restore(e);
            }
            const changed = { ...net, upper };
            const resumed = warm.run();
            const cold = solveMinCostFlow(changed);
            expect(resumed.feasible).toBe(cold.feasible);
            if (!cold.feasible) continue;
            expect(resumed.totalCost).toBe(cold.totalCost);
            expect(verifyOptimality(changed, resumed.flow, resumed.potential)).toEqual({ ok: true });
          }
        },
      ),
      { numRuns: 300, seed: 2026 },
    );
  });

  it('refuses a certificate for a flow that is feasible but not optimal', () => {
    const b = new NetworkBuilder();
    const s = b.addNode(1);
    const t = b.addNode(-1);
    b.addArc(s, t, 0, 1, 5);
    b.addArc(s, t, 0, 1, 1);
    const net = b.build();
    const solved = solveMinCostFlow(net);
    expect(solved.totalCost).toBe(1);
    const worse = Float64Array.from([1, 0]);
    expect(verifyOptimality(net, worse, solved.potential).ok).toBe(false);
  });
});
