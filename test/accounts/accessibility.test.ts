import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatViolations,
  launchBrowser,
  type RunningApp,
  runAxe,
  runsPageAudits,
  signedInContext,
  startDemoApp,
} from '../browser/browser-support.js';
import { createSignedInUser } from '../support/users.js';

/**
 * The accounts pages the shared accessibility walk does not reach (error states, confirmation,
 * role management, mails, audit log), in Chromium with axe-core: no WCAG 2.1 A/AA violation.
 */
describe.skipIf(!runsPageAudits)('accessibility of the accounts pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let visitor: BrowserContext;
  let admin: BrowserContext;

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    visitor = await browser.newContext({ locale: 'fr-FR' });
    const person = await createSignedInUser(
      running.database.db,
      running.app.services.clock,
      [{ role: 'admin' }],
      'admin',
    );
    admin = await signedInContext(browser, running.baseUrl, person.cookie);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function expectAccessible(page: Page, status: number) {
    const url = page.url();
    expect(await page.getAttribute('html', 'lang')).toBeTruthy();
    const violations = await runAxe(page);
    if (violations.length > 0) console.log(formatViolations(url, violations));
    expect(
      violations.map((v) => v.id),
      `axe violations on ${url} (${status})`,
    ).toEqual([]);
  }

  it('sign-in form with an error, link sent, confirmation and invalid link pages', async () => {
    const page = await visitor.newPage();
    try {
      await page.goto(`${running.baseUrl}/connexion`);
      await page.fill('#email', 'pas-une-adresse');
      await Promise.all([page.waitForLoadState('load'), page.click('form[action="/connexion"] button[type="submit"]')]);
      expect(await page.inputValue('#email')).toBe('pas-une-adresse');
      await expectAccessible(page, 400);

      await page.fill('#email', 'a11y@example.org');
      await Promise.all([page.waitForLoadState('load'), page.click('form[action="/connexion"] button[type="submit"]')]);
      await expectAccessible(page, 200);

      await page.goto(`${running.baseUrl}/connexion/lien?jeton=not-a-real-token`);
      await expectAccessible(page, 200);
      await Promise.all([
        page.waitForLoadState('load'),
        page.click('form[action="/connexion/lien"] button[type="submit"]'),
      ]);
      expect(await page.textContent('h1')).toContain('Lien de connexion invalide');
      await expectAccessible(page, 400);
    } finally {
      await page.close();
    }
  });

  it('role management, mails, one mail, audit log and its verification', async () => {
    const page = await admin.newPage();
    try {
      const demo = await running.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'equipe@accelerateur.localhost')
        .executeTakeFirstOrThrow();
      await page.goto(`${running.baseUrl}/admin/comptes/${demo.id}`);
      await expectAccessible(page, 200);
      await page.selectOption('#role', 'reviewer');
      await page.selectOption('#track', 'communs-numeriques');
      await Promise.all([
        page.waitForLoadState('load'),
        page.click(`form[action$="/attribuer"] button[type="submit"]`),
      ]);
      // A reviewer's grant cannot be limited to a track: refused on the field, the choice kept.
      expect(await page.inputValue('#track')).toBe('communs-numeriques');
      await expectAccessible(page, 400);

      const mail = await running.database.db.selectFrom('mails').select('id').executeTakeFirst();
      await page.goto(`${running.baseUrl}/admin/courriels`);
      await expectAccessible(page, 200);
      if (mail) {
        await page.goto(`${running.baseUrl}/admin/courriels/${mail.id}`);
        await expectAccessible(page, 200);
      }
      await page.goto(`${running.baseUrl}/admin/journal`);
      await expectAccessible(page, 200);
      await page.goto(`${running.baseUrl}/admin/journal/verification`);
      expect(await page.textContent('main')).toContain('Chaîne intacte');
      await expectAccessible(page, 200);

      await page.goto(`${running.baseUrl}/compte`);
      await page.fill('#confirmation', 'non');
      await Promise.all([
        page.waitForLoadState('load'),
        page.click('form[action="/compte/supprimer"] button[type="submit"]'),
      ]);
      await expectAccessible(page, 400);
    } finally {
      await page.close();
    }
  });
});

/** With ProConnect configured, the sign-in page offers the ProConnect button beside the magic link. */
describe.skipIf(!runsPageAudits)('accessibility of the sign-in page with ProConnect (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    // The page only needs to know ProConnect is configured; nothing is asked of the issuer until a click.
    running = await startDemoApp({
      proconnect: {
        issuer: 'http://127.0.0.1:9/proconnect',
        clientId: 'accelerateur',
        clientSecret: 'secret',
        allowInsecure: true,
      },
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('shows the ProConnect button and has no axe violation', async () => {
    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await page.goto(`${running.baseUrl}/connexion`);
    expect(await page.locator('.fr-connect').count()).toBeGreaterThan(0);
    const violations = await runAxe(page);
    if (violations.length > 0) console.log(formatViolations(page.url(), violations));
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});
