import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import { formBody, formSession, submitForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';

const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('staff CMS', () => {
  let t: TestApp;
  let staff: SignedInUser;
  let applicant: SignedInUser;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await createSignedInUser(t.database.db, t.clock, [{ role: 'staff' }]);
    applicant = await createSignedInUser(t.database.db, t.clock, [{ role: 'applicant' }]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const anonymousGet = (url: string) => t.app.inject({ method: 'GET', url });
  async function post(url: string, fields: Record<string, string>, session?: { cookie: string; csrf: string }) {
    return submitForm(t.app, session ?? (await formSession(t.app, staff.cookie, '/admin/contenus')), url, fields);
  }
  const newsCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('news')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const validNews = {
    title: 'Ouverture des candidatures',
    slug: 'ouverture-candidatures',
    published_at: '2026-03-02',
    chapeau: 'Un appel est ouvert.',
    body: 'Texte **important** de l’annonce.',
    categories: 'Actualité, Événement, Actualité',
    tags: 'appel',
  };

  it('every CMS route refuses anonymous visitors and applicants', async () => {
    const routes = t.app.services.routes.filter((r) => r.permission === 'content.manage');
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const route of routes) {
      const url = route.url.replace(':attachmentId', id).replace(':id', id);
      const anonymous = await t.app.inject({ method: route.method as 'GET', url });
      if (route.method === 'GET') {
        expect(anonymous.statusCode, url).toBe(303);
        expect(anonymous.headers.location).toMatch(/^\/connexion\?retour=/);
      } else {
        expect(anonymous.statusCode, url).toBe(401);
      }
      const asApplicant = await t.app.inject({
        method: route.method as 'GET',
        url,
        headers: { cookie: applicant.cookie },
      });
      expect(asApplicant.statusCode, url).toBe(403);
    }
  });

  it('create → preview → save → publish → visible → unpublish → 404, with the page cache following', async () => {
    const before = await newsCount();
    // Anonymous visitors fill the cache first.
    expect((await anonymousGet('/actualites')).body).not.toContain('Ouverture des candidatures');

    const form = await formSession(t.app, staff.cookie, '/admin/contenus/actualites/nouvelle');
    const preview = await post('/admin/contenus/actualites', { ...validNews, action: 'preview' }, form);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Aperçu (non enregistré)');
    expect(preview.body).toContain('Texte <strong>important</strong> de l’annonce.');
    expect(preview.body).toContain('value="ouverture-candidatures"');
    expect(await newsCount()).toBe(before);

    const saved = await post('/admin/contenus/actualites', { ...validNews, action: 'save' }, form);
    expect(saved.statusCode).toBe(303);
    const editUrl = saved.headers.location!.split('?')[0];
    expect(editUrl).toMatch(/^\/admin\/contenus\/actualites\/[0-9a-f-]{36}$/);
    const edit = await t.app.inject({ method: 'GET', url: saved.headers.location!, headers: { cookie: staff.cookie } });
    expect(edit.body).toContain('Les modifications ont été enregistrées.');
    expect(edit.body).toContain('value="Actualité, Événement"');
    expect(edit.body).toContain('Brouillon');

    expect((await anonymousGet('/actualites/ouverture-candidatures')).statusCode).toBe(404);
    const published = await post(`${editUrl}/publier`, {}, form);
    expect(published.statusCode).toBe(303);
    const page = await anonymousGet('/actualites/ouverture-candidatures');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<time datetime="2026-03-02">');
    expect((await anonymousGet('/actualites')).body).toContain('Ouverture des candidatures');
    expect((await anonymousGet('/actualites/flux.xml')).body).toContain('/actualites/ouverture-candidatures');

    expect((await post(`${editUrl}/depublier`, {}, form)).statusCode).toBe(303);
    expect((await anonymousGet('/actualites/ouverture-candidatures')).statusCode).toBe(404);
    expect((await anonymousGet('/actualites')).body).not.toContain('Ouverture des candidatures');

    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'news')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['news.create', 'news.publish', 'news.unpublish']);
  });

  it('bad input re-renders the form with field errors, values kept, status 400', async () => {
    const before = await newsCount();
    const response = await post('/admin/contenus/actualites', {
      title: '',
      slug: 'Pas Un Slug',
      published_at: '2026-02-31',
      body: 'gardé',
      image_url: 'javascript:alert(1)',
      press_email: 'pas-une-adresse',
      press_phone: 'abc',
      tags: 'x'.repeat(61),
      action: 'save',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Le formulaire contient des erreurs');
    for (const field of ['title', 'slug', 'published_at', 'image_url', 'press_email', 'press_phone', 'tags']) {
      expect(response.body, field).toContain(`id="${field}-error"`);
    }
    expect(response.body).toContain('>gardé</textarea>');
    expect(response.body).toContain('value="Pas Un Slug"');
    expect(await newsCount()).toBe(before);

    const noAlt = await post('/admin/contenus/actualites', {
      ...validNews,
      slug: 'avec-image',
      image_url: '/static/x.png',
      action: 'save',
    });
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('le texte alternatif est obligatoire');
  });

  it('the same creation sent twice yields one record', async () => {
    const form = await formSession(t.app, staff.cookie, '/admin/contenus/actualites/nouvelle');
    const fields = { ...validNews, slug: 'double-clic', action: 'save' };
    const [first, second] = await Promise.all([
      post('/admin/contenus/actualites', fields, form),
      post('/admin/contenus/actualites', fields, form),
    ]);
    const third = await post('/admin/contenus/actualites', fields, form);
    for (const response of [first, second, third]) expect(response.statusCode).toBe(303);
    expect(new Set([first, second, third].map((r) => r.headers.location)).size).toBe(1);
    const rows = await t.database.db.selectFrom('news').select('id').where('slug', '=', 'double-clic').execute();
    expect(rows).toHaveLength(1);
  });

  it('a slug already used is a field error', async () => {
    const first = await post('/admin/contenus/actualites', { ...validNews, slug: 'doublon', action: 'save' });
    expect(first.statusCode).toBe(303);
    const second = await post('/admin/contenus/actualites', {
      ...validNews,
      title: 'Autre',
      slug: 'doublon',
      action: 'save',
    });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('Cette adresse est déjà utilisée');
    expect(second.body).toContain('value="Autre"');
  });

  it('XSS payloads in every text field are shown escaped, in the CMS and on the site', async () => {
    const fields = {
      title: XSS,
      title_en: XSS,
      slug: 'xss',
      chapeau: XSS,
      chapeau_en: XSS,
      body: `${XSS}\n\n[lien](javascript:alert(1))`,
      body_en: XSS,
      categories: XSS.slice(0, 40),
      tags: '<b>gras</b>',
      image_url: '/fichiers/x"onerror="alert(1)',
      image_alt: XSS,
      press_name: XSS,
      press_organisation: XSS,
      press_email: 'presse@example.org',
      press_phone: '01 02 03 04 05',
      action: 'save',
    };
    const saved = await post('/admin/contenus/actualites', fields);
    expect(saved.statusCode).toBe(303);
    const editUrl = saved.headers.location!.split('?')[0];
    const edit = await t.app.inject({ method: 'GET', url: editUrl, headers: { cookie: staff.cookie } });
    const preview = await post(editUrl, { ...fields, action: 'preview' });
    await post(`${editUrl}/publier`, {});
    const pages = [
      edit.body,
      preview.body,
      (await anonymousGet('/actualites/xss')).body,
      (await t.app.inject({ method: 'GET', url: '/actualites/xss', headers: { cookie: 'lang=en' } })).body,
      (await anonymousGet('/actualites')).body,
      (await anonymousGet('/')).body,
      (await t.app.inject({ method: 'GET', url: '/admin/contenus', headers: { cookie: staff.cookie } })).body,
    ];
    for (const page of pages) {
      // Inside a quoted attribute value (where `"` is escaped) markup is inert: look at the rest.
      const body = page.replace(/="[^"]*"/g, '=""');
      expect(page).not.toContain('"onerror="');
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img src=x');
      expect(body).not.toContain('<b>gras</b>');
      expect(page).not.toContain('href="javascript:');
    }
    expect(pages[0]).toContain('&lt;script>alert(');
    expect(pages[2]).toContain('&lt;script>alert(');
    for (const url of ['/actualites/flux.xml', '/actualites/atom.xml']) {
      const feed = (await anonymousGet(url)).body;
      expect(feed).not.toContain('<script>alert');
      expect(() => xml2js(feed), url).not.toThrow();
    }
  });

  it('pages: create, preview, publish at /pages/<slug>, unpublish', async () => {
    const form = await formSession(t.app, staff.cookie, '/admin/contenus/pages/nouvelle');
    const preview = await post(
      '/admin/contenus/pages',
      { title: 'Nos engagements', body: '## Un\n\nTexte', action: 'preview' },
      form,
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<h2>Un</h2>');
    const saved = await post(
      '/admin/contenus/pages',
      { title: 'Nos engagements', body: 'Texte', title_en: 'Our commitments', action: 'save' },
      form,
    );
    expect(saved.statusCode).toBe(303);
    const editUrl = saved.headers.location!.split('?')[0];
    expect((await anonymousGet('/pages/nos-engagements')).statusCode).toBe(404);
    await post(`${editUrl}/publier`, {}, form);
    const page = await anonymousGet('/pages/nos-engagements');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Nos engagements</h1>');
    expect((await anonymousGet('/plan-du-site')).body).toContain('/pages/nos-engagements');
    const english = await t.app.inject({
      method: 'GET',
      url: '/pages/nos-engagements',
      headers: { cookie: 'lang=en' },
    });
    expect(english.body).toContain('<h1>Our commitments</h1>');
    expect(english.body).toContain('<div class="acc-prose" lang="fr">');
    await post(`${editUrl}/depublier`, {}, form);
    expect((await anonymousGet('/pages/nos-engagements')).statusCode).toBe(404);

    const clash = await post(
      '/admin/contenus/pages',
      { title: 'Autre', slug: 'nos-engagements', action: 'save' },
      form,
    );
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('Cette adresse est déjà utilisée');
  });

  it('unknown ids are 404 for staff, and a form without CSRF token is refused', async () => {
    const missing = await t.app.inject({
      method: 'GET',
      url: '/admin/contenus/actualites/00000000-0000-4000-8000-000000000000',
      headers: { cookie: staff.cookie },
    });
    expect(missing.statusCode).toBe(404);
    const notUuid = await t.app.inject({
      method: 'GET',
      url: '/admin/contenus/pages/abc',
      headers: { cookie: staff.cookie },
    });
    expect(notUuid.statusCode).toBe(404);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/admin/contenus/actualites',
      headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ ...validNews, slug: 'sans-jeton', action: 'save' }).payload,
    });
    expect(noToken.statusCode).toBe(403);
  });
});
