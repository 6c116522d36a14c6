import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  type RunningApp,
  startDemoApp,
  watchCsp,
} from '../../../../test/browser/browser-support.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { demoSeasonWithForm } from '../demo-testing.js';

/**
 * Conditional questions in Chromium: with JavaScript, a question whose condition does not hold is
 * hidden and its input disabled (so it is neither sent nor autosaved) as the applicant answers;
 * without JavaScript every question is shown and the page still submits.
 */
describe.skipIf(!hasChromium)('conditional questions in a browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let applicant: SignedInUser;

  async function contextFor(person: SignedInUser, javaScriptEnabled = true): Promise<BrowserContext> {
    const ctx = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled });
    const [name, value] = person.cookie.split('=');
    await ctx.addCookies([{ name: name!, value: value!, url: running.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    return ctx;
  }

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const { db } = running.database;
    await demoSeasonWithForm(db);
    applicant = await createSignedInUser(db, running.app.services.clock, [], 'conditions');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('hides and disables the questions whose condition does not hold, as the applicant answers', async () => {
    const context = await contextFor(applicant);
    const page = await context.newPage();
    const cspProblems = watchCsp(page);
    try {
      await page.goto(`${running.baseUrl}/candidater/saison-3`);
      // Nothing is pre-chosen: the applicant picks a track and a kind.
      await page.selectOption('#track_code', { index: 1 });
      await page.selectOption('#applicant_kind', { index: 1 });
      await Promise.all([
        page.waitForURL(/\/mes-candidatures\/[0-9a-f-]{36}$/),
        page.click('form[action="/candidater/saison-3"] button[type=submit]'),
      ]);
      const id = /\/mes-candidatures\/([0-9a-f-]{36})$/.exec(page.url())![1]!;

      // No organisation type chosen yet: name, SIRET and RNA are hidden and disabled.
      for (const field of ['#organisation_name', '#organisation_siret', '#organisation_rna']) {
        expect(await page.isVisible(field)).toBe(false);
        expect(await page.isDisabled(field)).toBe(true);
      }
      await page.check('input[name="organisation_type"][value="association"]', { force: true });
      expect(await page.isVisible('#organisation_rna')).toBe(true);
      expect(await page.isEnabled('#organisation_rna')).toBe(true);
      expect(await page.isVisible('#organisation_name')).toBe(true);
      expect(await page.isVisible('#organisation_siret')).toBe(false);
      await page.fill('#organisation_rna', 'W751234567');

      // Now a company: the RNA typed is hidden and not sent; the SIRET appears.
      await page.check('input[name="organisation_type"][value="company"]', { force: true });
      expect(await page.isVisible('#organisation_rna')).toBe(false);
      expect(await page.isDisabled('#organisation_rna')).toBe(true);
      expect(await page.isVisible('#organisation_siret')).toBe(true);
      await page.fill('#project_name', 'Recyclerie');
      await page.waitForFunction(
        () => /Enregistré à/.test(document.getElementById('autosave-status')?.textContent ?? ''),
        null,
        { timeout: 10_000 },
      );
      const row = await running.database.db
        .selectFrom('applications')
        .select('draft_answers')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const answers = (
        typeof row.draft_answers === 'string' ? JSON.parse(row.draft_answers) : row.draft_answers
      ) as Record<string, unknown>;
      expect(answers.organisation_type).toBe('company');
      expect(answers.organisation_rna ?? '').toBe('');

      // Back to association: the RNA typed earlier is still in the page and sent again.
      await page.check('input[name="organisation_type"][value="association"]', { force: true });
      expect(await page.inputValue('#organisation_rna')).toBe('W751234567');
      expect(await page.isEnabled('#organisation_rna')).toBe(true);
      expect(cspProblems).toEqual([]);
    } finally {
      await page.close();
      await context.close();
    }
  }, 60_000);

  it('without JavaScript shows every question, and the server ignores the ones whose condition does not hold', async () => {
    const person = await createSignedInUser(running.database.db, running.app.services.clock, [], 'sans-js');
    const context = await contextFor(person, false);
    const page = await context.newPage();
    try {
      await page.goto(`${running.baseUrl}/candidater/saison-3`);
      // Nothing is pre-chosen: the applicant picks a track and a kind.
      await page.selectOption('#track_code', { index: 1 });
      await page.selectOption('#applicant_kind', { index: 1 });
      await Promise.all([
        page.waitForURL(/\/mes-candidatures\/[0-9a-f-]{36}$/),
        page.click('form[action="/candidater/saison-3"] button[type=submit]'),
      ]);
      expect(await page.isVisible('#organisation_rna')).toBe(true);
      expect(await page.isEnabled('#organisation_siret')).toBe(true);
      await page.check('input[name="organisation_type"][value="citizen"]', { force: true });
      // A malformed RNA in a question hidden for a citizen does not stop the submit with an error on it.
      await page.fill('#organisation_rna', 'W12');
      const [response] = await Promise.all([page.waitForNavigation(), page.click('button[formaction$="/soumettre"]')]);
      expect(response?.status()).toBe(400);
      const errorsOn = await page.$$eval('.fr-error-text[id$="-error"]', (nodes) => nodes.map((node) => node.id));
      expect(errorsOn).not.toContain('organisation_rna-error');
      expect(errorsOn).not.toContain('organisation_siret-error');
      expect(errorsOn).toContain('project_name-error');
    } finally {
      await page.close();
      await context.close();
    }
  }, 60_000);
});
