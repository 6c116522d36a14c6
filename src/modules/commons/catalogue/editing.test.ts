import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesOf } from '../../../../test/support/factories/accounts.js';
import { formSession, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { insertCommons } from '../testing.js';

/** Proposing and editing a commons, and its maintainers, through the routes as each person would. */

let t: TestApp;
let alice: SignedInUser;
let bruno: SignedInUser;
let stranger: SignedInUser;
let staff: SignedInUser;
const db = () => t.app.services.db;

const VALID = {
  name: 'Pyrodétect',
  summary: 'Détecter les départs de feux de forêt.',
  description: 'Des caméras et un modèle ouvert.\n\nDéployé dans le Sud.',
  kind: 'software',
  maturity: 'prototype',
  website: 'https://pyro.example.org',
  repository: 'https://git.example.org/pyro',
  licence: 'apache-2.0',
  governance_name: 'Association Pyro',
  governance_siret: '110 000 000 00007',
  governance_rna: 'w751234567',
  categories: 'Environnement, Forêts, environnement',
  keywords: 'feux, caméras',
  levers: ['experimentations', 'donnees-outils'],
  wikidata_id: 'q42',
};

async function roles(userId: string): Promise<string[]> {
  return (await rolesOf(db(), userId)).sort();
}

async function auditActions(subjectId: string): Promise<string[]> {
  // The audit events are chained soon after commit; the queue and the chain together hold them all.
  const rows = await db()
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

async function propose(person: SignedInUser, fields: Record<string, string | string[]>) {
  const session = await formSession(t.app, person.cookie, '/cooperation/communs/nouveau');
  return submitForm(t.app, session, '/cooperation/communs/nouveau', fields);
}

beforeAll(async () => {
  t = await createTestApp();
  alice = await createSignedInUser(db(), t.clock, [], 'alice');
  bruno = await createSignedInUser(db(), t.clock, [], 'bruno');
  stranger = await createSignedInUser(db(), t.clock, [], 'stranger');
  staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'staff');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('proposing a commons', () => {
  it('creates it with its maintainer, who becomes a partner, and normalises what was typed', async () => {
    expect(await roles(alice.id)).toEqual([]);
    const response = await propose(alice, VALID);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/cooperation/communs/pyrodetect?ok=cree');
    const row = await db().selectFrom('commons').selectAll().where('slug', '=', 'pyrodetect').executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: 'Pyrodétect',
      licence: 'Apache-2.0',
      governance_siret: '11000000000007',
      governance_rna: 'W751234567',
      categories: ['Environnement', 'Forêts'],
      keywords: ['feux', 'caméras'],
      levers: ['experimentations', 'donnees-outils'],
      wikidata_id: 'Q42',
      kind: 'software',
      maturity: 'prototype',
      created_by: alice.id,
      hidden: false,
    });
    const maintainers = await db()
      .selectFrom('commons_maintainers')
      .select('user_id')
      .where('commons_id', '=', row.id)
      .execute();
    expect(maintainers.map((m) => m.user_id)).toEqual([alice.id]);
    expect(await roles(alice.id)).toEqual(['partner']);
    const page = await t.app.inject({
      method: 'GET',
      url: response.headers.location!,
      headers: { cookie: alice.cookie },
    });
    expect(page.body).toContain('Vous en êtes mainteneur ou mainteneuse');
    expect(page.body).toContain('Apache License 2.0');
  });

  it('suffixes the slug when the name is taken, and never takes the catalogue’s own addresses', async () => {
    const again = await propose(bruno, { ...VALID, summary: 'Un autre.' });
    expect(again.headers.location).toBe('/cooperation/communs/pyrodetect-2?ok=cree');
    const reserved = await propose(bruno, { ...VALID, name: 'Nouveau' });
    expect(reserved.headers.location).toBe('/cooperation/communs/nouveau-2?ok=cree');
    expect((await t.app.inject({ method: 'GET', url: '/cooperation/communs/nouveau-2' })).statusCode).toBe(200);
  });

  it('refuses bad fields one by one, in French and English, keeping what was typed', async () => {
    const response = await propose(bruno, {
      ...VALID,
      name: '',
      licence: 'Licence maison',
      website: 'javascript:alert(1)',
      repository: '/chemin/local',
      governance_siret: '11000000000008',
      governance_rna: 'W12',
      keywords: Array.from({ length: 21 }, (_, i) => `mot${i}`).join(','),
      levers: ['inconnu'],
      wikidata_id: 'P31',
      kind: 'fusée',
    });
    expect(response.statusCode).toBe(400);
    const body = response.body;
    expect(body).toContain('Cette licence n’est pas un identifiant ou une expression SPDX connus');
    expect(body).toContain('value="Licence maison"');
    expect(body).toContain('Saisissez une adresse web complète commençant par https://');
    expect(body).toContain('Ce SIRET n’existe pas');
    expect(body).toContain('Un numéro RNA s’écrit W suivi de 9 chiffres.');
    expect(body).toContain('20 éléments au plus');
    expect(body).toContain('Choisissez des leviers de la liste.');
    expect(body).toContain('Un élément Wikidata s’écrit Q suivi de chiffres.');
    expect(body).toContain('Ce champ est obligatoire.');
    expect(body).toContain('Choisissez une des valeurs proposées.');
    expect(body).toContain('value="Détecter les départs de feux de forêt."');
    expect(body).toMatch(/id="licence-error"/);
    const english = await propose(
      { ...bruno, cookie: `${bruno.cookie}; lang=en` },
      { ...VALID, licence: 'GPL-maison' },
    );
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('This licence is not a known SPDX identifier or expression');
  });

  it('accepts SPDX expressions and deprecated identifiers, in any case', async () => {
    for (const [typed, stored] of [
      ['mit or apache-2.0', 'MIT OR Apache-2.0'],
      ['GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0'],
      ['gpl-2.0+', 'GPL-2.0+'],
      ['(AGPL-3.0-or-later AND CC-BY-SA-4.0)', '(AGPL-3.0-or-later AND CC-BY-SA-4.0)'],
    ]) {
      const response = await propose(bruno, { ...VALID, name: `Licence ${stored}`, licence: typed });
      expect(response.statusCode, typed).toBe(303);
      const slug = /communs\/([^?]+)/.exec(response.headers.location!)![1];
      const row = await db().selectFrom('commons').select('licence').where('slug', '=', slug).executeTakeFirstOrThrow();
      expect(row.licence).toBe(stored);
    }
    for (const refused of ['LicenseRef-maison', 'MIT OR', 'Apache 2', 'x'.repeat(201)]) {
      const response = await propose(bruno, { ...VALID, licence: refused });
      expect(response.statusCode, refused).toBe(400);
    }
  });

  it('never answers 500 to hostile input, and escapes what it shows back', async () => {
    const session = await formSession(t.app, bruno.cookie, '/cooperation/communs/nouveau');
    const hostile: Record<string, string | string[]>[] = [
      { ...VALID, name: 'Nul\u0000byte' },
      { ...VALID, name: '<script>alert(1)</script>', summary: '<img src=x onerror=alert(1)>' },
      { ...VALID, description: 'x'.repeat(30_000) },
      { ...VALID, name: ['un', 'deux'] },
      { ...VALID, levers: Array.from({ length: 200 }, () => 'coaching') },
      { ...VALID, categories: '\ud800' },
      { _x: 'y' },
    ];
    for (const fields of hostile) {
      const response = await submitForm(t.app, session, '/cooperation/communs/nouveau', fields);
      expect(response.statusCode, JSON.stringify(fields).slice(0, 80)).toBeLessThan(500);
      expect(response.body).not.toContain('<script>alert(1)</script>');
      expect(response.body).not.toContain('<img src=x');
    }
    const json = await t.app.inject({
      method: 'POST',
      url: '/cooperation/communs/nouveau',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ _csrf: session.csrf, name: { $ne: 1 }, summary: 12 }),
    });
    expect(json.statusCode).toBeLessThan(500);
  });

  it('sends anonymous people to sign in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/cooperation/communs/nouveau' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/connexion\?retour=/);
  });
});

describe('editing a commons', () => {
  let id: string;
  beforeAll(async () => {
    id = await insertCommons(db(), t.clock.now(), { name: 'Carnet Partagé', maintainers: [alice.id] });
  });

  it('lets its maintainers and staff edit it, with the version read, and refuses everyone else', async () => {
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/cooperation/communs/carnet-partage/modifier',
          headers: { cookie: stranger.cookie },
        })
      ).statusCode,
    ).toBe(403);
    const strangerPost = await t.app.inject({
      method: 'POST',
      url: '/cooperation/communs/carnet-partage/modifier',
      headers: { cookie: stranger.cookie },
      payload: {},
    });
    expect(strangerPost.statusCode).toBe(403);
    const session = await formSession(t.app, alice.cookie, '/cooperation/communs/carnet-partage/modifier');
    expect(session.html).toContain('name="version" value="1"');
    expect(session.html).toContain('value="Carnet Partagé"');
    const saved = await submitForm(t.app, session, '/cooperation/communs/carnet-partage/modifier', {
      ...VALID,
      name: 'Carnet Partagé v2',
      version: '1',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/cooperation/communs/carnet-partage?ok=enregistre');
    const row = await db()
      .selectFrom('commons')
      .select(['name', 'slug', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Carnet Partagé v2', slug: 'carnet-partage', version: 2 });
    expect(await auditActions(id)).toContain('commons.commons-updated');
    const staffSession = await formSession(t.app, staff.cookie, '/cooperation/communs/carnet-partage/modifier');
    const byStaff = await submitForm(t.app, staffSession, '/cooperation/communs/carnet-partage/modifier', {
      ...VALID,
      name: 'Carnet Partagé v3',
      version: '2',
    });
    expect(byStaff.statusCode).toBe(303);
  });

  it('answers 409 to a stale version, keeping what was typed with the version to save over', async () => {
    const session = await formSession(t.app, alice.cookie, '/cooperation/communs/carnet-partage/modifier');
    const stale = await submitForm(t.app, session, '/cooperation/communs/carnet-partage/modifier', {
      ...VALID,
      name: 'Ma version',
      summary: 'Mon résumé à moi.',
      version: '1',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Quelqu’un a modifié ce commun pendant que vous le modifiiez');
    expect(stale.body).toContain('value="Ma version"');
    expect(stale.body).toContain('value="Mon résumé à moi."');
    expect(stale.body).toContain('name="version" value="3"');
    expect(stale.body).toContain('Carnet Partagé v3');
    const retried = await submitForm(t.app, session, '/cooperation/communs/carnet-partage/modifier', {
      ...VALID,
      name: 'Ma version',
      version: '3',
    });
    expect(retried.statusCode).toBe(303);
    const bad = await submitForm(t.app, session, '/cooperation/communs/carnet-partage/modifier', {
      ...VALID,
      licence: 'pas une licence',
      version: '4',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('name="version" value="4"');
  });

  it('hides a hidden commons’ editing from others (404), and answers 404 to unknown ones', async () => {
    await insertCommons(db(), t.clock.now(), { name: 'Commun Masqué', hidden: true, maintainers: [alice.id] });
    const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect((await get('/cooperation/communs/commun-masque/modifier', stranger.cookie)).statusCode).toBe(404);
    expect((await get('/cooperation/communs/commun-masque/mainteneurs', stranger.cookie)).statusCode).toBe(404);
    expect((await get('/cooperation/communs/commun-masque/modifier', alice.cookie)).statusCode).toBe(200);
    expect((await get('/cooperation/communs/inconnu/modifier', alice.cookie)).statusCode).toBe(404);
  });
});

describe('maintainers', () => {
  let id: string;
  const page = '/cooperation/communs/atelier-commun/mainteneurs';
  beforeAll(async () => {
    id = await insertCommons(db(), t.clock.now(), { name: 'Atelier Commun', maintainers: [bruno.id] });
  });

  const maintainers = async () =>
    (await db().selectFrom('commons_maintainers').select('user_id').where('commons_id', '=', id).execute())
      .map((r) => r.user_id)
      .sort();

  it('adds a maintainer by the address of an existing account, and says clearly when there is none', async () => {
    const session = await formSession(t.app, bruno.cookie, page);
    const none = await submitForm(t.app, session, `${page}/ajouter`, { email: 'personne@example.org' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Aucun compte n’utilise cette adresse');
    expect(none.body).toContain('se connecter une première fois');
    expect(none.body).toContain('value="personne@example.org"');
    const badEmail = await submitForm(t.app, session, `${page}/ajouter`, { email: 'pas-une-adresse' });
    expect(badEmail.statusCode).toBe(400);
    const rolesBefore = await roles(stranger.id);
    expect(rolesBefore).toEqual([]);
    const added = await submitForm(t.app, session, `${page}/ajouter`, { email: stranger.email.toUpperCase() });
    expect(added.statusCode).toBe(303);
    expect(await maintainers()).toEqual([bruno.id, stranger.id].sort());
    expect(await roles(stranger.id)).toEqual(['partner']);
    const again = await submitForm(t.app, session, `${page}/ajouter`, { email: stranger.email });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Cette personne maintient déjà ce commun.');
    expect(await auditActions(id)).toContain('commons.maintainer-added');
  });

  it('removes a maintainer and takes back their partner role when it was their last commons', async () => {
    const session = await formSession(t.app, bruno.cookie, page);
    const removed = await submitForm(t.app, session, `${page}/retirer`, { user: stranger.id });
    expect(removed.statusCode).toBe(303);
    expect(await maintainers()).toEqual([bruno.id]);
    expect(await roles(stranger.id)).toEqual([]);
    const notThere = await submitForm(t.app, session, `${page}/retirer`, { user: stranger.id });
    expect(notThere.statusCode).toBe(400);
    const garbage = await submitForm(t.app, session, `${page}/retirer`, { user: 'not-a-uuid' });
    expect(garbage.statusCode).toBe(400);
    expect(await auditActions(id)).toContain('commons.maintainer-removed');
  });

  it('never leaves a commons without maintainer, unless staff do it', async () => {
    const session = await formSession(t.app, bruno.cookie, page);
    const leave = await submitForm(t.app, session, `${page}/quitter`, {});
    expect(leave.statusCode).toBe(409);
    expect(leave.body).toContain('Un commun ne peut pas rester sans mainteneur');
    expect(await maintainers()).toEqual([bruno.id]);
    // With someone else, leaving works; the other one then cannot leave.
    await submitForm(t.app, session, `${page}/ajouter`, { email: alice.email });
    const left = await submitForm(t.app, session, `${page}/quitter`, {});
    expect(left.statusCode).toBe(303);
    expect(left.headers.location).toBe('/cooperation/communs/atelier-commun?ok=quitte');
    expect(await maintainers()).toEqual([alice.id]);
    expect(await auditActions(id)).toContain('commons.maintainer-left');
    // Bruno no longer maintains it: its editing pages are closed to him.
    expect((await t.app.inject({ method: 'GET', url: page, headers: { cookie: bruno.cookie } })).statusCode).toBe(403);
    const staffSession = await formSession(t.app, staff.cookie, page);
    const byStaff = await submitForm(t.app, staffSession, `${page}/retirer`, { user: alice.id });
    expect(byStaff.statusCode).toBe(303);
    expect(await maintainers()).toEqual([]);
  });
});
