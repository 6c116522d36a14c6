import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ASSETS_DIR } from '../ui/assets.js';

// What a browser downloads beside the pages (scripts/assets.mjs, src/core/ui/assets.ts): fingerprinted URLs kept a
// year, sent in brotli or gzip to those that accept it.
let t: TestApp;
let home: string;
beforeAll(async () => {
  t = await createTestApp();
  home = (await t.app.inject('/')).body;
});
afterAll(() => t.close());

const FINGERPRINTED = /^\/(dsfr|static)\/[0-9a-f]{12}\//;

/** The addresses of the style sheets, scripts, preloads and icon the layout links. */
function linkedAssets(html: string): string[] {
  const urls = [...html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="(\/[^"]+)"/g)].map((m) => m[1]);
  return urls.filter((url) => url.startsWith('/dsfr/') || url.startsWith('/static/'));
}

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('static assets', () => {
  it('are linked by the layout at fingerprinted addresses, each of which answers', async () => {
    const urls = linkedAssets(home);
    // Three style sheets, the font preload, the icon, and three scripts (module, nomodule, ours).
    expect(urls).toHaveLength(8);
    for (const url of urls) {
      expect(url).toMatch(FINGERPRINTED);
      const response = await get(url, 'br, gzip');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
  });

  it('answer in brotli, gzip or as they are, by what the browser accepts, and decompress to the same bytes', async () => {
    const css = linkedAssets(home).find((url) => url.endsWith('/dsfr.min.css'))!;
    const plain = await get(css);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toContain('text/css');
    expect(plain.headers.vary).toBe('accept-encoding');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const br = await get(css, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('text/css');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);

    const gzip = await get(css, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);

    const refused = await get(css, 'br;q=0, gzip;q=0, identity');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.rawPayload.equals(plain.rawPayload)).toBe(true);
  });

  it('sends fonts as they are (woff2 is compressed already), with the year-long cache', async () => {
    const font = linkedAssets(home).find((url) => url.endsWith('/Marianne-Regular.woff2'))!;
    const response = await get(font, 'br, gzip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-type']).toBe('font/woff2');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('preloads the very font file the DSFR style sheet asks for, so the browser uses the preloaded copy', async () => {
    const css = linkedAssets(home).find((url) => url.endsWith('/dsfr.min.css'))!;
    const folder = css.slice(0, -'dsfr.min.css'.length);
    const sheet = (await get(css)).body;
    const preloads = [...home.matchAll(/<link rel="preload"[^>]*>/g)].map((m) => m[0]);
    expect(preloads).toHaveLength(1);
    for (const link of preloads) {
      expect(link).toContain('as="font"');
      expect(link).toContain('type="font/woff2"');
      expect(link).toContain('crossorigin');
      const href = /href="([^"]+)"/.exec(link)![1];
      expect(href.startsWith(`${folder}fonts/`)).toBe(true);
      expect(sheet).toContain(`url(${href.slice(folder.length)})`);
    }
  });

  it('keeps the relative addresses inside the style sheets working under the fingerprinted folder', async () => {
    const icons = linkedAssets(home).find((url) => url.endsWith('/utility/icons/icons.min.css'))!;
    const sheet = (await get(icons)).body;
    const first = /url\(([^)]+\.svg)\)/.exec(sheet)![1].replace(/["']/g, '');
    const icon = new URL(first, `http://x${icons}`).pathname;
    expect(icon).toMatch(FINGERPRINTED);
    const response = await get(icon, 'br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
  });

  it('serves an earlier build’s hash folder too, for pages a process of that build linked (rolling upgrades)', async () => {
    // The build keeps the last two builds' folders beside its own (scripts/assets.mjs); one is made up here.
    const earlier = join(ASSETS_DIR, 'static', 'e0e0e0e0e0e0');
    mkdirSync(earlier, { recursive: true });
    try {
      writeFileSync(join(earlier, 'app.css'), 'body { color: black }');
      const response = await get('/static/e0e0e0e0e0e0/app.css');
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('body { color: black }');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await get('/static/e0e0e0e0e0e0/missing.css')).statusCode).toBe(404);
    } finally {
      rmSync(earlier, { recursive: true, force: true });
    }
  });

  it('still answers the plain, unfingerprinted addresses, with a short cache', async () => {
    for (const url of ['/dsfr/dsfr.min.css', '/static/app.css']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('public, max-age=3600');
    }
  });

  it('compresses a page rendered for each request when the browser accepts it, and only then', async () => {
    const compressed = await get('/connexion', 'gzip, deflate, br, zstd');
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.vary).toContain('accept-encoding');
    const html = gunzipSync(compressed.rawPayload).toString();
    expect(html).toContain('<html lang="fr"');
    expect(compressed.rawPayload.length).toBeLessThan(html.length / 2);
    const plain = await get('/connexion');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('<html lang="fr"');
    expect((await get('/connexion', 'br')).headers['content-encoding']).toBeUndefined();
  });
});
