import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditPage,
  launchBrowser,
  type RunningApp,
  runsPageAudits,
  signedInContext,
  startDemoApp,
} from '../../../test/browser/browser-support.js';
import { createSignedInUser } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { closeSampleDeliberation, type DecisionSeason, seedDecisionSeason } from './board-testing.js';
import { openDeliberation, recordDecision, setAttendance } from './index.js';

/** The deliberation's pages, open and closed, also shown with errors: axe finds nothing, the CSP blocks nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the deliberation pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staff: BrowserContext;
  let open: DecisionSeason;
  let closed: DecisionSeason;

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const { services } = running.app;
    const admin = await createSignedInUser(services.db, services.clock, [{ role: 'admin' }], 'admin');
    staff = await signedInContext(browser, running.baseUrl, admin.cookie);
    open = await seedDecisionSeason(services, services.clock, { slug: 'saison-a11y-ouverte', number: 91 });
    await openDeliberation(services, systemActor, open.seasonId);
    await setAttendance(services, systemActor, { seasonId: open.seasonId, present: open.memberIds });
    await recordDecision(services, systemActor, {
      seasonId: open.seasonId,
      applicationId: open.ids.E,
      outcome: 'laureate',
      amountCents: 1_000_000,
    });
    await recordDecision(services, systemActor, {
      seasonId: open.seasonId,
      applicationId: open.ids.A,
      outcome: 'not_selected',
      reasonCodes: ['budget'],
      reasonText: 'Enveloppe épuisée.',
    });
    closed = await seedDecisionSeason(services, services.clock, { slug: 'saison-a11y-close', number: 92 });
    await closeSampleDeliberation(services, systemActor, closed);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function check(label: string, visit: (page: Page) => Promise<unknown>): Promise<void> {
    await auditPage(staff, label, visit);
  }

  it('has no violation on the list, the open and the closed board, and the decision page with its errors', async () => {
    const base = running.baseUrl;
    await check('list', (page) => page.goto(`${base}/admin/decisions`));
    // Every season's board the list links to (the demo's seasons too, before their deliberation opens).
    const lister = await staff.newPage();
    await lister.goto(`${base}/admin/decisions`);
    const boards = (await lister.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href') ?? ''))).filter(
      (href) => /^\/admin\/decisions\/[^/]+$/.test(href),
    );
    await lister.close();
    expect(boards.length).toBeGreaterThanOrEqual(3);
    for (const href of boards)
      await check(href, async (page) => {
        const response = await page.goto(`${base}${href}`);
        expect(response?.status(), href).toBe(200);
      });
    await check('open board', (page) => page.goto(`${base}/admin/decisions/${open.seasonId}`));
    await check('closed board', (page) => page.goto(`${base}/admin/decisions/${closed.seasonId}`));
    await check('weights with errors', async (page) => {
      await page.goto(`${base}/admin/decisions/${open.seasonId}`);
      await page.fill('#jury_weight', 'cent');
      await page.click('form[action$="/ponderations"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#jury_weight-error').count()).toBe(1);
    });
    const decision = `${base}/admin/decisions/${open.seasonId}/candidatures/${open.ids.C}`;
    await check('decision page', (page) => page.goto(decision));
    await check('decision page with errors', async (page) => {
      await page.goto(decision);
      await page.click('label[for="outcome--2"]');
      await page.fill('#amount_euros', '-3');
      await page.click('form[action*="/candidatures/"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#amount_euros-error').count()).toBe(1);
      expect(await page.locator('#reasons-error').count()).toBe(1);
    });
    await check('close refused', async (page) => {
      await page.goto(`${base}/admin/decisions/${open.seasonId}`);
      await page.click('label[for="confirm"]');
      await page.click('form[action$="/cloture"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('.fr-alert--error').count()).toBe(1);
    });
  }, 180_000);
});
