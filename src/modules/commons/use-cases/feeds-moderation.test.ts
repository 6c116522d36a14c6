import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import { formSession, postForm, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { insertNeed, insertUseCase } from '../testing.js';
import { type Space, seedSpace } from './testing.js';

type Node = Record<string, unknown> & { _text?: string; _attributes?: Record<string, string> };

let t: TestApp;
let space: Space;
let staff: SignedInUser;
let limitedStaff: SignedInUser;
let partner: SignedInUser;
const db = () => t.app.services.db;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ baseUrl: 'https://acc.example.fr' });
  t.clock.set('2026-05-04T10:00:00Z');
  staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe');
  limitedStaff = await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'communs-numeriques' }], 'limite');
  partner = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'agent');
  space = await seedSpace(db(), t.clock, { membersA: [partner.id], membersB: [], maintainers: [] });
  const at = (minutes: number) => new Date(t.clock.now().getTime() + minutes * 60_000);
  ids.first = await insertUseCase(db(), at(1), {
    administrationId: space.administrationA,
    commonsId: space.umap,
    title: 'Cartes & <données> "ouvertes"',
  });
  ids.second = await insertUseCase(db(), at(2), {
    administrationId: space.administrationA,
    commonsId: space.openFoodFacts,
    title: 'Menus des cantines',
    status: 'production',
  });
  ids.members = await insertUseCase(db(), at(3), {
    administrationId: space.administrationA,
    commonsId: space.umap,
    title: 'Cas pour les membres',
    visibility: 'members',
  });
  ids.need = await insertNeed(db(), at(4), {
    side: 'administration',
    ownerId: space.administrationA,
    title: 'Besoin public',
  });
  ids.membersNeed = await insertNeed(db(), at(5), {
    side: 'commons',
    ownerId: space.umap,
    title: 'Offre pour les membres',
    kind: 'offer',
    category: 'hosting',
    visibility: 'members',
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = (url: string, who?: SignedInUser) =>
  t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

function parseFeed(xml: string) {
  const root = (xml2js(xml, { compact: true }) as { feed: Node }).feed;
  const entries = [root.entry ?? []].flat() as Node[];
  return { root, entries };
}

const text = (node: unknown) => (node as Node)._text;

describe('Atom feeds', () => {
  it('the use cases feed is valid Atom with public entries only, newest first, urn:uuid ids and absolute links', async () => {
    const response = await get('/cooperation/cas-d-usage.atom', partner);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/atom+xml');
    const { root, entries } = parseFeed(response.body);
    expect(root._attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(text(root.id)).toBe('https://acc.example.fr/cooperation/cas-d-usage');
    expect(text(root.updated)).toMatch(/^\d{4}-\d\d-\d\dT/);
    const links = [root.link].flat() as Node[];
    expect(links.map((l) => [l._attributes?.rel, l._attributes?.href])).toEqual([
      ['self', 'https://acc.example.fr/cooperation/cas-d-usage.atom'],
      ['alternate', 'https://acc.example.fr/cooperation/cas-d-usage'],
    ]);
    expect(entries.map((e) => text(e.id))).toEqual([`urn:uuid:${ids.second}`, `urn:uuid:${ids.first}`]);
    const first = entries[1]!;
    expect(text(first.title)).toBe('Cartes & <données> "ouvertes"');
    expect((first.link as Node)._attributes?.href).toBe(`https://acc.example.fr/cooperation/cas-d-usage/${ids.first}`);
    expect(text(first.summary)).toContain('Exploration');
    expect(text(first.updated)).toBeTruthy();
    expect(text((first.author as Node).name)).toContain('Mairie de Rennes');
  });

  it('the needs feed holds public needs and offers; the lists announce their feed', async () => {
    const { entries } = parseFeed((await get('/cooperation/besoins.atom')).body);
    expect(entries.map((e) => text(e.id))).toEqual([`urn:uuid:${ids.need}`]);
    for (const [list, feed] of [
      ['/cooperation/cas-d-usage', '/cooperation/cas-d-usage.atom'],
      ['/cooperation/besoins', '/cooperation/besoins.atom'],
    ])
      expect((await get(list)).body).toMatch(
        new RegExp(
          `<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${feed.replace('.', '\\.')}"`,
        ),
      );
  });

  it('holds at most 50 entries', async () => {
    for (let i = 0; i < 52; i++)
      await insertNeed(db(), new Date(t.clock.now().getTime() + (10 + i) * 60_000), {
        side: 'commons',
        ownerId: space.umap,
        title: `Besoin en série ${i}`,
      });
    const { entries } = parseFeed((await get('/cooperation/besoins.atom')).body);
    expect(entries).toHaveLength(50);
    expect(text(entries[0]!.title)).toBe('Besoin en série 51');
  });
});

describe('staff moderation of the publications', () => {
  it('is for staff (any track: cooperation is not per track); members of the space and visitors are refused', async () => {
    expect((await get('/admin/cooperation/publications', staff)).statusCode).toBe(200);
    expect((await get('/admin/cooperation/publications', limitedStaff)).statusCode).toBe(200);
    expect((await get('/admin/cooperation/publications', partner)).statusCode).toBe(403);
    expect((await get('/admin/cooperation/publications')).statusCode).toBe(303);
    const page = await get('/admin/cooperation/publications?type=besoins&q=membres', staff);
    expect(page.body).toContain('Offre pour les membres');
    expect(page.body).not.toContain('Menus des cantines');
  });

  it('hides with a reason (required): the item leaves lists, pages and feeds, staff see why; restoring brings it back', async () => {
    const url = `/admin/cooperation/publications/cas-d-usage/${ids.second}/masquer`;
    const noReason = await postForm(t.app, staff.cookie, '/admin/cooperation/publications', url, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Indiquez le motif de cette décision.');
    expect(
      (
        await db()
          .selectFrom('commons_use_cases')
          .select('hidden')
          .where('id', '=', ids.second)
          .executeTakeFirstOrThrow()
      ).hidden,
    ).toBe(false);
    const hidden = await postForm(t.app, staff.cookie, '/admin/cooperation/publications', url, {
      reason: 'Publié deux fois',
    });
    expect(hidden.statusCode).toBe(303);
    expect(
      await db()
        .selectFrom('commons_use_cases')
        .select(['hidden', 'hidden_reason'])
        .where('id', '=', ids.second)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      hidden: true,
      hidden_reason: 'Publié deux fois',
    });
    expect((await get(`/cooperation/cas-d-usage/${ids.second}`)).statusCode).toBe(404);
    expect((await get(`/cooperation/cas-d-usage/${ids.second}`, partner)).statusCode).toBe(404);
    expect((await get('/cooperation/cas-d-usage')).body).not.toContain('Menus des cantines');
    expect((await get('/cooperation/cas-d-usage.atom')).body).not.toContain(ids.second);
    expect((await get(`/cooperation/cas-d-usage/${ids.second}`, staff)).body).toContain('Motif : Publié deux fois');
    const hiddenList = await get('/admin/cooperation/publications?etat=masquees', staff);
    expect(hiddenList.body).toContain('Menus des cantines');
    expect(hiddenList.body).not.toContain('Besoin public');

    const restore = `/admin/cooperation/publications/cas-d-usage/${ids.second}/afficher`;
    const again = await postForm(t.app, staff.cookie, '/admin/cooperation/publications', url, { reason: 'encore' });
    expect(String(again.headers.location)).toContain('ok=inchange');
    expect(
      (await postForm(t.app, staff.cookie, '/admin/cooperation/publications', restore, { reason: 'Pas un doublon' }))
        .statusCode,
    ).toBe(303);
    expect((await get(`/cooperation/cas-d-usage/${ids.second}`)).statusCode).toBe(200);
    const events = await db()
      .selectFrom('audit_events')
      .select(['action', 'summary', 'actor_id'])
      .where('subject_id', '=', ids.second)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.action, (e.summary as { reason: string }).reason, e.actor_id])).toEqual([
      ['commons.use-case-hidden', 'Publié deux fois', staff.id],
      ['commons.use-case-unhidden', 'Pas un doublon', staff.id],
    ]);
  });

  it('hides a need the same way; an unknown id is a 404; a partner may not post', async () => {
    const url = `/admin/cooperation/publications/besoins/${ids.need}/masquer`;
    expect(
      (await postForm(t.app, staff.cookie, '/admin/cooperation/publications', url, { reason: 'Hors sujet' }))
        .statusCode,
    ).toBe(303);
    expect((await get(`/cooperation/besoins/${ids.need}`)).statusCode).toBe(404);
    expect((await get('/cooperation/besoins.atom')).body).not.toContain(ids.need);
    const session = await formSession(t.app, staff.cookie, '/admin/cooperation/publications');
    const missing = await submitForm(
      t.app,
      session,
      '/admin/cooperation/publications/besoins/00000000-0000-4000-8000-000000000000/masquer',
      { reason: 'x' },
    );
    expect(missing.statusCode).toBe(404);
    const partnerSession = await formSession(t.app, partner.cookie, '/cooperation/cas-d-usage/nouveau');
    expect((await submitForm(t.app, partnerSession, url, { reason: 'x' })).statusCode).toBe(403);
  });
});
