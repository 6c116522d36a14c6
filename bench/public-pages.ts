/**
 * Public pages against a bare Fastify answering a static string, on the same machine, in one run.
 * Both servers run in their own process; autocannon drives them from this one.
 *
 *   npx tsx bench/public-pages.ts      (or npm run bench:public-pages)
 *
 * Needs PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres): a fresh database is
 * created, the demo loaded by the platform at start, and the database dropped at the end.
 * Prints one JSON line; docs/benchmarks.md keeps the results.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { createScratchDatabase, findPostgresServer } from '../test/support/postgres.js';
import { type AppProcess, freePort, repoRoot, startAppProcess } from '../test/support/processes.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

interface Measure {
  rps: number;
  p99_ms: number;
  non_2xx: number;
  errors: number;
}

async function measure(url: string, duration = DURATION_S): Promise<Measure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1 });
  return {
    rps: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * A bare Fastify in its own process, answering a static string (the ceiling of this machine), and
 * on /sized a string as long as the home page, to tell the cost of the bytes from the platform's own.
 */
async function startStaticServer(sizedBytes: number): Promise<AppProcess> {
  const port = await freePort();
  const code = `
    import Fastify from 'fastify';
    const app = Fastify({ logger: false });
    const sized = 'x'.repeat(${sizedBytes});
    app.get('/', async () => 'hello');
    app.get('/sized', async (_request, reply) => reply.type('text/html; charset=utf-8').send(sized));
    await app.listen({ port: ${port}, host: '127.0.0.1' });
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: repoRoot,
    stdio: 'inherit',
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(baseUrl)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    port,
    baseUrl,
    child,
    output: () => '',
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      await exited;
    },
  };
}

/** The first news article linked from /actualites. */
async function findArticle(baseUrl: string): Promise<string | undefined> {
  const response = await fetch(`${baseUrl}/actualites`);
  if (!response.ok) return undefined;
  // Article slugs are lowercase words and dashes; this skips the feeds (flux.xml, atom.xml).
  const match = /href="(\/actualites\/[a-z0-9-]+)"/.exec(await response.text());
  return match?.[1];
}

function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  let memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  try {
    const kb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]);
    if (kb) memory = `${(kb / 2 ** 20).toFixed(1)} GiB`;
  } catch {
    // not Linux
  }
  return `${cpus().length} cores, ${model}, ${memory} RAM, Node ${process.version}`;
}

async function main(): Promise<void> {
  const serverUrl = await findPostgresServer();
  if (!serverUrl) throw new Error('No PostgreSQL server answers (set DATABASE_URL)');
  const scratch = await createScratchDatabase(serverUrl, 'acc_bench');
  const started: AppProcess[] = [];
  try {
    const platform = await startAppProcess({
      DATABASE_URL: scratch.url,
      DEMO: '1',
      RUN_JOBS: '0',
      DATA_DIR: '/nonexistent',
    });
    started.push(platform);
    const home = `${platform.baseUrl}/`;
    const homeResponse = await fetch(home);
    const homeStatus = homeResponse.status;
    const homeBytes = Buffer.byteLength(await homeResponse.text());
    const articlePath = await findArticle(platform.baseUrl);
    const bare = await startStaticServer(homeBytes);
    started.push(bare);

    // Other work on the machine skews every figure: the load average is printed with them.
    const loadBefore = Number(loadavg()[0].toFixed(2));
    // Warm up each target (JIT, page cache) before measuring.
    await measure(`${bare.baseUrl}/`, 2);
    const staticResult = await measure(`${bare.baseUrl}/`);
    await measure(`${bare.baseUrl}/sized`, 2);
    const sizedResult = await measure(`${bare.baseUrl}/sized`);
    await measure(home, 2);
    const homeResult = await measure(home);
    let articleResult: Measure | null = null;
    if (articlePath) {
      await measure(`${platform.baseUrl}${articlePath}`, 2);
      articleResult = await measure(`${platform.baseUrl}${articlePath}`);
    }
    const ratio = (m: Measure | null) =>
      m && staticResult.rps > 0 ? Number((m.rps / staticResult.rps).toFixed(3)) : null;
    const line = {
      machine: machine(),
      date: new Date().toISOString(),
      duration_s: DURATION_S,
      load_avg_1m: { before: loadBefore, after: Number(loadavg()[0].toFixed(2)) },
      connections: CONNECTIONS,
      static: staticResult,
      static_home_size: { ...sizedResult, bytes: homeBytes },
      home: { ...homeResult, status: homeStatus, bytes: homeBytes },
      article: articleResult ? { ...articleResult, path: articlePath } : null,
      home_ratio: ratio(homeResult),
      article_ratio: ratio(articleResult),
      home_vs_same_size_ratio: sizedResult.rps > 0 ? Number((homeResult.rps / sizedResult.rps).toFixed(3)) : null,
    };
    console.log(JSON.stringify(line));
    if (homeStatus !== 200 || !articlePath) process.exitCode = 1;
  } finally {
    for (const p of started.reverse()) await p.stop();
    await scratch.drop();
  }
}

await main();
