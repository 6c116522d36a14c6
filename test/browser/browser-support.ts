import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadDemo } from '../../src/core/boot.js';
import { type Clock, ManualClock, systemClock } from '../../src/core/clock.js';
import { type Config, readConfig } from '../../src/core/config.js';
import type { Database } from '../../src/core/db/database.js';
import { modules } from '../../src/modules/index.js';
import { runsEngineIndependentSuites } from '../support/engine-independent.js';
import { freePort } from '../support/processes.js';
import { createTestDatabase } from '../support/test-app.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/**
 * The page audits (axe-core on every template and state, the header at each breakpoint) check the markup a page
 * is made of, the same whatever database engine served it: they run once in CI (engine-independent.ts). The
 * journeys and the pages' scripts, which go through the data, run on both engines.
 */
export const runsPageAudits = hasChromium && runsEngineIndependentSuites;

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RunningApp {
  app: FastifyInstance;
  database: Database;
  baseUrl: string;
  close(): Promise<void>;
}

/** The whole platform with its demo programme, listening on a free port of 127.0.0.1. */
export function startDemoApp(overrides: Partial<Config> = {}): Promise<RunningApp> {
  return startTestServer({ clock: systemClock, demo: true, overrides });
}

/**
 * The whole platform listening on a free port of 127.0.0.1, with the given clock (a ManualClock a test can
 * advance) and with or without the demo programme; the background worker stays off (a test runs the jobs it needs).
 */
export async function startTestServer(
  options: { clock?: Clock; demo?: boolean; overrides?: Partial<Config> } = {},
): Promise<RunningApp> {
  const clock = options.clock ?? new ManualClock(new Date());
  const demo = options.demo ?? false;
  const database = await createTestDatabase(modules, { demo });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = {
    ...readConfig({ PORT: String(port), BASE_URL: baseUrl, DATA_DIR: '/nonexistent', HOST: '127.0.0.1' }),
    databaseUrl: (database as { url?: string }).url,
    filesDir: undefined,
    loadDemo: demo,
    runJobs: false,
    ...options.overrides,
  };
  const app = await buildApp({ config, database, clock, logger: false, modules });
  if (demo && !database.demoLoaded) await loadDemo(app.services);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    database,
    baseUrl,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Runs axe-core in the page (WCAG 2.0/2.1 A and AA) and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // evaluate() goes through the DevTools protocol, so the page's strict CSP does not block axe.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: any[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n: any) => ({
        target: String(n.target.join(' ')),
        html: String(n.html).slice(0, 200),
        summary: String(n.failureSummary ?? ''),
      })),
    }));
  });
}

export function formatViolations(url: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      at ${n.target}\n        ${n.html}\n        ${n.summary.replace(/\n/g, '\n        ')}`)
        .join('\n');
      return `  ${url}: [${v.impact}] ${v.id} — ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** Collects the page's Content-Security-Policy reports from its console (a blocked script or style). */
export function watchCsp(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  return problems;
}

/** A browser context's one tab and what it reported since its last visit began (CSP reports, script errors). */
export interface Tab {
  page: Page;
  problems: string[];
}

const tabs = new WeakMap<BrowserContext, Tab>();

/**
 * The context's one tab, reused from check to check with its reports emptied. A new tab per page costs a renderer
 * and DSFR's styles parsed again: checking a file's pages in one tab took 41 % less time (docs/benchmarks.md).
 * Dialogs (a `confirm` before a destructive action) are accepted, as the person acting would.
 */
export async function reusedTab(context: BrowserContext): Promise<Tab> {
  let tab = tabs.get(context);
  if (!tab || tab.page.isClosed()) {
    const page = await context.newPage();
    const problems = watchCsp(page);
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    page.on('dialog', (dialog) => void dialog.accept());
    tab = { page, problems };
    tabs.set(context, tab);
  }
  tab.problems.length = 0;
  return tab;
}

/**
 * Runs `visit` (it navigates, and may act: fill a form, send it) in the context's tab, then asserts axe finds no
 * violation and the page reported no CSP violation or script error.
 */
export async function auditPage(
  context: BrowserContext,
  label: string,
  visit: (page: Page, problems: string[]) => Promise<unknown>,
): Promise<void> {
  const { page, problems } = await reusedTab(context);
  await visit(page, problems);
  await expectAxeClean(page, label, problems);
}

/** Asserts axe finds no WCAG A/AA violation (printing them readably when it does), and no CSP report if given. */
export async function expectAxeClean(page: Page, label: string, cspProblems?: string[]): Promise<void> {
  const violations = await runAxe(page);
  if (violations.length > 0) console.log(`axe violations on ${label}:\n${formatViolations(label, violations)}`);
  expect(
    violations.map((v) => `${v.id} (${v.nodes.length} nodes)`),
    label,
  ).toEqual([]);
  if (cspProblems) expect(cspProblems).toEqual([]);
}

/**
 * The first link of the page at `path` whose path (without query) matches the pattern, read from its HTML over
 * HTTP (with the session cookie given, `acc_session=<token>`); undefined when the page does not answer 200.
 */
export async function firstLinkOf(
  baseUrl: string,
  path: string,
  pattern: RegExp,
  cookie?: string,
): Promise<string | undefined> {
  const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  if (response.status !== 200) return undefined;
  const html = await response.text();
  const hrefs = [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  return hrefs.map((h) => h.replace(/^https?:\/\/[^/]+/, '')).find((h) => pattern.test(h.split(/[?#]/)[0]));
}

/** A browser context signed in as the person whose session cookie is given (`acc_session=<token>`). */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  cookie: string,
  locale = 'fr-FR',
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale });
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}
