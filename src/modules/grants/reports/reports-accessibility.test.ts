import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditPage,
  launchBrowser,
  type RunningApp,
  runsPageAudits,
  signedInContext,
  startTestServer,
} from '../../../../test/browser/browser-support.js';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { createSignedInUser } from '../../../../test/support/users.js';
import { ManualClock } from '../../../core/clock.js';
import { openReport, reportingGrantOf } from './queries.js';
import { saveReport } from './save-report.js';
import { insertEnvelope, insertGrant } from './testing.js';

/**
 * The financial report's pages (the team's form, with errors; the staff's review, with errors), the grants
 * dashboard and the open data page: axe finds nothing, the CSP blocks nothing.
 */
describe.skipIf(!runsPageAudits)('accessibility of the financial report and grants pages (axe-core)', () => {
  let running: RunningApp;
  let browser: Browser;
  let team: BrowserContext;
  let finance: BrowserContext;
  let anonymous: BrowserContext;
  let laureates: SeededLaureate[];

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-07-01T10:00:00Z'));
    running = await startTestServer({ clock });
    browser = await launchBrowser();
    const { services } = running.app;
    const seeded = await seedConfirmedLaureates(services.db, clock, {
      slug: 'saison-a11y-subventions',
      number: 93,
      laureates: [{ title: 'Météo libre' }, { title: 'Jardins partagés', track: 'autres' }],
    });
    laureates = seeded.laureates;
    const now = clock.now();
    const envelope = await insertEnvelope(services.db, { seasonId: seeded.seasonId, now });
    for (const [i, l] of laureates.entries())
      await insertGrant(services.db, {
        envelopeId: envelope,
        applicationId: l.applicationId,
        seasonId: seeded.seasonId,
        reference: `AIC-A11Y-${i}`,
        signedOn: '2026-02-01',
        payments: [{ amountCents: 1_000_000, paidOn: '2026-02-15' }],
        now,
      });
    // The second laureate's report is submitted, so staff see the review form.
    const grant = (await reportingGrantOf(services.db, laureates[1]!.applicationId))!;
    const report = await openReport(services.db, grant, now);
    await saveReport(
      services,
      { id: laureates[1]!.owner.id, label: 'owner' },
      {
        grantId: grant.id,
        applicationId: laureates[1]!.applicationId,
        title: 'Jardins partagés',
        reference: grant.reference,
        trackCode: 'autres',
        version: report.version,
        lines: [
          {
            code: '60',
            funder: '',
            forecastCents: 1_000_000,
            actualCents: 1_300_000,
            explanation: 'Outils plus chers.',
          },
          { code: '74-aic', funder: '', forecastCents: 3_000_000, actualCents: 3_000_000, explanation: '' },
        ],
        comment: 'Action réalisée.',
        file: null,
        submit: true,
      },
    );
    const financeUser = await createSignedInUser(services.db, clock, [{ role: 'finance' }, { role: 'staff' }], 'fin');
    team = await signedInContext(browser, running.baseUrl, laureates[0]!.owner.cookie);
    finance = await signedInContext(browser, running.baseUrl, financeUser.cookie);
    anonymous = await browser.newContext({ locale: 'fr-FR' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('has no violation on the team’s report, the staff’s review, the dashboard and /donnees', async () => {
    const base = running.baseUrl;
    const teamUrl = `${base}/espace-laureat/${laureates[0]!.applicationId}/subvention/compte-rendu`;
    const staffUrl = `${base}/admin/subventions/laureats/${laureates[1]!.applicationId}/compte-rendu`;
    await auditPage(team, 'team report', async (page) => {
      expect((await page.goto(teamUrl))?.status()).toBe(200);
    });
    await auditPage(team, 'team report with errors', async (page) => {
      await page.goto(teamUrl);
      await page.fill('#forecast_60', 'abc');
      await page.fill('#forecast_61', '1000');
      await page.fill('#actual_61', '2000');
      await page.click('button[value="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#forecast_60-error').count()).toBe(1);
      expect(await page.locator('#explanation_61-error').count()).toBe(1);
    });
    await auditPage(finance, 'staff review', async (page) => {
      expect((await page.goto(staffUrl))?.status()).toBe(200);
      expect(await page.locator('#review_comment').count()).toBe(1);
    });
    await auditPage(finance, 'staff review with errors', async (page) => {
      await page.goto(staffUrl);
      await page.click('button[value="return"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#review_comment-error').count()).toBe(1);
    });
    await auditPage(finance, 'dashboard', async (page) => {
      expect((await page.goto(`${base}/admin/subventions`))?.status()).toBe(200);
    });
    await auditPage(anonymous, 'open data', async (page) => {
      expect((await page.goto(`${base}/donnees`))?.status()).toBe(200);
    });
  }, 180_000);
});
