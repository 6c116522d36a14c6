/**
 * Start-up benchmark (issue 12, decision 0012): wall time, median of RUNS whole processes, of
 *   - `npx accelerateur --help` (goal ≤ 0.5 s), beside `node bin/accelerateur.js --help` and `node -e 0`;
 *   - a restart of the compiled server (`npm start`'s command) to `/healthz` answering, on a data folder
 *     that is already migrated and holds the demo (goal ≤ 2 s);
 *   - `accelerateur sortition analyse` of the 200-person reference instance (goal ≤ 1 s).
 * Prints one JSON line. `npx tsx bench/startup.ts` (RUNS=5 by default); dist/ is compiled first if stale.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../scripts/build.mjs';
import { canonicalCategoriesCsv, canonicalPoolCsv } from '../src/algorithms/sortition/instance.js';
import { childEnv, freePort, repoRoot } from '../test/support/processes.js';
import { referenceInstance } from './sortition-instances.js';

const RUNS = Number(process.env.RUNS ?? 5);
const scratch = mkdtempSync(join(tmpdir(), 'acc-startup-'));
const dataDir = join(scratch, 'data');
const bin = join(repoRoot, 'bin', 'accelerateur.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(3));

/** Median wall time of a command run to its end, after one run not counted (disk cache, tsx cache). */
function timeCommand(command: string, args: string[], env: Record<string, string> = {}): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(command, args, { cwd: repoRoot, env: childEnv(env), encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
    if (i > 0) times.push(performance.now() - started);
  }
  return seconds(median(times));
}

/** Starts the compiled server on the data folder; resolves with the ms until /healthz answered 200. */
async function startOnce(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-semi-space-size=32', 'dist/main.js'], {
    cwd: repoRoot,
    env: childEnv({
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
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
    child.kill('SIGTERM');
    await exited;
  }
}

await ensureBuilt();
try {
  const help = {
    npx: timeCommand('npx', ['accelerateur', '--help']),
    bin: timeCommand(process.execPath, [bin, '--help']),
    nodeAlone: timeCommand(process.execPath, ['-e', '0']),
  };

  await startOnce(); // first start: migrates and loads the demo, not counted
  const restarts: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const ms = await startOnce();
    if (i > 0) restarts.push(ms);
  }

  const reference = referenceInstance();
  writeFileSync(join(scratch, 'categories.csv'), canonicalCategoriesCsv(reference.quotas));
  writeFileSync(join(scratch, 'pool.csv'), canonicalPoolCsv(reference.people, reference.quotas));
  const analyse = timeCommand(process.execPath, [
    bin,
    'sortition',
    'analyse',
    '--categories',
    join(scratch, 'categories.csv'),
    '--pool',
    join(scratch, 'pool.csv'),
    '--size',
    String(reference.k),
  ]);

  const result = {
    benchmark: 'startup',
    node: process.version,
    cores: cpus().length,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    runs: RUNS,
    helpSeconds: help,
    restartToHealthzSeconds: seconds(median(restarts)),
    sortitionAnalyseReference200Seconds: analyse,
    goals: {
      help: help.npx <= 0.5,
      restart: median(restarts) <= 2000,
      analyse: analyse <= 1,
    },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
