/**
 * Sortition benchmark (issues 5 and 18): LEXIMIN time and minimum probability against an independent LP bound,
 * with LEGACY's minimum beside it, and the rounding to 1,000 equally likely slots, for every shape over several
 * seeds. Prints one JSON line (and each run's result on stderr as it finishes).
 *
 *   npx tsx bench/sortition.ts [--only <shape>] [--seeds 5] [--decomposition auto|wolfe] [--no-rounding]
 *   npx tsx bench/sortition.ts --write-csv <folder> [--only <shape>] [--seeds 5]
 *
 * Per shape: min / median / max seconds (wall) over the seeds, whether every seed was exact (minimum = certified
 * bound = independent LP bound, to 1e−6), the process's peak RSS once the shape is done (cumulative: run a shape
 * alone with --only for its own peak), and the rounding: the largest change of any person's probability when
 * the lottery is rounded to m = 1,000 slots, against the bound of Flanigan, Kehne and Procaccia (NeurIPS 2021).
 * `--decomposition wolfe` runs the previous decomposition (Wolfe's algorithm, decision 0003 2b) for comparison.
 * `--write-csv` runs nothing: it writes each instance's categories.csv and pool.csv (with its k in the folder name,
 * `<shape>-seed<seed>-k<k>/`) for the compiled CLI, `node bin/accelerateur.js sortition analyse`.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { highsRuntime } from '../src/algorithms/highs.js';
import {
  buildInstance,
  canonicalCategoriesCsv,
  canonicalPoolCsv,
  legacyProbabilities,
  leximinDistribution,
  relaxationBound,
  roundToSlots,
  type SortitionInput,
} from '../src/algorithms/sortition/index.js';
import { paperLikeInstance, referenceInstance } from './sortition-instances.js';

interface Shape {
  name: string;
  /** The instance for a seed; shapes without randomness ignore it (and run once). */
  input: (seed: number) => SortitionInput;
  seeded: boolean;
  legacyRuns: number;
}

const SLOTS = 1000;

const shapes: Shape[] = [
  { name: 'reference-200', input: () => referenceInstance(), seeded: false, legacyRuns: 10_000 },
  { name: 'reference-x10-2000', input: () => referenceInstance(10, 99), seeded: false, legacyRuns: 2_000 },
  {
    name: 'paperlike-312-k35-c6',
    input: (seed) => paperLikeInstance({ n: 312, k: 35, categories: 6, seed }),
    seeded: true,
    legacyRuns: 2_000,
  },
  {
    name: 'paperlike-404-k40-c6',
    input: (seed) => paperLikeInstance({ n: 404, k: 40, categories: 6, seed }),
    seeded: true,
    legacyRuns: 2_000,
  },
  {
    // The paper's obf: 8 categories, ~320 volunteers, k = 30.
    name: 'obf-like-321-k30-c8',
    input: (seed) => paperLikeInstance({ n: 321, k: 30, categories: 8, seed }),
    seeded: true,
    legacyRuns: 2_000,
  },
  {
    // The paper's nexus: k is half the pool (342 volunteers, k = 170).
    name: 'nexus-like-342-k170-c6',
    input: (seed) => paperLikeInstance({ n: 342, k: 170, categories: 6, seed }),
    seeded: true,
    legacyRuns: 1_000,
  },
  {
    name: 'paperlike-825-k75-c7',
    input: (seed) => paperLikeInstance({ n: 825, k: 75, categories: 7, seed }),
    seeded: true,
    legacyRuns: 1_000,
  },
  {
    // The paper's sf_e: 1,727 volunteers, k = 110, 7 categories.
    name: 'sfe-like-1727-k110-c7',
    input: (seed) => paperLikeInstance({ n: 1727, k: 110, categories: 7, seed }),
    seeded: true,
    legacyRuns: 500,
  },
];

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const only = option('--only');
const seedCount = Number(option('--seeds') ?? 5);
const decomposition = (option('--decomposition') ?? 'auto') as 'auto' | 'wolfe';
const withRounding = !argv.includes('--no-rounding');
const csvFolder = option('--write-csv');
/** The first seed of each shape is the one the earlier benchmark used (7, 11, …), the others follow. */
const firstSeed: Record<string, number> = {
  'paperlike-312-k35-c6': 7,
  'paperlike-404-k40-c6': 11,
  'paperlike-825-k75-c7': 13,
  'sfe-like-1727-k110-c7': 17,
};
await highsRuntime(); // loading the WebAssembly module is not part of any instance's time

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The instance's files as `sortition analyse` reads them. */
function writeCsv(folder: string, shape: Shape, seed: number) {
  const input = shape.input(seed);
  const dir = join(folder, `${shape.name}-seed${seed}-k${input.k}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'categories.csv'), canonicalCategoriesCsv(input.quotas));
  writeFileSync(join(dir, 'pool.csv'), canonicalPoolCsv(input.people, input.quotas));
}

const summaries = [];
for (const shape of shapes) {
  if (only && shape.name !== only) continue;
  const seeds = shape.seeded
    ? Array.from({ length: seedCount }, (_, i) => (firstSeed[shape.name] ?? 1) + 100 * i)
    : [0];
  if (csvFolder) {
    for (const seed of seeds) writeCsv(csvFolder, shape, seed);
    continue;
  }
  const runs = [];
  for (const seed of seeds) {
    const instance = buildInstance(shape.input(seed));
    const load = loadavg()[0];
    const cpu = process.cpuUsage();
    const started = performance.now();
    const distribution = await leximinDistribution(instance, { decomposition });
    const seconds = (performance.now() - started) / 1000;
    const cpuUsed = process.cpuUsage(cpu);
    const leximinMin = Math.min(...distribution.typeProbabilities);
    const lpBound = await relaxationBound(instance);
    const exact = Math.abs(distribution.certifiedBound - leximinMin) < 1e-6 && Math.abs(lpBound - leximinMin) < 1e-6;
    const legacy = legacyProbabilities(instance, { runs: shape.legacyRuns, seed: 1 });
    let rounding: Record<string, number> | undefined;
    if (withRounding) {
      // Every person's number of slots against m·(LEXIMIN probability).
      const roundingStarted = performance.now();
      const slots = roundToSlots(instance, distribution.compositions, distribution.weights, SLOTS);
      const roundingSeconds = (performance.now() - roundingStarted) / 1000;
      const hits = new Array<number>(instance.people.length).fill(0);
      for (const slot of slots) for (const row of slot) hits[row] += 1;
      const worst = hits.reduce(
        (d, h, row) => Math.max(d, Math.abs(h / SLOTS - distribution.typeProbabilities[instance.typeOf[row]])),
        0,
      );
      rounding = {
        seconds: round(roundingSeconds, 2),
        maxChange: round(worst, 5),
        // Flanigan, Kehne, Procaccia (NeurIPS 2021): rounding the lottery's m·λ by Beck–Fiala changes each
        // person's number of slots by less than the number of panels a slot variable touches per person row,
        // i.e. by at most k slots: a change of at most k/m in probability.
        paperBound: round(instance.k / SLOTS, 5),
        compositions: distribution.compositions.length,
      };
    }
    const run = {
      seed,
      n: instance.people.length,
      k: instance.k,
      types: instance.types.length,
      seconds: round(seconds, 2),
      cpuSeconds: round((cpuUsed.user + cpuUsed.system) / 1e6, 2),
      loadAverage: round(load, 2),
      leximinMin: round(leximinMin, 6),
      certifiedBound: round(distribution.certifiedBound, 6),
      lpBound: round(lpBound, 6),
      exact,
      legacyMin: round(Math.min(...legacy.probabilities), 4),
      panels: distribution.compositions.length,
      ...distribution.stats,
      ...(rounding ? { rounding } : {}),
    };
    runs.push(run);
    process.stderr.write(`${JSON.stringify({ shape: shape.name, ...run })}\n`);
  }
  const seconds = runs.map((r) => r.seconds);
  summaries.push({
    shape: shape.name,
    n: runs[0].n,
    k: runs[0].k,
    seeds: runs.map((r) => r.seed),
    seconds: { min: Math.min(...seconds), median: round(median(seconds), 2), max: Math.max(...seconds) },
    cpuSeconds: {
      median: round(median(runs.map((r) => r.cpuSeconds)), 2),
      max: Math.max(...runs.map((r) => r.cpuSeconds)),
    },
    exactOnEverySeed: runs.every((r) => r.exact),
    methods: [...new Set(runs.map((r) => `${r.method}${r.decomposition ? `/${r.decomposition}` : ''}`))],
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(withRounding
      ? {
          rounding: {
            maxChange: Math.max(...runs.map((r) => r.rounding?.maxChange ?? 0)),
            paperBound: runs[0].rounding?.paperBound,
            maxSeconds: Math.max(...runs.map((r) => r.rounding?.seconds ?? 0)),
          },
        }
      : {}),
    runs,
  });
}
if (csvFolder) process.exit(0);
console.log(
  JSON.stringify({
    benchmark: 'sortition',
    node: process.version,
    cores: cpus().length,
    decomposition,
    loadAverage: loadavg().map((l) => round(l, 2)),
    results: summaries,
  }),
);
