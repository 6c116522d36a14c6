import type { Browser, BrowserContext } from 'playwright-core';
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

/** The seasons pages, public and staff, including a form shown again with errors: axe finds nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the seasons pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let anonymous: BrowserContext;
  let staff: BrowserContext;
  let seasonId: string;
  let laureateId: string;

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    anonymous = await browser.newContext({ locale: 'fr-FR' });
    const person = await createSignedInUser(
      running.database.db,
      running.app.services.clock,
      [{ role: 'staff' }],
      'staff',
    );
    staff = await signedInContext(browser, running.baseUrl, person.cookie);
    const season = await running.database.db
      .selectFrom('seasons')
      .select('id')
      .where('slug', '=', 'saison-1')
      .executeTakeFirstOrThrow();
    seasonId = season.id;
    const laureate = await running.database.db
      .selectFrom('laureates')
      .select('id')
      .where('season_id', '=', seasonId)
      .limit(1)
      .executeTakeFirstOrThrow();
    laureateId = laureate.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function check(context: BrowserContext, url: string, status = 200): Promise<void> {
    await auditPage(context, url, async (page) => {
      const response = await page.goto(`${running.baseUrl}${url}`, { waitUntil: 'load' });
      expect(response?.status(), url).toBe(status);
    });
  }

  for (const url of [
    '/saisons',
    '/saisons/saison-1',
    '/saisons/saison-2',
    '/saisons/saison-3',
    '/laureats',
    '/laureats?saison=saison-2',
  ]) {
    it(`${url} has no WCAG A/AA violation`, async () => {
      await check(anonymous, url);
    });
  }

  it('the staff pages have no WCAG A/AA violation', async () => {
    for (const url of [
      '/admin/saisons',
      '/admin/saisons/nouvelle',
      `/admin/saisons/${seasonId}/modifier`,
      `/admin/saisons/${seasonId}/laureats`,
      `/admin/saisons/${seasonId}/laureats/${laureateId}/modifier`,
    ]) {
      await check(staff, url);
    }
  });

  it('a season form shown again with errors has no WCAG A/AA violation', async () => {
    await auditPage(staff, 'season form with errors', async (page) => {
      await page.goto(`${running.baseUrl}/admin/saisons/nouvelle`);
      await page.fill('#opens_on', '2030-05-10');
      await page.fill('#closes_on', '2030-05-01');
      await page.fill('#envelope_euros', 'beaucoup');
      await page.fill('#criterion_0_weight', '0');
      await page.click('label[for=eligible_citizen]');
      await page.click('label[for=eligible_association]');
      await page.click('label[for=eligible_administration]');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action="/admin/saisons"] button[type=submit]'),
      ]);
      expect(response?.status()).toBe(400);
      const summary = await page.textContent('.fr-alert--error');
      expect(summary).toContain('La clôture doit être postérieure à l’ouverture.');
      expect(summary).toContain('Cochez au moins un public éligible.');
    });
  });
});
