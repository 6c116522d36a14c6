/**
 * Reviewer assignment benchmark: `npx tsx bench/assignment.ts [--sizes 500x50,5000x300] [--lp-max 5000]`.
 * Each size runs in its own child process (so that peak memory is per size) and prints one JSON line:
 * solve time, peak RSS, total affinity and its share of the HiGHS LP optimum (smaller sizes only),
 * hard-constraint violations (must be 0), and the fairness mode's minimum and loss.
 * Instances: k = 3, loads within ±1 of the mean, 2 % of all pairs in conflict, 20 affinity entries per
 * application skewed towards popular reviewers (10 at 500×50), other pairs allowed at affinity 0.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assignReviewers, fairnessBound } from '../src/algorithms/assignment/engine.js';
import { solveAssignmentLp } from '../src/algorithms/assignment/highs-oracle.js';
import { randomInstance } from '../src/algorithms/assignment/random-instance.js';
import { countViolations } from '../src/algorithms/assignment/violations.js';

const DEFAULT_SIZES = '500x50,5000x300,20000x1000,50000x2500';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function runOne(n: number, m: number, lpMax: number): Promise<void> {
  const inst = randomInstance({
    applications: n,
    reviewers: m,
    perApplication: 3,
    entriesPerApplication: n <= 500 ? 10 : 20,
    conflictRate: 0.02,
    seed: 2026,
  });
  const plain = assignReviewers(inst);
  const plainViolations = countViolations(inst, plain.assignedApplication, plain.assignedReviewer).total;
  const peakAfterPlain = process.resourceUsage().maxRSS / 1024;
  const fair = assignReviewers(inst, { fair: true });
  const fairViolations = countViolations(inst, fair.assignedApplication, fair.assignedReviewer).total;
  let lp: { objective: number; seconds: number } | undefined;
  // Exact LP (one variable per allowed pair) when small enough; beyond, the aggregate relaxation (an upper bound).
  const lpModel = n * m <= 100_000 ? 'dense' : 'aggregate';
  if (n <= lpMax) lp = await solveAssignmentLp(inst, lpModel);
  const bound = fairnessBound(inst);
  const line = {
    bench: 'assignment',
    size: `${n}x${m}`,
    k: 3,
    affinityEntries: inst.pairApplication.length,
    conflicts: inst.conflictApplication?.length ?? 0,
    seconds: round(plain.seconds, 3),
    peakMemoryMB: Math.round(peakAfterPlain),
    optimal: plain.optimal,
    pivots: plain.pivots,
    totalAffinity: round(plain.totalAffinity, 6),
    lpOptimum: lp ? round(lp.objective, 6) : null,
    shareOfLp: lp ? round(plain.totalAffinity / lp.objective, 9) : null,
    lpSeconds: lp ? round(lp.seconds, 2) : null,
    lpModel: lp ? lpModel : null,
    violations: plainViolations + fairViolations,
    minApplicationAffinity: round(plain.minApplicationAffinity, 6),
    minPairAffinity: round(plain.minPairAffinity, 6),
    fair: {
      seconds: round(fair.seconds, 3),
      threshold: fair.threshold ?? null,
      minApplicationAffinity: round(fair.minApplicationAffinity, 6),
      minPairAffinity: round(fair.minPairAffinity, 6),
      totalAffinity: round(fair.totalAffinity, 6),
      lossPercent: round((100 * (plain.totalAffinity - fair.totalAffinity)) / plain.totalAffinity, 4),
      optimal: fair.optimal,
      minApplicationBound: round(bound, 6),
      maxMinProven: fair.minApplicationAffinity >= bound - 1e-9,
    },
    peakMemoryWithFairMB: Math.round(process.resourceUsage().maxRSS / 1024),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const one = option('one', '');
if (one) {
  const [n, m] = one.split('x').map(Number);
  await runOne(n, m, Number(option('lp-max', '5000')));
} else {
  const self = fileURLToPath(import.meta.url);
  for (const size of option('sizes', DEFAULT_SIZES).split(',')) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', self, '--one', size, '--lp-max', option('lp-max', '5000')],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) process.exitCode = 1;
  }
}
