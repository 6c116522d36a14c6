import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAxeClean,
  hasChromium,
  launchBrowser,
  type RunningApp,
  signedInContext,
  startDemoApp,
} from '../../../../test/browser/browser-support.js';
import { createSignedInUser } from '../../../../test/support/users.js';
import { demoSeasonWithForm } from '../demo-testing.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

/** A file question used the way a person without JavaScript tricks would: choose, save, see, remove. */
describe.skipIf(!hasChromium)('attaching files in a browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const { db } = running.database;
    await demoSeasonWithForm(db);
    const person = await createSignedInUser(db, running.app.services.clock, [], 'pieces-jointes');
    context = await signedInContext(browser, running.baseUrl, person.cookie);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('uploads a PDF with the form, refuses a PNG on the field keeping the text, and removes the file', async () => {
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
      const fileInput = 'form[data-autosave] input[type=file][accept*="application/pdf"]';
      const save = 'form[data-autosave] button[type=submit]:not([formaction])';

      await page.fill('#project_name', 'Projet avec pièce jointe');
      await page.setInputFiles(fileInput, { name: '<b>plan</b>.png', mimeType: 'application/pdf', buffer: PNG });
      const [refused] = await Promise.all([page.waitForNavigation(), page.click(save)]);
      expect(refused?.status()).toBe(400);
      expect(await page.inputValue('#project_name')).toBe('Projet avec pièce jointe');
      expect(await page.textContent('.fr-upload-group .fr-error-text')).toContain('<b>plan</b>.png');
      await expectAxeClean(page, 'refused upload');

      await page.setInputFiles(fileInput, {
        name: 'Présentation <finale>.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await Promise.all([page.waitForURL(/\?ok=enregistre$/), page.click(save)]);
      expect(await page.textContent('.fr-upload-group a')).toBe('Présentation <finale>.pdf');
      await expectAxeClean(page, 'file attached');
      const href = await page.getAttribute('.fr-upload-group a', 'href');
      const download = await page.request.get(`${running.baseUrl}${href}`);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-disposition']).toBe('attachment; filename="presentation-finale.pdf"');

      await page.click('label[for^="remove-"]'); // DSFR draws the box on the label
      expect(await page.isChecked('input[name="remove_files"]')).toBe(true);
      await Promise.all([page.waitForURL(/\?ok=enregistre$/), page.click(save)]);
      expect(await page.locator('.fr-upload-group a').count()).toBe(0);
      expect(await page.inputValue('#project_name')).toBe('Projet avec pièce jointe');
    } finally {
      await page.close();
    }
  }, 90_000);
});
