import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExamplePage } from '../../src/core/module.js';
import { assembleSite } from '../../src/core/site.js';
import { modules } from '../../src/modules/index.js';
import { createSignedInUser } from '../support/users.js';
import {
  firstLinkOf,
  formatViolations,
  hasChromium,
  launchBrowser,
  type RunningApp,
  reusedTab,
  runAxe,
  runsPageAudits,
  signedInContext,
  startDemoApp,
} from './browser-support.js';

/**
 * Every page template, in a real Chromium with the demo programme loaded: axe-core finds no WCAG
 * 2.1 A/AA violation, and the strict CSP blocks nothing the page itself needs.
 */
if (!hasChromium)
  console.log('browser accessibility tests skipped: /usr/bin/chromium is not installed (apt-get install chromium)');

/**
 * One page per template, as core and the modules declare them (`Module.examplePages`): a module's new
 * pages are checked without editing this file.
 */
const TEMPLATES: ExamplePage[] = assembleSite(modules).examplePages;

describe.skipIf(!runsPageAudits)('accessibility of every page template (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let anonymous: BrowserContext;
  let staff: BrowserContext;
  let adminCookie: string;

  beforeAll(async () => {
    running = await startDemoApp();
    browser = await launchBrowser();
    anonymous = await browser.newContext({ locale: 'fr-FR' });
    const admin = await createSignedInUser(
      running.database.db,
      running.app.services.clock,
      [{ role: 'admin' }],
      'admin',
    );
    adminCookie = admin.cookie;
    staff = await signedInContext(browser, running.baseUrl, admin.cookie);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /**
   * The address of the template's example: given, or found by following links from a listing. The listings are
   * read as HTML over HTTP, not rendered: loading each in Chromium cost as much as checking a template.
   */
  async function resolveUrl(template: ExamplePage): Promise<string | undefined> {
    if (template.url) return template.url;
    const cookie = template.staff ? adminCookie : undefined;
    let found = await firstLinkOf(running.baseUrl, template.from!.listing, template.from!.link, cookie);
    for (const next of [template.from!.next ?? []].flat()) {
      if (!found) return undefined;
      found = await firstLinkOf(running.baseUrl, found, next, cookie);
    }
    return found;
  }

  it('the harness itself catches a known violation (image without text alternative, page without lang)', async () => {
    const page = await anonymous.newPage();
    try {
      await page.setContent(
        '<html><head><title>t</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
      );
      const ids = (await runAxe(page)).map((v) => v.id);
      expect(ids).toContain('image-alt');
      expect(ids).toContain('html-has-lang');
    } finally {
      await page.close();
    }
  });

  for (const template of TEMPLATES) {
    it(`${template.name} has no WCAG A/AA violation`, async () => {
      // One tab per context, reused from template to template (reusedTab: a new tab cost 41 % more).
      const { page, problems: cspProblems } = await reusedTab(template.staff ? staff : anonymous);
      const url = await resolveUrl(template);
      if (!url) {
        console.log(`browser: ${template.name} skipped — no link found on ${template.from!.listing} (not built yet?)`);
        return;
      }
      const response = await page.goto(`${running.baseUrl}${url}`, { waitUntil: 'load' });
      const status = response?.status() ?? 0;
      if (status === 404 && template.status !== 404) {
        console.log(`browser: ${template.name} skipped — ${url} answers 404 (not built yet?)`);
        return;
      }
      expect(status, `${url} status`).toBe(template.status ?? 200);
      expect(page.url(), `${url} should not redirect to sign-in`).not.toContain('/connexion?retour=');
      const lang = await page.getAttribute('html', 'lang');
      expect(lang, `${url} <html lang>`).toBeTruthy();
      const violations = await runAxe(page);
      if (violations.length > 0) console.log(`axe violations on ${url}:\n${formatViolations(url, violations)}`);
      expect(
        violations.map((v) => `${v.id} (${v.nodes.length} nodes)`),
        `axe violations on ${url}`,
      ).toEqual([]);
      expect(cspProblems, `CSP or script errors on ${url}`).toEqual([]);
      // Every button with a text shows it: none is cut down to its icon (DSFR icon-only styles on a labelled button).
      const clipped = await page.$$eval('.fr-btn', (all) =>
        all
          .filter((b) => (b.textContent ?? '').trim() !== '' && b.clientWidth > 0 && b.scrollWidth > b.clientWidth + 1)
          .map((b) => (b.textContent ?? '').trim()),
      );
      expect(clipped, `buttons showing only their icon on ${url}`).toEqual([]);
      // Every visible button has a label a sighted person can read, not only an icon or a title.
      const unlabelled = await page.$$eval(
        'button, input[type="submit"], input[type="button"], [role="button"], a.fr-btn',
        (all) =>
          all
            .filter((b) =>
              (b as HTMLElement).checkVisibility({
                checkVisibilityCSS: true,
                visibilityProperty: true,
              } as CheckVisibilityOptions),
            )
            // The rendered text (innerText), not textContent: text hidden by CSS is no label for a sighted person.
            // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what this checks
            .filter((b) => ((b as HTMLElement).innerText || (b as HTMLInputElement).value || '').trim() === '')
            .map((b) => b.outerHTML.slice(0, 120)),
      );
      expect(unlabelled, `buttons without a visible label on ${url}`).toEqual([]);
      // No CSRF token in an address: a multipart form carries it as its first field, like any form.
      const forms = await page.$$eval('form', (all) =>
        all.map((form) => ({
          action: form.getAttribute('action') ?? '',
          multipart: form.enctype === 'multipart/form-data',
          first: (form.elements[0] as HTMLInputElement | undefined)?.name ?? '',
        })),
      );
      expect(
        forms.filter((form) => form.action.includes('_csrf=')),
        `token in a form action on ${url}`,
      ).toEqual([]);
      expect(
        forms.filter((form) => form.multipart && form.first !== '_csrf'),
        `multipart form whose first field is not _csrf on ${url}`,
      ).toEqual([]);
    });
  }
});
