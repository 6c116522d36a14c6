import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { seedReportSeason } from '../support/factories/impact.js';
import { expectAxeClean, hasChromium, launchBrowser, type RunningApp, startTestServer } from './browser-support.js';

/**
 * Issue 16's browser test for reading the season report: a reader opens the report, finds the chart with its
 * title, description and the table of the same figures, and downloads the PDF, which parses and names the season.
 */
if (!hasChromium) console.log('browser scenario skipped: /usr/bin/chromium is not installed');

describe.skipIf(!hasChromium)('reading the season report in a browser', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    running = await startTestServer({ clock });
    await seedReportSeason(running.database.db, running.app.services, clock);
    clock.advance(2 * 86_400_000); // past the embargo
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('shows the chart with its title, description and table, axe-clean, and downloads a PDF naming the season', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/saisons/saison-bilan/bilan`);
    expect(await page.locator('h1').textContent()).toBe('Bilan de saison : Saison 7');
    const chart = page.locator('svg[role="img"]').first();
    const labelledBy = (await chart.getAttribute('aria-labelledby'))!.split(' ');
    expect(await page.locator(`[id="${labelledBy[0]}"]`).textContent()).toBe(
      'Stations météo ouvertes : évolution dans le temps',
    );
    expect(await page.locator(`[id="${labelledBy[1]}"]`).textContent()).toMatch(/de 5 à 1\s?234,5 stations/u);
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Stations météo ouvertes' }) });
    expect(await table.locator('tbody tr').count()).toBe(4);

    // With its charts and tables, the report stays axe-clean (the demo's accessibility test has no indicator to draw).
    await expectAxeClean(page, 'season report with charts');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAxeClean(page, 'season report with charts, 320 px');
    await page.setViewportSize({ width: 1280, height: 800 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.fr-download__link')]);
    const bytes = await readFile((await download.path())!);
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(pdf.getTitle()).toContain('Saison 7');
    await context.close();
  }, 60_000);
});
