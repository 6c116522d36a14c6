/**
 * Start-up benchmark (issue 12, decision 0013): wall time, median of RUNS whole processes, of
 *   - `npx accelerateur --help` (goal ≤ 0.5 s), beside `node bin/accelerateur.js --help`, `node -e 0` and
 *     `npx -c true` (npx's own start, which no code of ours can shorten);
 *   - a restart of the compiled server (`npm start`'s command) to `/healthz` answering, on a data folder
 *     that is already migrated and holds the demo (goal ≤ 2 s);
 *   - `accelerateur sortition analyse` of the 200-person reference instance (goal ≤ 1 s).
 * Prints one JSON line. `npx tsx bench/startup.ts` (RUNS=5 by default; dist/ is compiled first if stale);
 * `BEFORE=<another checkout> npx tsx bench/startup.ts` measures that checkout beside this one, in turn.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../scripts/build.mjs';
import { canonicalCategoriesCsv, canonicalPoolCsv } from '../src/algorithms/sortition/index.js';
import { childEnv, freePort, repoRoot } from '../test/support/processes.js';
import { referenceInstance } from './sortition-instances.js';

const RUNS = Number(process.env.RUNS ?? 5);
const scratch = mkdtempSync(join(tmpdir(), 'acc-startup-'));

/** How a checkout starts its server and its CLI. */
interface Runtime {
  label: string;
  root: string;
  server: string[];
  cli: string[];
  dataDir: string;
}

const current: Runtime = {
  label: 'compiled',
  root: repoRoot,
  server: ['--max-semi-space-size=32', 'dist/main.js'],
  cli: [join(repoRoot, 'bin', 'accelerateur.js')],
  dataDir: join(scratch, 'data'),
};

/** BEFORE=<folder of an older checkout, installed>: the same figures for it, run in turn with these (tsx). */
const before: Runtime | undefined = process.env.BEFORE
  ? {
      label: 'before',
      root: process.env.BEFORE,
      server: [join(process.env.BEFORE, 'node_modules/tsx/dist/cli.mjs'), '--max-semi-space-size=32', 'src/main.ts'],
      cli: [join(process.env.BEFORE, 'bin', 'accelerateur.js')],
      dataDir: join(scratch, 'data-before'),
    }
  : undefined;
const runtimes = before ? [current, before] : [current];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(3));

function timeOnce(runtime: Runtime, command: string, args: string[]): number {
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: runtime.root,
    env: childEnv({ DATA_DIR: runtime.dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return performance.now() - started;
}

/** Starts a server on its data folder; resolves with the ms until /healthz answered 200. */
async function startOnce(runtime: Runtime): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, runtime.server, {
    cwd: runtime.root,
    env: childEnv({
      DATA_DIR: runtime.dataDir,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // tsx starts node as a child: stop the whole group
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

/**
 * Median of RUNS of each runtime's `measure`, run in turn (A B A B…) so a change in the machine's load
 * falls on both; one first run of each is not counted (disk cache, tsx cache).
 */
async function inTurn(measure: (runtime: Runtime) => number | Promise<number>): Promise<Record<string, number>> {
  const times = new Map<Runtime, number[]>(runtimes.map((r) => [r, []]));
  for (let i = 0; i <= RUNS; i++) {
    for (const runtime of runtimes) {
      const ms = await measure(runtime);
      if (i > 0) times.get(runtime)!.push(ms);
    }
  }
  return Object.fromEntries(runtimes.map((r) => [r.label, seconds(median(times.get(r)!))]));
}

await ensureBuilt();
try {
  const reference = referenceInstance();
  writeFileSync(join(scratch, 'categories.csv'), canonicalCategoriesCsv(reference.quotas));
  writeFileSync(join(scratch, 'pool.csv'), canonicalPoolCsv(reference.people, reference.quotas));
  const analyseArgs = ['sortition', 'analyse', '--categories', join(scratch, 'categories.csv')];
  analyseArgs.push('--pool', join(scratch, 'pool.csv'), '--size', String(reference.k));

  const nodeAlone = await inTurn((r) => timeOnce(r, process.execPath, ['-e', '0']));
  // npx's own start (npm loads its configuration before running the bin): the floor of `npx accelerateur`.
  const npxAlone = await inTurn((r) => timeOnce(r, 'npx', ['-c', 'true']));
  const npxHelp = await inTurn((r) => timeOnce(r, 'npx', ['accelerateur', '--help']));
  const binHelp = await inTurn((r) => timeOnce(r, process.execPath, [...r.cli, '--help']));
  // First start of each: migrates and loads the demo, not counted.
  for (const runtime of runtimes) await startOnce(runtime);
  const restart = await inTurn(startOnce);
  const analyse = await inTurn((r) => timeOnce(r, process.execPath, [...r.cli, ...analyseArgs]));

  const result = {
    benchmark: 'startup',
    node: process.version,
    cores: cpus().length,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    runs: RUNS,
    nodeAloneSeconds: nodeAlone,
    npxAloneSeconds: npxAlone,
    npxHelpSeconds: npxHelp,
    binHelpSeconds: binHelp,
    restartToHealthzSeconds: restart,
    sortitionAnalyseReference200Seconds: analyse,
    goalsMet: {
      help: npxHelp.compiled <= 0.5,
      restart: restart.compiled <= 2,
      analyse: analyse.compiled <= 1,
    },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
