/**
 * Public pages against a bare Fastify answering a static string, on the same machine, in one run.
 * Both servers run in their own process; autocannon drives them from this one.
 *
 *   npx tsx bench/public-pages.ts      (or npm run bench:public-pages)
 *   BEFORE=<another checkout, installed and built> npx tsx bench/public-pages.ts   (its pages too, in turn)
 *
 * The ceiling and the cached pages are measured in rounds, in turn (BENCH_ROUNDS, default 5, of BENCH_DURATION
 * seconds, default 4), each page's ratio taken against the ceiling of its round: see measureInRounds.
 * The cached pages are asked for as browsers ask (`Accept-Encoding: br, gzip`), and once more without it; a page
 * rendered for each request (`/connexion`) with and without it, to tell what compressing as it leaves costs.
 * Needs PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres): a fresh database is
 * created, the demo loaded by the platform at start, and the database dropped at the end.
 * Prints one JSON line; docs/benchmarks.md keeps the results.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { createScratchDatabase, findPostgresServer } from '../test/support/postgres.js';
import { type AppProcess, freePort, repoRoot, startAppProcess } from '../test/support/processes.js';
import { processCpuMs } from './cpu-usage.js';

/** Seconds of each measure; the ceiling and the cached pages are measured ROUNDS times each, in turn. */
const DURATION_S = Number(process.env.BENCH_DURATION ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

/** What browsers send: the cached pages and the assets answer in brotli. */
const BROWSER = { 'accept-encoding': 'br, gzip' };

interface Measure {
  rps: number;
  p99_ms: number;
  non_2xx: number;
  errors: number;
  /** Bytes received per answer, headers included. */
  bytes_per_answer: number;
  /**
   * CPU time of the server process per answer (Linux; 10 ms ticks over the whole run): unlike the rate, it does not
   * depend on how much of the two cores other work left, so it tells what compressing costs.
   */
  cpu_ms_per_answer?: number;
}

async function measure(
  url: string,
  duration = DURATION_S,
  headers: Record<string, string> = {},
  pid?: number,
): Promise<Measure> {
  const cpuBefore = pid ? processCpuMs(pid) : 0;
  const result = await autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1, headers });
  const cpu = pid && result.requests.total > 0 ? (processCpuMs(pid) - cpuBefore) / result.requests.total : undefined;
  return {
    ...(cpu !== undefined ? { cpu_ms_per_answer: Number(cpu.toFixed(3)) } : {}),
    rps: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytes_per_answer: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

/** Warms a target up (JIT, page cache), then measures it (and the CPU of process `pid`, when given). */
async function warmAndMeasure(url: string, headers: Record<string, string> = {}, pid?: number): Promise<Measure> {
  await measure(url, 2, headers);
  return measure(url, DURATION_S, headers, pid);
}

interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
  pid?: number;
}

/**
 * Measures the targets in turn, ROUNDS times over, after warming each up once, the order turning by one each round. On a shared machine other work comes
 * and goes within seconds: measured back to back in every round, a page and the ceiling meet the same load, and
 * the ratio of each round is taken, then their median — rather than one long measure of each at different times.
 */
async function measureInRounds(targets: Target[]): Promise<Record<string, Measure[]>> {
  for (const target of targets) await measure(target.url, 2, target.headers);
  const results: Record<string, Measure[]> = {};
  for (let round = 0; round < ROUNDS; round += 1) {
    // Each round starts one target further, so that no target always follows the same one: what ran just before
    // (its connections closing, its process still busy) can weigh on the next measure.
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const target of order)
      (results[target.name] ??= []).push(await measure(target.url, DURATION_S, target.headers, target.pid));
  }
  return results;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A target's rounds in one figure each: the median (errors and non-2xx answers are summed). */
function summary(measures: Measure[]): Measure & { rounds_rps: number[] } {
  const cpu = measures.flatMap((m) => (m.cpu_ms_per_answer === undefined ? [] : [m.cpu_ms_per_answer]));
  return {
    ...(cpu.length > 0 ? { cpu_ms_per_answer: Number(median(cpu).toFixed(3)) } : {}),
    rps: Math.round(median(measures.map((m) => m.rps))),
    p99_ms: median(measures.map((m) => m.p99_ms)),
    non_2xx: measures.reduce((sum, m) => sum + m.non_2xx, 0),
    errors: measures.reduce((sum, m) => sum + m.errors, 0),
    bytes_per_answer: Math.round(median(measures.map((m) => m.bytes_per_answer))),
    rounds_rps: measures.map((m) => m.rps),
  };
}

function ratiosByRound(page: Measure[], ceiling: Measure[]): number[] {
  return page.map((m, i) => Number((m.rps / Math.max(1, ceiling[i]!.rps)).toFixed(3)));
}

/** The median over the rounds of the page's rate divided by the ceiling's in the same round. */
function roundRatio(page: Measure[], ceiling: Measure[]): number {
  return Number(median(ratiosByRound(page, ceiling)).toFixed(3));
}

/** The size of a page's body as a browser receives it (compressed when the server compresses it). */
async function sentBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * A bare Fastify in its own process, answering a static string (the ceiling of this machine), and
 * on /sized a string as long as the home page's body as browsers receive it (in brotli), to tell the cost of the
 * bytes from the platform's own.
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
  const env = (url: string) => ({ DATABASE_URL: url, DEMO: '1', RUN_JOBS: '0', DATA_DIR: '/nonexistent' });
  const scratches: { drop(): Promise<void> }[] = [];
  const started: AppProcess[] = [];
  try {
    const scratch = await createScratchDatabase(serverUrl, 'acc_bench');
    scratches.push(scratch);
    const platform = await startAppProcess(env(scratch.url));
    started.push(platform);
    let before: AppProcess | undefined;
    if (process.env.BEFORE) {
      const beforeScratch = await createScratchDatabase(serverUrl, 'acc_bench');
      scratches.push(beforeScratch);
      before = await startAppProcess(env(beforeScratch.url), { root: process.env.BEFORE });
      started.push(before);
    }
    const home = `${platform.baseUrl}/`;
    const homeStatus = (await fetch(home)).status;
    const homeBytes = await sentBytes(home, BROWSER);
    const homeIdentityBytes = await sentBytes(home, {});
    const articlePath = await findArticle(platform.baseUrl);
    const dynamic = `${platform.baseUrl}/connexion`;
    const bare = await startStaticServer(homeBytes);
    started.push(bare);

    // Other work on the machine skews every figure: the load average is printed with them.
    const loadBefore = Number(loadavg()[0].toFixed(2));
    const pid = platform.child.pid;
    const beforePid = before?.child.pid;
    const article = articlePath ? `${platform.baseUrl}${articlePath}` : null;
    const rounded: Target[] = [
      { name: 'static', url: `${bare.baseUrl}/` },
      { name: 'home', url: home, headers: BROWSER, pid },
      ...(article ? [{ name: 'article', url: article, headers: BROWSER, pid }] : []),
      ...(before
        ? [
            { name: 'before_home', url: `${before.baseUrl}/`, headers: BROWSER, pid: beforePid },
            ...(articlePath
              ? [{ name: 'before_article', url: `${before.baseUrl}${articlePath}`, headers: BROWSER, pid: beforePid }]
              : []),
          ]
        : []),
    ];
    const rounds = await measureInRounds(rounded);
    const sizedResult = await warmAndMeasure(`${bare.baseUrl}/sized`);
    const homeIdentity = await warmAndMeasure(home, {}, pid);
    const dynamicBrowser = await warmAndMeasure(dynamic, BROWSER, pid);
    const dynamicIdentity = await warmAndMeasure(dynamic, {}, pid);
    const staticResult = summary(rounds.static!);
    const homeResult = summary(rounds.home!);
    const articleResult = rounds.article ? summary(rounds.article) : null;
    const beforeHome = rounds.before_home ? summary(rounds.before_home) : null;
    const beforeArticle = rounds.before_article ? summary(rounds.before_article) : null;
    // A single measure (not taken in rounds) against the ceiling's median.
    const ratio = (m: Measure | null) =>
      m && staticResult.rps > 0 ? Number((m.rps / staticResult.rps).toFixed(3)) : null;
    const line = {
      machine: machine(),
      date: new Date().toISOString(),
      duration_s: DURATION_S,
      load_avg_1m: { before: loadBefore, after: Number(loadavg()[0].toFixed(2)) },
      connections: CONNECTIONS,
      accept_encoding: BROWSER['accept-encoding'],
      rounds: ROUNDS,
      static: staticResult,
      static_home_size: { ...sizedResult, body_bytes: homeBytes },
      home: { ...homeResult, status: homeStatus, body_bytes: homeBytes },
      article: articleResult ? { ...articleResult, path: articlePath } : null,
      home_identity: { ...homeIdentity, body_bytes: homeIdentityBytes },
      dynamic: {
        path: '/connexion',
        compressed: { ...dynamicBrowser, body_bytes: await sentBytes(dynamic, BROWSER) },
        identity: { ...dynamicIdentity, body_bytes: await sentBytes(dynamic, {}) },
      },
      home_ratio: roundRatio(rounds.home!, rounds.static!),
      home_ratio_rounds: ratiosByRound(rounds.home!, rounds.static!),
      article_ratio: rounds.article ? roundRatio(rounds.article, rounds.static!) : null,
      article_ratio_rounds: rounds.article ? ratiosByRound(rounds.article, rounds.static!) : null,
      home_identity_ratio: ratio(homeIdentity),
      home_vs_same_size_ratio: sizedResult.rps > 0 ? Number((homeResult.rps / sizedResult.rps).toFixed(3)) : null,
      before: before
        ? {
            home: beforeHome,
            article: beforeArticle,
            home_ratio: rounds.before_home ? roundRatio(rounds.before_home, rounds.static!) : null,
            article_ratio: rounds.before_article ? roundRatio(rounds.before_article, rounds.static!) : null,
          }
        : undefined,
    };
    console.log(JSON.stringify(line));
    if (homeStatus !== 200 || !articlePath) process.exitCode = 1;
  } finally {
    for (const p of started.reverse()) await p.stop();
    for (const scratch of scratches) await scratch.drop();
  }
}

await main();
