import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const base = 'http://localhost:3999';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
const ctx = await browser.newContext({ locale: 'fr-FR' });
const page = await ctx.newPage();
await page.goto(`${base}/connexion`);
await page.fill('input[name="email"]', 'moi@example.fr');
await page.click('form[action="/connexion"] button[type="submit"]');
await page.waitForTimeout(1500);
const log = readFileSync('/tmp/shotserver.log', 'utf8');
const links = [...log.matchAll(/(http:\/\/localhost:3999\/connexion\/lien[^\s"\\]+)/g)].map((m) => m[1]);
await page.goto(links[links.length - 1]);
await page.click('form[action="/connexion/lien"] button[type="submit"]');
await page.waitForTimeout(800);
const seasons = await (await page.goto(`${base}/admin/decisions`)).text();
const ids = [...seasons.matchAll(/href="\/admin\/decisions\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
console.log('seasons', ids);
const urls = process.argv.slice(2).map((u) => u.replace('S2', ids[1] ?? '').replace('S3', ids[0] ?? ''));
for (const url of urls) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    const r = await page.goto(base + url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const name = `/tmp/shot-${url.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}-${width}.png`;
    await page.screenshot({ path: name, fullPage: width === 1280 });
    console.log(r.status(), width, 'overflow', overflow, name);
  }
}
await browser.close();
