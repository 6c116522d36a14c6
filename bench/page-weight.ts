/**
 * Page weight on a phone: what a first and a repeat visit of three pages transfer, and when their largest
 * element is painted, in Chromium (playwright-core, /usr/bin/chromium) through the DevTools protocol, on a
 * "Slow 4G" link (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up) and a Moto G4's screen.
 *
 *   npx tsx bench/page-weight.ts
 *   BEFORE=<another checkout, installed and built> npx tsx bench/page-weight.ts   (both, page by page in turn)
 *   BEFORE=old=<checkout>,variant=<checkout> npx tsx bench/page-weight.ts         (several, labelled)
 *   RUNS=5 npx tsx bench/page-weight.ts                                          (LCP is the median of RUNS)
 *
 * Pages: the home page `/`, the first article linked from `/actualites`, and the application form of the demo's
 * open season (`/mes-candidatures/<id>`, after signing in by magic link and starting a draft from
 * `/candidater/<slug>`). For each: `first` — a new browser context (empty cache): bytes transferred (the sum of
 * Network.loadingFinished's encodedDataLength: headers and bodies as they came over the wire) and requests;
 * `repeat` — the same page again in that context (warm cache): bytes and the requests that reached the
 * network; `lcp_ms` — Largest Contentful Paint of the first visit (PerformanceObserver), median of RUNS.
 * Goals: first ≤ 300 KB, repeat ≤ 20 KB, LCP ≤ 2,500 ms.
 *
 * Needs PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres): each platform gets a fresh
 * database with the demo, dropped at the end. Prints one JSON line; docs/benchmarks.md keeps the results.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, devices } from 'playwright-core';
import { createScratchDatabase, findPostgresServer } from '../test/support/postgres.js';
import { type AppProcess, startAppProcess } from '../test/support/processes.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 3);
const PHONE = devices['Moto G4'];
/** Chrome DevTools' "Slow 4G" figures as the issue gives them; throughput in bytes per second. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1_000) / 8,
};
const GOALS = { first_bytes: 300 * 1024, repeat_bytes: 20 * 1024, lcp_ms: 2500 };

interface Visit {
  bytes: number;
  requests: number;
  /** Requests answered from the network (not from the browser's cache). */
  network_requests: number;
  paint: Paint;
  /** Per resource: path, status, bytes, whether from the cache, content-encoding. */
  resources: { path: string; status: number; bytes: number; cached: boolean; encoding: string }[];
}

/** What the page showed when: Largest and First Contentful Paint, and the layout shifts (CLS) meanwhile. */
interface Paint {
  lcp_ms: number | null;
  /** The element last reported as the largest (tag and class). */
  lcp_element: string | null;
  fcp_ms: number | null;
  /** Sum of the layout shifts' scores (a font swapping in moves text: preloaded fonts shift less). */
  cls: number;
}

declare global {
  interface Window {
    __paint?: Paint;
  }
}

/** Registered before any script of the page runs; DevTools-injected, so the page's CSP does not apply. */
function observePaint(): void {
  const paint: Paint = { lcp_ms: null, lcp_element: null, fcp_ms: null, cls: 0 };
  window.__paint = paint;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element })[]) {
      const element = entry.element;
      paint.lcp_ms = Math.round(entry.startTime);
      paint.lcp_element = element
        ? `${element.tagName.toLowerCase()}${element.className ? `.${element.className}` : ''}`
        : null;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') paint.fcp_ms = Math.round(entry.startTime);
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) paint.cls = Number((paint.cls + entry.value).toFixed(4));
  }).observe({ type: 'layout-shift', buffered: true });
}

/** One visit of `url` in a new tab of `context`, throttled, counted from the DevTools protocol's events. */
async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const resources = new Map<string, Visit['resources'][number]>();
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.startsWith('data:')) return;
    resources.set(event.requestId, {
      path: new URL(event.request.url).pathname,
      status: 0,
      bytes: 0,
      cached: false,
      encoding: '',
    });
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const resource = resources.get(event.requestId);
    if (resource) resource.cached = true;
  });
  cdp.on('Network.responseReceived', (event) => {
    const resource = resources.get(event.requestId);
    if (!resource) return;
    resource.status = event.response.status;
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) resource.cached = true;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    resource.encoding = String(headers['content-encoding'] ?? '');
  });
  cdp.on('Network.loadingFinished', (event) => {
    const resource = resources.get(event.requestId);
    if (resource) resource.bytes = event.encodedDataLength;
  });
  await page.addInitScript(observePaint);
  await page.goto(url, { waitUntil: 'load' });
  // Fonts and icons are asked for once the style sheets apply: wait until the network is quiet.
  await page.waitForLoadState('networkidle');
  const paint = await page.evaluate(() => window.__paint!);
  await page.close();
  const list = [...resources.values()];
  return {
    bytes: list.reduce((sum, r) => sum + r.bytes, 0),
    requests: list.length,
    network_requests: list.filter((r) => !r.cached).length,
    paint,
    resources: list,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The first news article linked from /actualites (slugs are lowercase words and dashes; the feeds are skipped). */
async function findArticle(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/actualites`);
  const match = /href="(\/actualites\/[a-z0-9-]+)"/.exec(await response.text());
  if (!match) throw new Error('no article linked from /actualites');
  return match[1];
}

/** The sign-in link of the latest magic-link mail to `email` (no SMTP: mail is kept in the database). */
async function signInLink(databaseUrl: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 50; i += 1) {
      const { rows } = await client.query(
        `select text_body from mails where to_address = $1 and template = 'accounts.magic-link'
         order by created_at desc limit 1`,
        [email],
      );
      const link = rows[0] ? /https?:\/\/\S+\/connexion\/lien\?\S+/.exec(rows[0].text_body)?.[0] : undefined;
      if (link) return link;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
  throw new Error(`no sign-in mail for ${email}`);
}

/**
 * Signs in as a new applicant the way a person does and starts a draft for the open season: returns the
 * application form's path and the session's cookies (for a fresh context: the form's first visit).
 */
async function applicationForm(
  browser: Browser,
  platform: AppProcess,
  databaseUrl: string,
): Promise<{ path: string; cookies: Awaited<ReturnType<BrowserContext['cookies']>> }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const email = `mesure-${Date.now()}@example.org`;
    await page.goto(`${platform.baseUrl}/connexion`);
    await page.fill('input[name="email"]', email);
    await Promise.all([page.waitForURL('**/connexion'), page.click('main form button[type="submit"]')]);
    await page.goto(await signInLink(databaseUrl, email));
    await Promise.all([page.waitForNavigation(), page.click('main form button[type="submit"]')]);
    // The open season's apply page is linked from its season page.
    await page.goto(`${platform.baseUrl}/saisons`);
    const seasons = await page.$$eval('main a[href^="/saisons/"]', (links) =>
      links.map((a) => a.getAttribute('href') ?? ''),
    );
    let apply: string | null = null;
    for (const season of seasons) {
      await page.goto(`${platform.baseUrl}${season}`);
      apply = await page.$eval(
        'main',
        (main) => main.querySelector('a[href^="/candidater/"]')?.getAttribute('href') ?? null,
      );
      if (apply) break;
    }
    if (!apply) throw new Error('no open season to apply to');
    await page.goto(`${platform.baseUrl}${apply}`);
    await page.selectOption('select[name="track_code"]', { index: 1 });
    await page.selectOption('select[name="applicant_kind"]', { index: 1 });
    await Promise.all([page.waitForURL('**/mes-candidatures/*'), page.click('main form button[type="submit"]')]);
    return { path: new URL(page.url()).pathname, cookies: await context.cookies() };
  } finally {
    await context.close();
  }
}

interface Target {
  label: string;
  platform: AppProcess;
  databaseUrl: string;
  pages: Record<string, string>;
  cookies: Awaited<ReturnType<BrowserContext['cookies']>>;
}

async function prepare(browser: Browser, label: string, serverUrl: string, root?: string) {
  const scratch = await createScratchDatabase(serverUrl, 'acc_bench');
  const platform = await startAppProcess(
    { DATABASE_URL: scratch.url, DEMO: '1', RUN_JOBS: '0', DATA_DIR: '/nonexistent' },
    { root },
  ).catch(async (error) => {
    await scratch.drop();
    throw error;
  });
  const stop = async () => {
    await platform.stop();
    await scratch.drop();
  };
  try {
    const form = await applicationForm(browser, platform, scratch.url);
    const target: Target = {
      label,
      platform,
      databaseUrl: scratch.url,
      pages: { home: '/', article: await findArticle(platform.baseUrl), application_form: form.path },
      cookies: form.cookies,
    };
    return { target, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface PageResult {
  path: string;
  first: Omit<Visit, 'paint' | 'resources'>;
  repeat: Omit<Visit, 'paint' | 'resources'>;
  /** Medians over the runs' first visits. */
  lcp_ms: number | null;
  fcp_ms: number | null;
  cls: number | null;
  lcp_runs: (number | null)[];
  lcp_element: string | null;
  resources_first: Visit['resources'];
  meets: { first: boolean; repeat: boolean; lcp: boolean };
}

async function measurePage(browser: Browser, target: Target, name: string, runs: Visit[][]): Promise<void> {
  const context = await browser.newContext({ ...PHONE });
  try {
    if (name === 'application_form') await context.addCookies(target.cookies);
    const url = `${target.platform.baseUrl}${target.pages[name]}`;
    const first = await visit(context, url);
    const repeat = await visit(context, url);
    runs.push([first, repeat]);
  } finally {
    await context.close();
  }
}

function summarise(path: string, runs: Visit[][]): PageResult {
  const strip = ({ paint: _paint, resources: _resources, ...rest }: Visit) => rest;
  // Bytes and requests are the same on every run (same server, same cache state); the first run's are kept.
  const [first, repeat] = runs[0];
  const paints = runs.map(([visit]) => visit.paint);
  const medianOf = (values: (number | null)[]) => median(values.filter((v): v is number => v !== null));
  const lcp = medianOf(paints.map((p) => p.lcp_ms));
  return {
    path,
    first: strip(first),
    repeat: strip(repeat),
    lcp_ms: lcp,
    fcp_ms: medianOf(paints.map((p) => p.fcp_ms)),
    cls: medianOf(paints.map((p) => p.cls)),
    lcp_runs: paints.map((p) => p.lcp_ms),
    lcp_element: first.paint.lcp_element,
    resources_first: first.resources,
    meets: {
      first: first.bytes <= GOALS.first_bytes,
      repeat: repeat.bytes <= GOALS.repeat_bytes,
      lcp: lcp !== null && lcp <= GOALS.lcp_ms,
    },
  };
}

async function main(): Promise<void> {
  const serverUrl = await findPostgresServer();
  if (!serverUrl) throw new Error('No PostgreSQL server answers (set DATABASE_URL)');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const stops: (() => Promise<void>)[] = [];
  try {
    const targets: Target[] = [];
    // BEFORE=<checkout>, or several as label=<checkout>,label=<checkout> to weigh variants against each other.
    const others = (process.env.BEFORE ?? '')
      .split(',')
      .filter(Boolean)
      .map((item) => (item.includes('=') ? item.split('=', 2) : ['before', item]));
    for (const [label, root] of [['current', undefined], ...others] as [string, string | undefined][]) {
      const { target, stop } = await prepare(browser, label, serverUrl, root);
      stops.push(stop);
      targets.push(target);
    }
    // Fill each server's page cache and warm its code before anything is timed.
    for (const target of targets)
      for (const path of Object.values(target.pages)) await fetch(`${target.platform.baseUrl}${path}`);
    const loadBefore = Number(loadavg()[0].toFixed(2));
    const runs = new Map<string, Visit[][]>();
    // Page by page, the checkouts in turn, so a burst of load on the shared machine falls on both.
    for (let run = 0; run < RUNS; run += 1)
      for (const name of Object.keys(targets[0].pages))
        for (const target of targets) {
          const key = `${target.label}\u0000${name}`;
          if (!runs.has(key)) runs.set(key, []);
          await measurePage(browser, target, name, runs.get(key)!);
        }
    const results = Object.fromEntries(
      targets.map((target) => [
        target.label,
        Object.fromEntries(
          Object.entries(target.pages).map(([name, path]) => [
            name,
            summarise(path, runs.get(`${target.label}\u0000${name}`)!),
          ]),
        ),
      ]),
    );
    const line = {
      bench: 'page-weight',
      date: new Date().toISOString(),
      chromium: browser.version(),
      device: 'Moto G4 (360×640, DPR 3)',
      network: { latency_ms: 150, down_kbit_s: 1600, up_kbit_s: 750 },
      runs: RUNS,
      load_avg_1m: { before: loadBefore, after: Number(loadavg()[0].toFixed(2)) },
      goals: GOALS,
      ...results,
    };
    console.log(JSON.stringify(line));
  } finally {
    await browser.close();
    for (const stop of stops.reverse()) await stop();
  }
}

await main();
