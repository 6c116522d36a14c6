import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession, submitForm, TINY_PNG } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { seasonSummaries, seasonsModule } from '../../seasons/index.js';
import { publicPartners } from '../index.js';
import { loadPartnersDemo } from './demo.js';
import { demoLogoPng } from './demo-logo.js';

/** Partners through their routes: staff's CRUD with its audit, order, publishing, logo checks, the public page. */

let t: TestApp;
let staff: SignedInUser;
let applicant: SignedInUser;
let seasonIds: Record<number, string> = {};
const db = () => t.app.services.db;
const BASE = '/admin/partenaires';

beforeAll(async () => {
  t = await createTestApp();
  staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'staff');
  applicant = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }], 'applicant');
  await seasonsModule.loadDemo!(t.app.services);
  seasonIds = Object.fromEntries((await seasonSummaries(db())).map((s) => [s.number, s.id]));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

type Fields = Record<string, string | string[]>;
type Upload = { name: string; type: string; data: Buffer };

/** Posts a partner's form as a browser does: multipart, every field (repeated ones too), the logo if any. */
async function postPartner(pageUrl: string, url: string, fields: Fields, logo?: Upload) {
  const session = await formSession(t.app, staff.cookie, pageUrl);
  const boundary = `----partner${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: session.csrf, ...fields }))
    for (const one of ([] as string[]).concat(value))
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${one}\r\n`));
  const file = logo ?? { name: '', type: 'application/octet-stream', data: Buffer.alloc(0) };
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(chunks),
  });
}

const create = (fields: Fields, logo?: Upload) => postPartner(`${BASE}/nouveau`, `${BASE}/nouveau`, fields, logo);
const edit = (id: string, fields: Fields, logo?: Upload) =>
  postPartner(`${BASE}/${id}/modifier`, `${BASE}/${id}/modifier`, fields, logo);
const action = async (id: string, verb: string) =>
  submitForm(t.app, await formSession(t.app, staff.cookie, BASE), `${BASE}/${id}/${verb}`, {});

const row = (name: string) => db().selectFrom('partners').selectAll().where('name', '=', name).executeTakeFirst();
const audits = (id: string) =>
  db().selectFrom('audit_events').select(['action', 'actor_id']).where('subject_id', '=', id).orderBy('seq').execute();
const fileExists = async (id: string) =>
  (await db().selectFrom('files').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
const png = (data: Buffer = TINY_PNG): Upload => ({ name: 'logo.png', type: 'image/png', data });

describe('partners', () => {
  it('are staff’s only', async () => {
    expect((await get(BASE)).statusCode).toBe(303);
    expect((await get(BASE, applicant.cookie)).statusCode).toBe(403);
    expect((await get(`${BASE}/nouveau`, applicant.cookie)).statusCode).toBe(403);
    expect((await get(BASE, staff.cookie)).statusCode).toBe(200);
  });

  it('are created, published, edited, their logo replaced and removed, unpublished and deleted, each change audited', async () => {
    const created = await create(
      {
        name: 'Fondation Test',
        kind: 'foundation',
        description: 'Soutient les communs.',
        description_en: 'Supports commons.',
        website: 'https://fondation.example.org',
        logo_alt: 'Logo de la Fondation Test',
        seasons: [seasonIds[1]!, seasonIds[2]!],
      },
      png(),
    );
    expect(created.statusCode).toBe(303);
    const partner = (await row('Fondation Test'))!;
    expect(partner).toMatchObject({
      kind: 'foundation',
      published: false,
      version: 1,
      website: 'https://fondation.example.org',
    });
    expect(partner.season_ids.sort()).toEqual([seasonIds[1], seasonIds[2]].sort());
    const firstLogo = partner.logo_file_id!;
    expect(firstLogo).toBeTruthy();

    // Unpublished: neither the partner nor its logo is public; staff see the logo.
    expect((await get('/partenaires')).body).not.toContain('Fondation Test');
    expect((await get(`/partenaires/${partner.id}/logo`)).statusCode).toBe(404);
    const preview = await get(`${BASE}/${partner.id}/logo`, staff.cookie);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['cache-control']).toBe('private, no-store');

    expect((await action(partner.id, 'publier')).statusCode).toBe(303);
    const page = await get('/partenaires');
    expect(page.body).toContain('Fondation Test');
    expect(page.body).toContain('Soutient les communs.');
    expect(page.body).toMatch(/<h2 id="partenaires-foundation">\s*Fondations/);
    expect(page.body).toContain(`src="/partenaires/${partner.id}/logo"`);
    expect(page.body).toContain('alt="Logo de la Fondation Test"');
    expect(page.body).toMatch(/href="https:\/\/fondation\.example\.org"[^>]*target="_blank"[^>]*rel="noopener"/);
    expect(page.body).toContain('Saison 1 — la première promotion, Saison 2');
    expect((await t.app.inject({ url: '/partenaires', headers: { cookie: 'lang=en' } })).body).toContain(
      'Supports commons.',
    );
    const logo = await get(`/partenaires/${partner.id}/logo`);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.headers['cache-control']).toBe('public, no-cache');
    expect(logo.rawPayload.equals(TINY_PNG)).toBe(true);
    const again = await t.app.inject({
      url: `/partenaires/${partner.id}/logo`,
      headers: { 'if-none-match': String(logo.headers.etag) },
    });
    expect(again.statusCode).toBe(304);

    // Edited at its version, the logo replaced: the old file goes.
    const newLogo = demoLogoPng([10, 20, 30], 'disc');
    const edited = await edit(
      partner.id,
      {
        name: 'Fondation Test',
        kind: 'foundation',
        description: 'Nouveau texte.',
        logo_alt: 'Nouveau logo',
        version: '1',
      },
      png(newLogo),
    );
    expect(edited.statusCode).toBe(303);
    const afterEdit = (await row('Fondation Test'))!;
    expect(afterEdit).toMatchObject({
      version: 2,
      description: 'Nouveau texte.',
      description_en: '',
      season_ids: [],
      logo_alt: 'Nouveau logo',
    });
    expect(afterEdit.logo_file_id).not.toBe(firstLogo);
    expect(await fileExists(firstLogo)).toBe(false);
    expect((await get(`/partenaires/${partner.id}/logo`)).rawPayload.equals(newLogo)).toBe(true);
    expect((await get('/partenaires')).body).toContain('Nouveau texte.');
    expect((await get('/partenaires')).body).toContain('Toutes les saisons');

    // The logo removed: no logo on the page, the file gone, no alternative text needed.
    const removed = await edit(partner.id, {
      name: 'Fondation Test',
      kind: 'foundation',
      remove_logo: 'on',
      logo_alt: '',
      version: '2',
    });
    expect(removed.statusCode).toBe(303);
    const noLogo = (await row('Fondation Test'))!;
    expect(noLogo).toMatchObject({ logo_file_id: null, logo_alt: '', version: 3 });
    expect(await fileExists(afterEdit.logo_file_id!)).toBe(false);
    expect((await get(`/partenaires/${partner.id}/logo`)).statusCode).toBe(404);

    expect((await action(partner.id, 'depublier')).statusCode).toBe(303);
    expect((await get('/partenaires')).body).not.toContain('Fondation Test');

    const confirm = await get(`${BASE}/${partner.id}/supprimer`, staff.cookie);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Supprimer définitivement');
    expect(await row('Fondation Test')).toBeDefined();
    expect((await action(partner.id, 'supprimer')).statusCode).toBe(303);
    expect(await row('Fondation Test')).toBeUndefined();
    expect((await action(partner.id, 'supprimer')).statusCode).toBe(404);
    expect((await get(`${BASE}/${partner.id}/modifier`, staff.cookie)).statusCode).toBe(404);

    expect((await audits(partner.id)).map((a) => a.action)).toEqual([
      'partners.create',
      'partners.publish',
      'partners.update',
      'partners.update',
      'partners.unpublish',
      'partners.delete',
    ]);
    expect((await audits(partner.id)).every((a) => a.actor_id === staff.id)).toBe(true);
  });

  it('keep staff’s order, moved up and down without JavaScript, on the public page within each kind', async () => {
    for (const name of ['Ordre A', 'Ordre B', 'Ordre C'])
      expect((await create({ name, kind: 'association', published: 'on' })).statusCode).toBe(303);
    const ids = await Promise.all(['Ordre A', 'Ordre B', 'Ordre C'].map(async (n) => (await row(n))!.id));
    const order = async () => {
      const body = (await get('/partenaires')).body;
      return ['Ordre A', 'Ordre B', 'Ordre C'].sort((a, b) => body.indexOf(a) - body.indexOf(b));
    };
    expect(await order()).toEqual(['Ordre A', 'Ordre B', 'Ordre C']);
    expect((await action(ids[0]!, 'descendre')).statusCode).toBe(303);
    expect(await order()).toEqual(['Ordre B', 'Ordre A', 'Ordre C']);
    expect((await action(ids[2]!, 'monter')).statusCode).toBe(303);
    expect(await order()).toEqual(['Ordre B', 'Ordre C', 'Ordre A']);
    // The first cannot go up: nothing changes.
    expect((await action(ids[1]!, 'monter')).statusCode).toBe(303);
    expect(await order()).toEqual(['Ordre B', 'Ordre C', 'Ordre A']);
    const list = (await get(BASE, staff.cookie)).body;
    expect(list.indexOf('Ordre B')).toBeLessThan(list.indexOf('Ordre C'));
    expect(list).toContain(`action="${BASE}/${ids[0]}/monter"`);
    expect(list).not.toContain(`action="${BASE}/${ids[0]}/descendre"`);
    expect((await audits(ids[0]!)).map((a) => a.action)).toContain('partners.move');
    expect((await action('00000000-0000-4000-8000-000000000000', 'monter')).statusCode).toBe(404);
  });

  it('refuse a logo that is not a PNG, JPEG or WebP image, or too large, or without alternative text, on the field', async () => {
    const fields = { name: 'Logo Refusé', kind: 'company', description: 'Ce que j’ai tapé', logo_alt: 'Un logo' };
    const svg = await create(fields, {
      name: 'logo.svg',
      type: 'image/svg+xml',
      data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    expect(svg.statusCode).toBe(415);
    expect(svg.body).toContain('n’est pas une image PNG, JPEG ou WebP');
    expect(svg.body).toContain('id="logo-error"');
    expect(svg.body).toContain('value="Logo Refusé"');
    expect(svg.body).toContain('Ce que j’ai tapé');
    const gif = await create(fields, {
      name: 'logo.png',
      type: 'image/png',
      data: Buffer.from('GIF89a\x01\x00\x01\x00'),
    });
    expect(gif.statusCode).toBe(415);
    const pdf = await create(fields, { name: 'logo.png', type: 'image/png', data: Buffer.from('%PDF-1.4 x') });
    expect(pdf.statusCode).toBe(415);
    const large = Buffer.concat([TINY_PNG, Buffer.alloc(1_000_001)]);
    const tooLarge = await create(fields, png(large));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.body).toContain('Le logo ne doit pas dépasser 1 Mo.');
    expect(tooLarge.body).toContain('value="Logo Refusé"');
    const noAlt = await create({ ...fields, logo_alt: '' }, png());
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('Décrivez le logo');
    expect(noAlt.body).toContain('choisissez-le à nouveau');
    expect(await row('Logo Refusé')).toBeUndefined();
    expect(await db().selectFrom('files').select('id').where('purpose', '=', 'events').execute()).toHaveLength(0);
  });

  it('refuse a website that is not http(s), too long fields, an unknown kind or season, a taken name', async () => {
    for (const website of ['javascript:alert(1)', 'ftp://example.org', 'exemple.fr', '/partenaires', 'https://']) {
      const bad = await create({ name: 'Site Mauvais', kind: 'company', website });
      expect(bad.statusCode, website).toBe(400);
      expect(bad.body).toContain('commençant par https:// ou http://');
    }
    const long = await create({
      name: 'N'.repeat(201),
      kind: 'company',
      description: 'd'.repeat(2001),
      logo_alt: 'a'.repeat(301),
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('ne doit pas dépasser 200 caractères');
    expect(long.body).toContain('ne doit pas dépasser 2000 caractères');
    expect(long.body).toContain('ne doit pas dépasser 300 caractères');
    const kind = await create({ name: 'Sans Catégorie', kind: 'ministry' });
    expect(kind.statusCode).toBe(400);
    const season = await create({
      name: 'Saison Inconnue',
      kind: 'company',
      seasons: '00000000-0000-4000-8000-000000000000',
    });
    expect(season.statusCode).toBe(400);
    expect(season.body).toContain('Choisissez parmi les saisons proposées.');
    const missing = await create({ kind: 'company' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Ce champ est obligatoire.');
    expect((await create({ name: 'Nom Pris', kind: 'company' })).statusCode).toBe(303);
    const taken = await create({ name: 'nom pris', kind: 'association' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Un partenaire porte déjà ce nom.');
  });

  it('answer 409 to a stale edit, keeping what was typed with the version to save over', async () => {
    expect((await create({ name: 'Concurrence', kind: 'company' })).statusCode).toBe(303);
    const { id } = (await row('Concurrence'))!;
    expect(
      (await edit(id, { name: 'Concurrence', kind: 'company', description: 'Premier', version: '1' })).statusCode,
    ).toBe(303);
    const stale = await edit(id, {
      name: 'Concurrence',
      kind: 'company',
      description: 'Mon texte à moi',
      version: '1',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Quelqu’un a modifié ce partenaire');
    expect(stale.body).toContain('Mon texte à moi');
    expect(stale.body).toContain('name="version" value="2"');
    expect((await row('Concurrence'))!.description).toBe('Premier');
    const retried = await edit(id, {
      name: 'Concurrence',
      kind: 'company',
      description: 'Mon texte à moi',
      version: '2',
    });
    expect(retried.statusCode).toBe(303);
    expect((await row('Concurrence'))!).toMatchObject({ description: 'Mon texte à moi', version: 3 });
  });

  it('escape HTML typed in fields, on the public page and staff’s', async () => {
    expect(
      (
        await create({
          name: '<script>alert(1)</script> Asso',
          kind: 'association',
          description: '<img src=x onerror=alert(2)>',
          website: 'https://example.org/?a="><b>',
          published: 'on',
        })
      ).statusCode,
    ).toBe(303);
    for (const body of [(await get('/partenaires')).body, (await get(BASE, staff.cookie)).body]) {
      // Attribute values may hold '<' (inert inside quotes) but never a quote that would end them.
      const markup = body.replace(/="[^"]*"/g, '=""');
      expect(markup).not.toContain('<script>alert(1)</script>');
      expect(markup).not.toContain('<img src=x');
      expect(markup).not.toContain('<b>');
      expect(body).toContain('&lt;script>alert(1)&lt;/script> Asso');
    }
    expect((await get('/partenaires')).body).toContain('href="https://example.org/?a=&#34;><b>"');
  });

  it('filter the public page by season (a partner of every season in each), and say when the season is unknown', async () => {
    await create({ name: 'Seulement Saison Un', kind: 'company', seasons: seasonIds[1]!, published: 'on' });
    await create({ name: 'Toutes Saisons', kind: 'company', published: 'on' });
    const one = (await get('/partenaires?saison=saison-1')).body;
    expect(one).toContain('Seulement Saison Un');
    expect(one).toContain('Toutes Saisons');
    expect(one).toMatch(/<option value="saison-1" selected/);
    const two = (await get('/partenaires?saison=saison-2')).body;
    expect(two).not.toContain('Seulement Saison Un');
    expect(two).toContain('Toutes Saisons');
    const unknown = await get('/partenaires?saison=nope');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('Cette saison n’existe pas');
    expect(unknown.body).toContain('Seulement Saison Un');
    // The read model for the open data: published partners, public fields only.
    const open = await publicPartners(db(), { seasonId: seasonIds[2]! });
    expect(open.map((p) => p.name)).toContain('Toutes Saisons');
    expect(open.map((p) => p.name)).not.toContain('Seulement Saison Un');
    expect(Object.keys(open[0]!).sort()).toEqual(
      ['description', 'descriptionEn', 'id', 'kind', 'logoAlt', 'logoUrl', 'name', 'seasonIds', 'website'].sort(),
    );
    expect((await publicPartners(db())).map((p) => p.name)).not.toContain('Concurrence');
  });

  it('load the demo once: seven partners of the four kinds, one unpublished, logos served as PNG', async () => {
    await loadPartnersDemo(t.app.services);
    await loadPartnersDemo(t.app.services);
    const demo = await db().selectFrom('partners').selectAll().where('name', 'like', '%Fondation pour%').execute();
    expect(demo).toHaveLength(1);
    const kinds = new Set((await publicPartners(db())).map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['administration', 'association', 'company', 'foundation']);
    const withLogo = (await publicPartners(db())).find((p) => p.logoUrl)!;
    const logo = await get(withLogo.logoUrl!);
    expect(logo.headers['content-type']).toBe('image/png');
    expect((await get('/partenaires')).body).not.toContain('Savoirs en Commun');
  });
});
