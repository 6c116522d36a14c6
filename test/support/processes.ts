import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../scripts/build.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The environment for a child process of the platform: this one's, without the variables Vitest adds for
 * Vite (its BASE_URL is "/", which the platform would take for its public address), plus `extra`.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...env } = process.env;
  return { ...env, ...extra };
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the compiled server (`dist/main.js`, compiled first if src/ changed) in its own process group, so
 * `stop` can end the whole group by its id even if the test fails half-way. `root` runs another checkout's
 * compiled server instead (a benchmark's "before"; that checkout builds its own dist/ first).
 */
export async function startAppProcess(
  env: Record<string, string>,
  options: { root?: string } = {},
): Promise<AppProcess> {
  if (!options.root) await ensureBuilt();
  const port = await freePort();
  // The same command and flags as `npm start` (package.json), so the crash test and the benchmarks run what is deployed.
  const child = spawn(process.execPath, ['--max-semi-space-size=32', 'dist/main.js'], {
    cwd: options.root ?? repoRoot,
    env: childEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    }
  };
  const app: AppProcess = { port, baseUrl: `http://127.0.0.1:${port}`, child, output: () => output, stop };
  await waitForHealth(app, 90_000);
  return app;
}

async function waitForHealth(app: AppProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`app process exited with ${app.child.exitCode}:\n${app.output()}`);
    try {
      const response = await fetch(`${app.baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await app.stop();
  throw new Error(`app process did not answer /healthz within ${timeoutMs} ms:\n${app.output()}`);
}
