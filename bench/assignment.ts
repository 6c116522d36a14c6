/**
 * Reviewer assignment benchmark: `npx tsx bench/assignment.ts [--sizes 500x50,5000x300] [--lp-max 5000]
 * [--baseline <checkout>] [--topics]`.
 * Each size runs in its own child process (so that peak memory is per size) and prints one JSON line:
 * solve time, peak RSS, total affinity and its share of the HiGHS LP optimum (smaller sizes only),
 * hard-constraint violations (must be 0), and the fairness mode's minimum and loss.
 * `--baseline /path/to/other/checkout` also runs that checkout's engine in fair mode on the same instance,
 * in the same process right before this one (`fairBaseline`): before/after side by side in one run.
 * Instances: k = 3, loads within ±1 of the mean, 2 % of all pairs in conflict, 20 affinity entries per
 * application skewed towards popular reviewers (10 at 500×50), other pairs allowed at affinity 0.
 *
 * `--topics` (default sizes 200x20,500x50,2000x200,5000x300): overlapping required topics instead
 * (`topic-instance.ts`: max(5, min(40, m/10)) topics, 1–3 per application and per reviewer), timing the
 * exact solve with topics against the same instance without them, and whether the integer programme was
 * needed (`topicModel`: its columns, rows, HiGHS seconds and solves).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  assignReviewers,
  countViolations,
  fairnessBound,
  randomInstance,
  solveAssignmentLp,
  topicInstance,
} from '../src/algorithms/assignment/index.js';
import { highsRuntime } from '../src/algorithms/highs.js';

const DEFAULT_SIZES = '500x50,5000x300,20000x1000,50000x2500';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The instances every size is measured on: 3 reviewers per application, 2 % conflicts, a fixed seed. */
function benchShape(n: number, m: number) {
  return {
    applications: n,
    reviewers: m,
    perApplication: 3,
    entriesPerApplication: n <= 500 ? 10 : 20,
    conflictRate: 0.02,
    seed: 2026,
  };
}

async function runOne(n: number, m: number, lpMax: number): Promise<void> {
  const inst = randomInstance(benchShape(n, m));
  const plain = assignReviewers(inst);
  const plainViolations = countViolations(inst, plain.assignedApplication, plain.assignedReviewer).total;
  const peakAfterPlain = process.resourceUsage().maxRSS / 1024;
  const baseline = option('baseline', '');
  let fairBaseline: Record<string, unknown> | null = null;
  if (baseline) {
    const engine = await import(pathToFileURL(join(baseline, 'src/algorithms/assignment/engine.ts')).href);
    const before = engine.assignReviewers(inst, { fair: true });
    fairBaseline = {
      checkout: baseline,
      seconds: round(before.seconds, 3),
      minApplicationAffinity: round(before.minApplicationAffinity, 6),
      totalAffinity: round(before.totalAffinity, 6),
      violations: countViolations(inst, before.assignedApplication, before.assignedReviewer).total,
    };
  }
  const loadBefore = loadavg()[0];
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
      pivots: fair.pivots,
    },
    fairBaseline,
    loadAverage1m: [round(loadBefore, 2), round(loadavg()[0], 2)],
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

async function runTopics(n: number, m: number): Promise<void> {
  const topics = Math.max(5, Math.min(40, Math.round(m / 10)));
  const inst = topicInstance({ ...benchShape(n, m), topics });
  const highs = await highsRuntime();
  const without = assignReviewers({ ...inst, requiredTopics: undefined });
  const loadBefore = loadavg()[0];
  const result = assignReviewers(inst, { highs });
  const perApplication = inst.requiredTopics!.map((T) => T.length);
  const line = {
    bench: 'assignment-topics',
    size: `${n}x${m}`,
    k: 3,
    topics,
    applicationsWithTopics: { one: 0, two: 0, three: 0 },
    affinityEntries: inst.pairApplication.length,
    feasible: result.feasible,
    seconds: round(result.seconds, 3),
    optimal: result.optimal,
    totalAffinity: round(result.totalAffinity, 6),
    violations: result.feasible
      ? countViolations(inst, result.assignedApplication, result.assignedReviewer).total
      : null,
    topicModel: result.topicModel ?? null,
    withoutTopics: { seconds: round(without.seconds, 3), totalAffinity: round(without.totalAffinity, 6) },
    costOfTopicsPercent: round((100 * (without.totalAffinity - result.totalAffinity)) / without.totalAffinity, 4),
    explanations: result.explanations.map((e) => e.en),
    peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
    loadAverage1m: [round(loadBefore, 2), round(loadavg()[0], 2)],
    node: process.version,
    date: new Date().toISOString(),
  };
  for (const c of perApplication) {
    if (c === 1) line.applicationsWithTopics.one++;
    else if (c === 2) line.applicationsWithTopics.two++;
    else if (c === 3) line.applicationsWithTopics.three++;
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const one = option('one', '');
const withTopics = process.argv.includes('--topics');
if (one) {
  const [n, m] = one.split('x').map(Number);
  if (withTopics) await runTopics(n, m);
  else await runOne(n, m, Number(option('lp-max', '5000')));
} else {
  const self = fileURLToPath(import.meta.url);
  const sizes = option('sizes', withTopics ? '200x20,500x50,2000x200,5000x300' : DEFAULT_SIZES);
  const baseline = option('baseline', '');
  for (const size of sizes.split(',')) {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        self,
        '--one',
        size,
        '--lp-max',
        option('lp-max', '5000'),
        ...(baseline ? ['--baseline', baseline] : []),
        ...(withTopics ? ['--topics'] : []),
      ],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) process.exitCode = 1;
  }
}
