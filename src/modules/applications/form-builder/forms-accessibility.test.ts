import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAxeClean,
  launchBrowser,
  type RunningApp,
  runsPageAudits,
  signedInContext,
  startDemoApp,
  watchCsp,
} from '../../../../test/browser/browser-support.js';
import { latestSeason } from '../../../../test/support/factories/seasons.js';
import { createSignedInUser } from '../../../../test/support/users.js';
import { systemActor } from '../../../core/audit/audit.js';
import { DEFAULT_FORM } from '../form/default-form.js';
import { saveForm } from './save-form.js';

/** The form builder and the form preview, also when shown again with errors: axe finds nothing, the CSP blocks nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the form builder (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staff: BrowserContext;
  let builderUrl: string;

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const person = await createSignedInUser(
      running.database.db,
      running.app.services.clock,
      [{ role: 'staff' }],
      'staff',
    );
    staff = await signedInContext(browser, running.baseUrl, person.cookie);
    const season = await latestSeason(running.database.db);
    const saved = await saveForm(running.app.services, systemActor, season.id, DEFAULT_FORM);
    expect(saved.ok).toBe(true);
    builderUrl = `${running.baseUrl}/admin/saisons/${season.id}/formulaire`;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the builder, and the builder showing editor and JSON errors', async () => {
    const page = await staff.newPage();
    try {
      const problems = watchCsp(page);
      expect((await page.goto(builderUrl))?.status()).toBe(200);
      await expectAxeClean(page, 'builder', problems);

      await page.fill('[id="s0.q0.label_fr"]', '');
      await page.fill('[id="s0.q2.options"]', 'seule | Une seule | Only one');
      const [editorResponse] = await Promise.all([
        page.waitForNavigation(),
        page.click('button[name="action"][value="save"] >> nth=0'),
      ]);
      expect(editorResponse?.status()).toBe(400);
      expect(await page.locator('[id="s0.q0.label_fr-error"]').count()).toBe(1);
      await expectAxeClean(page, 'builder with editor errors', problems);

      await page.goto(builderUrl);
      await page.fill('#definition', '{"sections": [{"id": "Mauvais"}]}');
      const [jsonResponse] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action$="/json"] button[type="submit"]'),
      ]);
      expect(jsonResponse?.status()).toBe(400);
      await expectAxeClean(page, 'builder with JSON errors', problems);
    } finally {
      await page.close();
    }
  });

  it('the preview, empty and with the errors a submission would get', async () => {
    const page = await staff.newPage();
    try {
      const problems = watchCsp(page);
      expect((await page.goto(`${builderUrl}/apercu`))?.status()).toBe(200);
      await expectAxeClean(page, 'preview', problems);
      await page.click('label[for="organisation_type--2"]');
      await page.fill('#organisation_siret', '123');
      await page.fill('[id="team[0][member_email]"]', 'pas-une-adresse');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action*="/apercu"] button[type="submit"]'),
      ]);
      expect(response?.status()).toBe(400);
      expect(await page.locator('#organisation_siret-error').count()).toBe(1);
      await expectAxeClean(page, 'preview with errors', problems);
    } finally {
      await page.close();
    }
  });
});
