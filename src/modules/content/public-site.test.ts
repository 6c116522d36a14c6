import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// xml-js comes with `feed`; its strict parser throws on XML that is not well formed.
import { xml2js } from 'xml-js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { applicationsModule } from '../applications/index.js';
import { seasonsModule } from '../seasons/index.js';
import { loadContentDemo } from './demo.js';

describe('public site', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadContentDemo(t.app.services);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, locale?: 'en') =>
    t.app.inject({ method: 'GET', url, headers: locale ? { cookie: 'lang=en' } : {} });

  it.each([
    ['/', 'Accueil'],
    ['/programme', 'Le programme'],
    ['/manifeste', 'Manifeste'],
    ['/actualites', 'Actualités'],
    ['/actualites/neuf-laureats-saison-1', 'Neuf lauréats pour la première saison'],
    ['/partenaires', 'Partenaires'],
    ['/faq', 'Questions fréquentes'],
    ['/mentions-legales', 'Mentions légales'],
    ['/accessibilite', 'Déclaration d’accessibilité'],
    ['/donnees-personnelles', 'Données personnelles et cookies'],
    ['/plan-du-site', 'Plan du site'],
  ])('%s renders in French with its title', async (url, title) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="fr"');
    expect(response.body).toContain(`<title>${title} - `);
  });

  it('renders in English, with French text marked lang="fr" when no translation exists', async () => {
    const home = await get('/', 'en');
    expect(home.body).toContain('<html lang="en"');
    expect(home.body).toContain('Latest news');
    await t.app.services.db
      .updateTable('news')
      .set({ title_en: null })
      .where('slug', '=', 'bilan-premiere-saison')
      .execute();
    t.app.services.pageCache.clear();
    const detail = await get('/actualites/bilan-premiere-saison', 'en');
    expect(detail.body).toMatch(/<h1 lang="fr">Premier bilan/);
    expect(detail.body).toContain('Published on');
  });

  it('home shows the three latest news as cards and the call block', async () => {
    const body = (await get('/')).body;
    expect(body.match(/class="fr-card /g)).toHaveLength(3);
    expect(body).toContain('bilan-premiere-saison');
    expect(body).not.toContain('lancement-premiere-saison');
    expect(body).toContain('Appel à candidatures');
  });

  it('programme lists the five criteria and the eight support levers', async () => {
    const body = (await get('/programme')).body;
    expect(body).toContain('Objectif d’intérêt général');
    expect(body.match(/class="fr-tile /g)).toHaveLength(8);
  });

  it('home announces the open call and programme shows the season calendar, from the seasons module', async () => {
    await seasonsModule.loadDemo!(t.app.services);
    // The seasons' demo leaves the open season a draft until it has a form: the applications' demo gives it
    // one and publishes it, through the applications module's door.
    await applicationsModule.loadDemo!(t.app.services);
    t.app.services.pageCache.clear();
    const home = (await get('/')).body;
    expect(home).toContain('Candidatures ouvertes jusqu’au');
    expect(home).toMatch(/href="\/saisons\/[a-z0-9-]+"/);
    const programme = (await get('/programme')).body;
    expect(programme.match(/<h3 class="fr-h5 fr-mb-1w"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(programme).toContain('Candidatures closes');
    expect(programme).toContain('<time datetime="2021-12-17">');
  });

  it('FAQ questions are DSFR accordions', async () => {
    const body = (await get('/faq')).body;
    expect(body.match(/class="fr-accordion__btn"/g)).toHaveLength(3);
    expect(body).toContain('Qui peut candidater ?');
  });

  it('the accessibility statement says "non conforme" and names the RGAA version and the remedies', async () => {
    const body = (await get('/accessibilite')).body;
    expect(body).toContain('non conforme');
    expect(body).toContain('RGAA');
    expect(body).toContain('4.1.2');
    expect(body).toContain('Défenseur des droits');
    expect(body).toContain('mailto:accessibilite@accelerateur.example');
  });

  it('the privacy page lists only the strictly necessary cookies', async () => {
    const body = (await get('/donnees-personnelles')).body;
    for (const name of ['acc_session', '_csrf', 'lang']) expect(body).toContain(`<code>${name}</code>`);
  });

  it('news detail shows date, categories, lead paragraph, downloadable file and press contact', async () => {
    const body = (await get('/actualites/lancement-premiere-saison')).body;
    expect(body).toContain('<time datetime="2021-12-17">17 décembre 2021</time>');
    expect(body).toContain('Communiqué de presse');
    expect(body).toMatch(/<p class="fr-text--lead">Un appel/);
    expect(body).toContain('Dossier de presse');
    expect(body).toMatch(/PDF – [0-9]+ o</);
    expect(body).toContain('Contact presse');
    expect(body).toContain('mailto:presse@accelerateur.example');
    const href = /href="(\/fichiers\/[^"]+)"/.exec(body)![1];
    const file = await get(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="dossier-de-presse\.pdf"$/);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('drafts, unknown slugs and files of drafts are 404', async () => {
    const { db } = t.app.services;
    // The partners page is the events module's: its CMS page only introduces it.
    await db.updateTable('pages').set({ status: 'draft' }).where('slug', '=', 'partenaires').execute();
    const news = await db
      .updateTable('news')
      .set({ status: 'draft' })
      .where('slug', '=', 'lancement-premiere-saison')
      .returning('id')
      .executeTakeFirstOrThrow();
    const attachment = await db
      .selectFrom('news_attachments')
      .select('url')
      .where('news_id', '=', news.id)
      .executeTakeFirstOrThrow();
    t.app.services.pageCache.clear();
    expect((await get('/partenaires')).body).not.toContain('Le programme est conduit par');
    for (const url of [
      '/actualites/lancement-premiere-saison',
      '/actualites/nexiste-pas',
      '/actualites/Bad..Slug',
      '/pages/nexiste-pas',
      attachment.url,
      '/fichiers/not-a-uuid/x.pdf',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toContain('Page non trouvée');
    }
    expect((await get('/actualites')).body).not.toContain('lancement-premiere-saison');
    await db.updateTable('pages').set({ status: 'published' }).where('slug', '=', 'partenaires').execute();
    await db.updateTable('news').set({ status: 'published' }).where('id', '=', news.id).execute();
    t.app.services.pageCache.clear();
  });

  it('filters by category and tag, with the total count', async () => {
    const byCategory = await get(`/actualites?categorie=${encodeURIComponent('Communiqué de presse')}`);
    expect(byCategory.statusCode).toBe(200);
    expect(byCategory.body).toContain('3 actualités');
    expect(byCategory.body).not.toContain('href="/actualites/rencontre-communs-numeriques"');
    const byTag = await get('/actualites?tag=saison-1');
    expect(byTag.body).toContain('4 actualités');
    const both = await get('/actualites?tag=saison-1&categorie=%C3%89v%C3%A9nement');
    expect(both.body).toContain('0 actualité');
  });

  it('paginates 10 per page; a page beyond the last shows the empty-list message', async () => {
    const { db } = t.app.services;
    for (let i = 0; i < 9; i++) {
      await db
        .insertInto('news')
        .values({
          slug: `brève-${i}`.replace('è', 'e'),
          title: `Brève ${i}`,
          published_at: new Date(Date.UTC(2020, 0, 1 + i)),
          status: 'published',
        })
        .execute();
    }
    t.app.services.pageCache.clear();
    const first = await get('/actualites');
    expect(first.body).toContain('15 actualités');
    expect(first.body.match(/class="fr-card /g)).toHaveLength(10);
    expect(first.body).toContain('href="/actualites?page=2"');
    const second = await get('/actualites?page=2');
    expect(second.body.match(/class="fr-card /g)).toHaveLength(5);
    const beyond = await get('/actualites?page=9');
    expect(beyond.statusCode).toBe(200);
    expect(beyond.body).toContain('Aucune actualité ne correspond');
  });

  it.each([
    '/actualites?page=abc',
    '/actualites?page=0',
    '/actualites?page=-1',
    '/actualites?page=1&page=2',
    '/actualites?tag=a&tag=b',
    `/actualites?categorie=${'x'.repeat(61)}`,
  ])('%s is a 400 page, not a 500', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Requête invalide');
  });

  it('RSS and Atom feeds are valid XML with absolute links', async () => {
    type Node = { _text?: string; _attributes?: Record<string, string> } & Record<string, unknown>;
    const parse = (xml: string) => xml2js(xml, { compact: true }) as Record<string, Node>;
    const rss = await get('/actualites/flux.xml');
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    const channel = (parse(rss.body).rss as Node).channel as Node;
    expect((channel.link as Node)._text).toBe(`${t.config.baseUrl}/actualites`);
    const items = [channel.item as Node[]].flat();
    expect(items.length).toBeGreaterThan(5);
    for (const item of items)
      expect((item.link as Node)._text).toMatch(new RegExp(`^${t.config.baseUrl}/actualites/[a-z0-9-]+$`));

    const atom = await get('/actualites/atom.xml');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    const entries = [(parse(atom.body).feed as Node).entry as Node[]].flat();
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries)
      expect(([entry.link].flat()[0] as Node)._attributes!.href).toMatch(
        new RegExp(`^${t.config.baseUrl}/actualites/`),
      );
  });

  it('loading the demo twice changes nothing', async () => {
    const { db } = t.app.services;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('news')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await loadContentDemo(t.app.services);
    expect(await count()).toBe(before);
  });

  it('lets browsers keep public pages only if they revalidate them: ETag, no-cache, 304 when unchanged', async () => {
    const first = await get('/faq');
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await t.app.inject({
      method: 'GET',
      url: '/faq',
      headers: { 'if-none-match': `"other", W/${etag}` },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Another locale is another page, with its own validator.
    const english = await get('/faq', 'en');
    expect(english.headers.etag).not.toBe(etag);
    // A change to the content gives a new validator, so a browser's copy is replaced at its next visit.
    await t.app.services.db
      .updateTable('pages')
      .set({ body: 'Une seule question.' })
      .where('slug', '=', 'faq')
      .execute();
    t.app.services.pageCache.clear();
    const changed = await t.app.inject({ method: 'GET', url: '/faq', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('sends cached pages compressed as the browser accepts, each form with its own validator, and 304s them', async () => {
    const fetchAs = (acceptEncoding?: string, ifNoneMatch?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/programme',
        headers: {
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
          ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
        },
      });
    const plain = await fetchAs();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const br = await fetchAs('gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, no-cache');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const gzip = await fetchAs('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);
    // q-values: brotli refused, gzip taken; everything refused, the page as it is.
    expect((await fetchAs('br;q=0, gzip;q=0.8')).headers['content-encoding']).toBe('gzip');
    expect((await fetchAs('br;q=0, gzip;q=0')).headers['content-encoding']).toBeUndefined();
    // Three forms, three validators; each revalidates to a bodiless 304 that still says what it varies on.
    const etags = new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]);
    expect(etags.size).toBe(3);
    for (const etag of etags) expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await fetchAs('gzip, deflate, br, zstd', String(br.headers.etag));
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.headers.vary).toBe('Accept-Encoding');
    expect(again.headers.etag).toBe(br.headers.etag);
    expect((await fetchAs('gzip', String(gzip.headers.etag))).statusCode).toBe(304);
    // A browser that now takes another form gets it whole rather than a 304 for bytes it does not have.
    expect((await fetchAs('gzip', String(br.headers.etag))).statusCode).toBe(200);
  });

  it('serves a cached page without reading the database again', async () => {
    // A page read before the cache was consulted would cost a query on every hit. Remove the row behind
    // the cache's back (no change announced): the visitor still gets the cached page; once the cache is
    // cleared, the page is read again and is gone.
    const { db } = t.app.services;
    const url = '/actualites/neuf-laureats-saison-1';
    expect((await get(url)).statusCode).toBe(200);
    await db.deleteFrom('news').where('slug', '=', 'neuf-laureats-saison-1').execute();
    const cached = await get(url);
    expect(cached.statusCode).toBe(200);
    expect(cached.body).toContain('Neuf lauréats pour la première saison');
    t.app.services.pageCache.clear();
    expect((await get(url)).statusCode).toBe(404);
  });
});
