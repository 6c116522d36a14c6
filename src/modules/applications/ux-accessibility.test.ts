import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditPage,
  expectAxeClean,
  launchBrowser,
  type RunningApp,
  runsPageAudits,
  startDemoApp,
} from '../../../test/browser/browser-support.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';
import { seedSubmittedApplication } from './demo-testing.js';

/**
 * The pages added for issue 3's remaining gaps, in Chromium: the stored organisation check, unread
 * markers, the batch over every result, the expert's link page and opinion form, and the public
 * form outline. Axe finds nothing; the CSP blocks nothing.
 */
describe.skipIf(!runsPageAudits)('accessibility of the applications UX pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staffContext: BrowserContext;
  let applicantContext: BrowserContext;
  let applicationId: string;
  let seasonSlug: string;

  async function contextFor(person: SignedInUser | null): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'fr-FR' });
    if (!person) return context;
    const [name, value] = person.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: running.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    return context;
  }

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    const { db, clock } = running.app.services;
    const staff = await createSignedInUser(db, clock, [{ role: 'staff' }], 'staff-ux');
    const owner = await createSignedInUser(db, clock, [], 'porteur-ux');
    // A fixture application already submitted: what matters here is how the pages read.
    ({ id: applicationId, seasonSlug } = await seedSubmittedApplication(
      running.app.services,
      owner,
      'Recyclerie solidaire',
    ));
    staffContext = await contextFor(staff);
    applicantContext = await contextFor(owner);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('unread markers on both sides, and the stored organisation check with its button', async () => {
    await auditPage(applicantContext, 'applicant page after sending a message', async (page) => {
      await page.goto(`${running.baseUrl}/mes-candidatures/${applicationId}`);
      await page.fill('form[action$="/messages"] textarea', 'Une question sur le calendrier');
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/messages"] button[type="submit"]')]);
    });
    await auditPage(staffContext, 'staff list with an unread marker', async (page) => {
      await page.goto(`${running.baseUrl}/admin/candidatures`);
      expect(await page.locator('td .fr-badge--new').count()).toBeGreaterThan(0);
    });
    await auditPage(staffContext, 'staff page with a new message and the organisation check again', async (page) => {
      await page.goto(`${running.baseUrl}/admin/candidatures/${applicationId}`);
      expect(await page.locator('#messages-title ~ ol .fr-badge--new').count()).toBe(1);
      await page.fill('form[action$="/messages"] textarea', 'Réponse de l’équipe');
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/messages"] button[type="submit"]')]);
      await Promise.all([
        page.waitForNavigation(),
        page.click(`form[action="/admin/candidatures/${applicationId}/organisation"] button`),
      ]);
      expect(await page.content()).toContain('Non vérifiée');
    });
    await auditPage(applicantContext, 'mes candidatures with an unread marker', async (page) => {
      await page.goto(`${running.baseUrl}/mes-candidatures`);
      expect(await page.locator('.fr-badge--new').count()).toBe(1);
    });
  });

  it('the batch over every result: confirmation, refusal without the box, report', async () => {
    await auditPage(staffContext, 'batch on every result', async (page, problems) => {
      await page.goto(`${running.baseUrl}/admin/candidatures`);
      await Promise.all([page.waitForNavigation(), page.click('a[href^="/admin/candidatures/lot/tous"]')]);
      expect(await page.content()).toContain('correspondent à ce filtre');
      await expectAxeClean(page, 'batch confirmation', problems);
      await page.selectOption('#action', 'instruction');
      const [refused] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action^="/admin/candidatures/lot/tous"] button[type="submit"]'),
      ]);
      expect(refused?.status()).toBe(400);
      expect(await page.locator('#confirm-error').count()).toBe(1);
      await expectAxeClean(page, 'batch confirmation with errors', problems);
      await page.locator('#confirm').check({ force: true });
      const [done] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action^="/admin/candidatures/lot/tous"] button[type="submit"]'),
      ]);
      expect(done?.status()).toBe(200);
    });
  });

  it('the expert’s link page and opinion form, also with errors', async () => {
    const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const page = await staffContext.newPage();
    try {
      await page.goto(`${running.baseUrl}/admin/candidatures/${applicationId}/avis`);
      await page.fill('#expert_email', 'experte-ux@example.fr');
      await page.fill('#question', 'Le modèle économique tient-il ?');
      await page.fill('#due_on', due);
      const [asked] = await Promise.all([
        page.waitForNavigation(),
        page.click('form[action$="/avis"] button[type="submit"]'),
      ]);
      expect(asked?.status()).toBe(200);
    } finally {
      await page.close();
    }
    const mail = await running.database.db
      .selectFrom('mails')
      .select('text_body')
      .where('to_address', '=', 'experte-ux@example.fr')
      .executeTakeFirstOrThrow();
    const link = /\/avis\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)![0];
    const expert = await contextFor(null);
    try {
      await auditPage(expert, 'expert link page and opinion form', async (page) => {
        expect((await page.goto(`${running.baseUrl}${link}`))?.status()).toBe(200);
        expect(await page.content()).toContain('Le modèle économique tient-il ?');
      });
      await auditPage(expert, 'expert opinion form with errors', async (page) => {
        await page.goto(`${running.baseUrl}${link}`);
        // No opinion chosen (the list always shows one; the server must still refuse a form without it).
        await page.evaluate(() => {
          const select = document.querySelector<HTMLSelectElement>('select[name="opinion"]')!;
          select.required = false;
          select.selectedIndex = -1;
        });
        const [refused] = await Promise.all([
          page.waitForNavigation(),
          page.click('button[name="action"][value="submit"]'),
        ]);
        expect(refused?.status()).toBe(400);
        expect(await page.locator('#opinion-error').count()).toBe(1);
      });
    } finally {
      await expert.close();
    }
  });

  it('the public outline of the form', async () => {
    const visitor = await contextFor(null);
    try {
      await auditPage(visitor, 'form outline', async (page) => {
        expect((await page.goto(`${running.baseUrl}/candidater/${seasonSlug}/questions`))?.status()).toBe(200);
        expect(await page.content()).toContain('Numéro SIRET');
      });
    } finally {
      await visitor.close();
    }
  });
});
