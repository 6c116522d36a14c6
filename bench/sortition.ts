/**
 * Sortition benchmark (issue 5): LEXIMIN time and minimum probability against an independent LP bound, with
 * LEGACY's minimum beside it. Prints one JSON line (and each instance's result on stderr as it finishes).
 * `npx tsx bench/sortition.ts [--large] [--only name]`:
 * the 1,727-person instance runs only with --large (minutes of CPU on a shared 2-core machine).
 */

import { highsRuntime } from '../src/algorithms/highs.js';
import { buildInstance, type SortitionInput } from '../src/algorithms/sortition/instance.js';
import { legacyProbabilities } from '../src/algorithms/sortition/legacy.js';
import { leximinDistribution } from '../src/algorithms/sortition/leximin.js';
import { relaxationBound } from '../src/algorithms/sortition/lp-bound.js';
import { paperLikeInstance, referenceInstance } from './sortition-instances.js';

interface Case {
  name: string;
  input: () => SortitionInput;
  large?: boolean;
  legacyRuns: number;
}

const cases: Case[] = [
  { name: 'reference-200', input: () => referenceInstance(), legacyRuns: 10_000 },
  { name: 'reference-x10-2000', input: () => referenceInstance(10, 99), legacyRuns: 2_000 },
  {
    name: 'paperlike-312-k35-c6',
    input: () => paperLikeInstance({ n: 312, k: 35, categories: 6, seed: 7 }),
    legacyRuns: 5_000,
  },
  {
    name: 'paperlike-404-k40-c6',
    input: () => paperLikeInstance({ n: 404, k: 40, categories: 6, seed: 11 }),
    legacyRuns: 5_000,
  },
  {
    name: 'paperlike-825-k75-c7',
    input: () => paperLikeInstance({ n: 825, k: 75, categories: 7, seed: 13 }),
    legacyRuns: 2_000,
    large: true,
  },
  {
    name: 'paperlike-1727-k110-c7',
    input: () => paperLikeInstance({ n: 1727, k: 110, categories: 7, seed: 17 }),
    legacyRuns: 1_000,
    large: true,
  },
];

const argv = process.argv.slice(2);
const large = argv.includes('--large');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
await highsRuntime(); // loading the WebAssembly module is not part of any instance's time

const results = [];
for (const c of cases) {
  if (only ? c.name !== only : c.large && !large) continue;
  const input = c.input();
  const instance = buildInstance(input);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const distribution = await leximinDistribution(instance);
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = process.cpuUsage(cpu);
  const leximinMin = Math.min(...distribution.typeProbabilities);
  const lpBound = await relaxationBound(instance);
  const legacyStarted = performance.now();
  const legacy = legacyProbabilities(instance, { runs: c.legacyRuns, seed: 1 });
  const result = {
    instance: c.name,
    n: instance.people.length,
    k: instance.k,
    categories: instance.categories.length,
    types: instance.types.length,
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(((cpuUsed.user + cpuUsed.system) / 1e6).toFixed(2)),
    leximinMin: Number(leximinMin.toFixed(6)),
    certifiedBound: Number(distribution.certifiedBound.toFixed(6)),
    lpBound: Number(lpBound.toFixed(6)),
    exact: Math.abs(distribution.certifiedBound - leximinMin) < 1e-6,
    legacyMin: Number(Math.min(...legacy.probabilities).toFixed(4)),
    legacyRuns: c.legacyRuns,
    legacySeconds: Number(((performance.now() - legacyStarted) / 1000).toFixed(2)),
    panels: distribution.compositions.length,
    ...distribution.stats,
  };
  results.push(result);
  // Progress on stderr, so a long --large run still leaves the instances it finished.
  process.stderr.write(`${JSON.stringify(result)}\n`);
}
console.log(
  JSON.stringify({
    benchmark: 'sortition',
    node: process.version,
    cores: (await import('node:os')).cpus().length,
    results,
  }),
);
