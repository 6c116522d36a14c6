import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAxeClean,
  hasChromium,
  launchBrowser,
  type RunningApp,
  signedInContext,
  startDemoApp,
  watchCsp,
} from '../../../../test/browser/browser-support.js';
import { deleteSessionsOf } from '../../../../test/support/factories/accounts.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { demoSeasonWithForm } from '../demo-testing.js';

/**
 * The applicant's pages in Chromium: the draft autosaves while typing and says when, says so when
 * a save fails, and every page (including one shown again with errors) is axe-clean under the CSP.
 */
describe.skipIf(!hasChromium)('applying in a browser (autosave, accessibility)', () => {
  let running: RunningApp;
  let browser: Browser;
  let applicant: SignedInUser;
  let context: BrowserContext;
  let staff: BrowserContext;

  async function contextFor(person: SignedInUser): Promise<BrowserContext> {
    const ctx = await signedInContext(browser, running.baseUrl, person.cookie);
    return ctx;
  }

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const { db } = running.database;
    await demoSeasonWithForm(db);
    applicant = await createSignedInUser(db, running.app.services.clock, [], 'porteuse');
    context = await contextFor(applicant);
    staff = await contextFor(await createSignedInUser(db, running.app.services.clock, [{ role: 'staff' }], 'staff'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('creates a draft, autosaves it while typing, and warns when saving fails', async () => {
    const page = await context.newPage();
    const cspProblems = watchCsp(page);
    try {
      await page.goto(`${running.baseUrl}/candidater/saison-3`);
      await expectAxeClean(page, 'apply page');
      // Nothing is pre-chosen: the applicant picks a track and a kind.
      await page.selectOption('#track_code', { index: 1 });
      await page.selectOption('#applicant_kind', { index: 1 });
      await Promise.all([
        page.waitForURL(/\/mes-candidatures\/[0-9a-f-]{36}$/),
        page.click('form[action="/candidater/saison-3"] button[type=submit]'),
      ]);
      const id = /\/mes-candidatures\/([0-9a-f-]{36})$/.exec(page.url())![1];
      await expectAxeClean(page, 'draft page');

      await page.fill('#project_name', 'Jardins partagés du quartier');
      await page.waitForFunction(
        () =>
          /Enregistré à/.test(document.getElementById('autosave-status')?.textContent ?? '') &&
          document.getElementById('autosave-status')?.getAttribute('role') === 'status',
        null,
        { timeout: 10_000 },
      );
      const row = await running.database.db
        .selectFrom('applications')
        .select(['title', 'draft_saved_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.title).toBe('Jardins partagés du quartier');

      // The session ends while the person types: the script says so, and the text is kept.
      await deleteSessionsOf(running.database.db, applicant.id);
      await page.fill('#project_summary', 'Des potagers ouverts à toutes et tous');
      await page.waitForFunction(
        () => document.getElementById('autosave-status')?.getAttribute('role') === 'alert',
        null,
        { timeout: 10_000 },
      );
      expect(await page.textContent('#autosave-status')).toContain('reconnectez-vous');
      expect(await page.inputValue('#project_summary')).toBe('Des potagers ouverts à toutes et tous');
      expect(cspProblems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('shows a refused submit with its errors, axe-clean, and the staff list and detail too', async () => {
    const person = await createSignedInUser(running.database.db, running.app.services.clock, [], 'soumission');
    const ctx = await contextFor(person);
    const page = await ctx.newPage();
    try {
      await page.goto(`${running.baseUrl}/candidater/saison-3`);
      // Nothing is pre-chosen: the applicant picks a track and a kind.
      await page.selectOption('#track_code', { index: 1 });
      await page.selectOption('#applicant_kind', { index: 1 });
      await Promise.all([
        page.waitForURL(/\/mes-candidatures\/[0-9a-f-]{36}$/),
        page.click('form[action="/candidater/saison-3"] button[type=submit]'),
      ]);
      await page.fill('#project_name', 'Atelier de réparation');
      const [response] = await Promise.all([page.waitForNavigation(), page.click('button[formaction$="/soumettre"]')]);
      expect(response?.status()).toBe(400);
      expect(await page.inputValue('#project_name')).toBe('Atelier de réparation');
      await expectAxeClean(page, 'submit with errors');
      const id = /\/mes-candidatures\/([0-9a-f-]{36})/.exec(page.url())![1];

      const admin = await staff.newPage();
      try {
        await admin.goto(`${running.baseUrl}/admin/candidatures`);
        await expectAxeClean(admin, 'staff list');
        await admin.goto(`${running.baseUrl}/admin/candidatures/${id}`);
        await expectAxeClean(admin, 'staff detail');
      } finally {
        await admin.close();
      }
    } finally {
      await page.close();
      await ctx.close();
    }
  }, 60_000);
});
