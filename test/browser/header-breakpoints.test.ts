import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser } from '../support/users.js';
import {
  hasChromium,
  launchBrowser,
  type RunningApp,
  runsPageAudits,
  signedInContext,
  startTestServer,
} from './browser-support.js';

/**
 * The header at each DSFR breakpoint, for a visitor and for a staff member (whose five tool links crowd
 * it most): the "République française" logo is never cut, nothing sticks out of its box, the page
 * never scrolls sideways. A screenshot of each is kept in the system's temporary folder for a person to look at.
 */
if (!hasChromium) console.log('header breakpoint tests skipped: /usr/bin/chromium is not installed');

const WIDTHS = [320, 768, 1024, 1280, 1440];
const SHOTS = join(tmpdir(), 'accelerateur-header-shots');

interface HeaderGeometry {
  pageOverflow: number;
  /** Pixels of the logo's text hidden by an ancestor that clips (overflow other than visible). */
  logoClipped: number;
  /** Visible header links and buttons whose text overflows their box. */
  cutControls: string[];
}

function headerGeometry(page: Page): Promise<HeaderGeometry> {
  return page.evaluate(() => {
    const logo = document.querySelector('.fr-header .fr-logo');
    let logoClipped = 0;
    if (logo) {
      const range = document.createRange();
      range.selectNodeContents(logo);
      const text = range.getBoundingClientRect();
      for (let box = logo.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflowX === 'visible') continue;
        const clip = box.getBoundingClientRect();
        logoClipped = Math.max(logoClipped, text.right - clip.right, clip.left - text.left);
      }
    }
    const cutControls = [...document.querySelectorAll<HTMLElement>('.fr-header .fr-btn, .fr-header a')]
      .filter((el) => el.offsetParent !== null && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      .map((el) => (el.textContent ?? '').trim());
    const root = document.documentElement;
    return { pageOverflow: root.scrollWidth - root.clientWidth, logoClipped: Math.round(logoClipped), cutControls };
  });
}

describe.skipIf(!runsPageAudits)('the header at every DSFR breakpoint', () => {
  let running: RunningApp;
  let browser: Browser;
  let visitor: BrowserContext;
  let staff: BrowserContext;

  beforeAll(async () => {
    running = await startTestServer();
    browser = await launchBrowser();
    visitor = await browser.newContext({ locale: 'fr-FR' });
    const admin = await createSignedInUser(
      running.database.db,
      running.app.services.clock,
      [{ role: 'admin' }],
      'admin',
    );
    staff = await signedInContext(browser, running.baseUrl, admin.cookie);
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  for (const [who, path] of [
    ['visitor', '/'],
    ['staff', '/admin'],
  ] as const) {
    it(`keeps the logo whole and every control readable for a ${who} on ${path}`, async () => {
      const page = await (who === 'staff' ? staff : visitor).newPage();
      try {
        const problems: string[] = [];
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          const response = await page.goto(`${running.baseUrl}${path}`);
          expect(response?.status(), `${path} status`).toBe(200);
          await page.screenshot({ path: join(SHOTS, `${who}-${width}.png`), clip: { x: 0, y: 0, width, height: 320 } });
          const geometry = await headerGeometry(page);
          if (geometry.pageOverflow > 0)
            problems.push(`${width} px: the page scrolls ${geometry.pageOverflow} px sideways`);
          if (geometry.logoClipped > 0) problems.push(`${width} px: ${geometry.logoClipped} px of the logo's text cut`);
          for (const control of geometry.cutControls) problems.push(`${width} px: "${control}" overflows its box`);
        }
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
