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
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { seedSubmittedApplication } from '../demo-testing.js';

/** Batch actions, the message thread and the notes, also shown again with errors: axe finds nothing, the CSP blocks nothing. */
describe.skipIf(!runsPageAudits)('accessibility of instruction (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staffContext: BrowserContext;
  let applicantContext: BrowserContext;
  let applicationId: string;

  async function contextFor(person: SignedInUser): Promise<BrowserContext> {
    return signedInContext(browser, running.baseUrl, person.cookie);
  }

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const { db, clock } = running.app.services;
    const staff = await createSignedInUser(db, clock, [{ role: 'staff' }], 'staff');
    const owner = await createSignedInUser(db, clock, [], 'porteur');
    // A fixture application already submitted: what matters here is how the instruction pages read.
    applicationId = (await seedSubmittedApplication(running.app.services, owner, 'Jardin partagé')).id;
    staffContext = await contextFor(staff);
    applicantContext = await contextFor(owner);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('the batch form on the list, refused without text, and its result', async () => {
    const page = await staffContext.newPage();
    try {
      const problems = watchCsp(page);
      expect((await page.goto(`${running.baseUrl}/admin/candidatures`))?.status()).toBe(200);
      await expectAxeClean(page, 'list with batch form', problems);
      // DSFR draws the box on the label; the input itself is visually hidden.
      await page.locator(`input[name="ids"][value="${applicationId}"]`).check({ force: true });
      await page.selectOption('#action', 'message');
      const [refused] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action="/admin/candidatures/lot"] button[type="submit"]'),
      ]);
      expect(refused?.status()).toBe(400);
      expect(await page.locator('#body-error').count()).toBe(1);
      await expectAxeClean(page, 'batch form with errors', problems);
      await page.fill('#body', 'Merci de compléter le budget.');
      const [done] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action="/admin/candidatures/lot"] button[type="submit"]'),
      ]);
      expect(done?.status()).toBe(200);
      await expectAxeClean(page, 'batch result', problems);
    } finally {
      await page.close();
    }
  });

  it('the staff page with thread and notes, and the applicant page with the thread', async () => {
    const page = await staffContext.newPage();
    try {
      const problems = watchCsp(page);
      await page.goto(`${running.baseUrl}/admin/candidatures/${applicationId}`);
      await page.fill('form[action$="/notes"] textarea', 'Budget à vérifier');
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/notes"] button[type="submit"]')]);
      expect(await page.content()).toContain('Budget à vérifier');
      await expectAxeClean(page, 'staff page with thread and notes', problems);
      const [refused] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action$="/messages"] button[type="submit"]'),
      ]);
      expect(refused?.status()).toBe(400);
      await expectAxeClean(page, 'staff message refused', problems);
    } finally {
      await page.close();
    }
    const mine = await applicantContext.newPage();
    try {
      const problems = watchCsp(mine);
      expect((await mine.goto(`${running.baseUrl}/mes-candidatures/${applicationId}`))?.status()).toBe(200);
      const html = await mine.content();
      expect(html).toContain('Merci de compléter le budget.');
      expect(html).not.toContain('Budget à vérifier');
      await expectAxeClean(mine, 'applicant page with thread', problems);
    } finally {
      await mine.close();
    }
  });
});
