import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, rolesOf, type SignedInUser } from '../../../../test/support/factories/accounts.js';
import { formSession, multipartBody, postForm, submitForm } from '../../../../test/support/forms.js';
import { type ReplayServer, startReplayServer } from '../../../../test/support/replay-server.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { insertAdministration, insertCommons, insertNeed, insertUseCase, VALID_SIRETS } from '../testing.js';
import { csvLine } from './csv.js';

const FIXTURES = fileURLToPath(new URL('./testing/register/', import.meta.url));
const TOWN = '21000000000013';
const TOWN_SERVICE = '21000000000021';
const DEPARTEMENT = '23000000000011';
const CLOSED = '22000000000020';
const UNKNOWN = '21000000000047';
const FAILING = '21000000000054';

let replay: ReplayServer;
let t: TestApp;
let staff: SignedInUser;
let stranger: SignedInUser;
let partner: SignedInUser;

const db = () => t.database.db;
const now = () => t.clock.now();
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

async function administrationRow(slug: string) {
  return db().selectFrom('commons_administrations').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
}

async function auditActions(subjectId: string): Promise<string[]> {
  const rows = await db()
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  replay = await startReplayServer(FIXTURES);
  t = await createTestApp({ companyRegisterUrl: replay.url });
  staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'staff');
  stranger = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }], 'stranger');
  partner = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'partner');
});

afterAll(async () => {
  await t?.close();
  await replay?.close();
});

describe('creating an administration (staff) with the company register', () => {
  const page = '/cooperation/administrations/nouvelle';

  it('takes the register’s name, legal category and state, keeps its answer, and does not make staff a member', async () => {
    const response = await postForm(t.app, staff.cookie, page, page, {
      siret: '210 000 000 00013',
      name: 'Nom tapé',
      territory: 'D29',
      website: 'https://ker-exemple.fr',
      description: 'La commune.',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/cooperation/administrations/commune-de-ker-exemple?ok=creee');
    const row = await administrationRow('commune-de-ker-exemple');
    expect(row).toMatchObject({
      name: 'COMMUNE DE KER-EXEMPLE',
      siret: TOWN,
      legal_category: '7210',
      active: true,
      territory: 'D29',
      website: 'https://ker-exemple.fr',
    });
    expect((row.register_check as { register: { status: string } }).register.status).toBe('verified');
    const members = await db()
      .selectFrom('commons_administration_members')
      .select('user_id')
      .where('administration_id', '=', row.id)
      .execute();
    expect(members).toEqual([]);
    expect(await auditActions(row.id)).toEqual(['commons.administration-created']);
    const shown = await get('/cooperation/administrations/commune-de-ker-exemple?ok=creee');
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Commune et commune nouvelle');
    expect(shown.body).toContain('210 000 000 00013');
    expect(shown.body).toContain('Finistère (29)');
    expect(shown.body).toContain('Vérifiée au répertoire des entreprises');
  });

  it('answers 409 for a SIRET already there, linking to it', async () => {
    const response = await postForm(t.app, staff.cookie, page, page, { siret: TOWN, territory: 'FR' });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('/cooperation/administrations/commune-de-ker-exemple');
  });

  it('flags a closed establishment', async () => {
    const response = await postForm(t.app, staff.cookie, page, page, { siret: CLOSED, territory: 'D35' });
    expect(response.statusCode).toBe(303);
    const row = await administrationRow('direction-departementale-exemple');
    expect(row.active).toBe(false);
    expect(row.legal_category).toBe('7172');
    const shown = await get('/cooperation/administrations/direction-departementale-exemple');
    expect(shown.body).toContain('Établissement fermé');
    const list = await get('/cooperation/administrations?q=exemple');
    expect(list.body).toContain('Établissement fermé');
  });

  it('refuses a SIRET the register does not know, and a malformed one, keeping what was typed', async () => {
    const unknown = await postForm(t.app, staff.cookie, page, page, {
      siret: UNKNOWN,
      name: 'Inconnue',
      territory: 'FR',
      description: 'Texte gardé',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('ne connaît pas ce SIRET');
    expect(unknown.body).toContain('Texte gardé');
    const malformed = await postForm(t.app, staff.cookie, page, page, { siret: '12345678901234', territory: 'FR' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('Saisissez un SIRET valide');
  });

  it('asks for the name when the register does not answer, then creates it "not verified"', async () => {
    const nameless = await postForm(t.app, staff.cookie, page, page, { siret: FAILING, territory: 'FR' });
    expect(nameless.statusCode).toBe(422);
    expect(nameless.body).toContain('saisissez le nom');
    const named = await postForm(t.app, staff.cookie, page, page, {
      siret: FAILING,
      name: 'Agence des Essais',
      territory: 'R53',
    });
    expect(named.statusCode).toBe(303);
    const row = await administrationRow('agence-des-essais');
    expect(row.active).toBeNull();
    expect(row.legal_category).toBeNull();
    const shown = await get('/cooperation/administrations/agence-des-essais');
    expect(shown.body).toContain('Non vérifiée');
  });

  it('tells a person without ProConnect how to sign in with it, and refuses their form', async () => {
    const shown = await get(page, stranger.cookie);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('connectez-vous avec ProConnect');
    expect(shown.body).not.toContain('name="siret"');
    const session = await formSession(t.app, stranger.cookie, '/compte');
    const refused = await submitForm(t.app, session, page, { siret: TOWN_SERVICE, territory: 'FR' });
    expect(refused.statusCode).toBe(403);
    const anonymous = await get(page);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/connexion\?retour=/);
  });
});

describe('the public list and page', () => {
  let rennes: string;
  let evreux: string;
  let hiddenId: string;
  let mergedId: string;
  let member: SignedInUser;

  beforeAll(async () => {
    member = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'member');
    rennes = await insertAdministration(db(), now(), {
      name: 'Métropole de Rennes',
      siret: VALID_SIRETS[0],
      territory: 'D35',
      members: [member.id],
    });
    evreux = await insertAdministration(db(), now(), {
      name: 'Mairie d’Évreux',
      siret: VALID_SIRETS[1],
      territory: 'D27',
    });
    hiddenId = await insertAdministration(db(), now(), {
      name: 'Administration cachée',
      siret: VALID_SIRETS[2],
      territory: 'D35',
      hidden: true,
      members: [member.id],
    });
    mergedId = await insertAdministration(db(), now(), {
      name: 'Doublon de Rennes',
      siret: VALID_SIRETS[3],
      territory: 'D35',
    });
    await db().updateTable('commons_administrations').set({ merged_into: rennes }).where('id', '=', mergedId).execute();
    const umap = await insertCommons(db(), now(), { name: 'uMap' });
    const hiddenCommons = await insertCommons(db(), now(), { name: 'Commun masqué', hidden: true });
    await insertUseCase(db(), now(), {
      administrationId: rennes,
      commonsId: umap,
      title: 'Cartes des travaux',
      status: 'production',
    });
    await insertUseCase(db(), now(), {
      administrationId: rennes,
      commonsId: umap,
      title: 'Carte interne des agents',
      visibility: 'members',
    });
    await insertUseCase(db(), now(), {
      administrationId: rennes,
      commonsId: hiddenCommons,
      title: 'Usage d’un commun masqué',
    });
    await insertNeed(db(), now(), { side: 'administration', ownerId: rennes, title: 'Besoin de capteurs' });
    const closed = await insertNeed(db(), now(), {
      side: 'administration',
      ownerId: rennes,
      title: 'Besoin déjà comblé',
    });
    await db()
      .updateTable('commons_needs')
      .set({ closed_at: now(), outcome: 'met' })
      .where('id', '=', closed)
      .execute();
    const experiment = await db()
      .insertInto('commons_experiments')
      .values({
        commons_id: umap,
        title: 'Cartographie participative',
        goal: 'Tester',
        territory: 'D35',
        starts_on: null,
        ends_on: null,
        status: 'running',
        outcome: null,
        visibility: 'public',
        created_at: now(),
        created_by: null,
        updated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('commons_experiment_administrations')
      .values({ experiment_id: experiment.id, administration_id: rennes })
      .execute();
  });

  it('lists visible administrations only, searched without accents, within a region, with their counts', async () => {
    const all = await get('/cooperation/administrations');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Métropole de Rennes');
    expect(all.body).toContain('Mairie d’Évreux');
    expect(all.body).not.toContain('Administration cachée');
    expect(all.body).not.toContain('Doublon de Rennes');
    const folded = await get('/cooperation/administrations?q=EVREUX');
    expect(folded.body).toContain('Mairie d’Évreux');
    expect(folded.body).not.toContain('Métropole de Rennes');
    const brittany = await get('/cooperation/administrations?territoire=R53');
    expect(brittany.body).toContain('Métropole de Rennes');
    expect(brittany.body).not.toContain('Mairie d’Évreux');
    expect(brittany.body).toContain('1 cas d’usage · 1 besoin ouvert');
    const asPartner = await get('/cooperation/administrations?territoire=R53', partner.cookie);
    expect(asPartner.body).toContain('2 cas d’usage');
    const lenient = await get('/cooperation/administrations?territoire=nowhere&page=-3&q=%3Cscript%3E');
    expect(lenient.statusCode).toBe(200);
    // Typed text comes back in the field's value, as text (an attribute value cannot open an element).
    expect(lenient.body).toContain('value="&lt;script>"'.replace('&lt;', '<'));
    expect(lenient.body).not.toMatch(/<script>(?!")/);
  });

  it('shows what it uses, needs and experiments: members-only use cases to the space’s members and staff only', async () => {
    const anonymous = await get('/cooperation/administrations/metropole-de-rennes');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('Cartes des travaux');
    expect(anonymous.body).toContain('En production');
    expect(anonymous.body).not.toContain('Carte interne des agents');
    expect(anonymous.body).not.toContain('Usage d’un commun masqué');
    expect(anonymous.body).toContain('Besoin de capteurs');
    expect(anonymous.body).not.toContain('Besoin déjà comblé');
    expect(anonymous.body).toContain('Cartographie participative');
    expect(anonymous.body).toContain('href="/cooperation/communs/umap"');
    expect(anonymous.body).not.toContain('/membres"');
    for (const cookie of [partner.cookie, staff.cookie, member.cookie]) {
      const page = await get('/cooperation/administrations/metropole-de-rennes', cookie);
      expect(page.body).toContain('Carte interne des agents');
    }
    const asMember = await get('/cooperation/administrations/metropole-de-rennes', member.cookie);
    expect(asMember.body).toContain('/cooperation/administrations/metropole-de-rennes/membres');
  });

  it('redirects a merged administration’s pages for good, and hides a hidden one from the public', async () => {
    const merged = await get('/cooperation/administrations/doublon-de-rennes?x=1');
    expect(merged.statusCode).toBe(301);
    expect(merged.headers.location).toBe('/cooperation/administrations/metropole-de-rennes?x=1');
    const mergedMembers = await get('/cooperation/administrations/doublon-de-rennes/membres', member.cookie);
    expect(mergedMembers.statusCode).toBe(301);
    expect(mergedMembers.headers.location).toBe('/cooperation/administrations/metropole-de-rennes/membres');
    expect((await get('/cooperation/administrations/administration-cachee')).statusCode).toBe(404);
    expect((await get('/cooperation/administrations/administration-cachee', partner.cookie)).statusCode).toBe(404);
    const seen = await get('/cooperation/administrations/administration-cachee', member.cookie);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('Cette administration est masquée');
    expect((await get('/cooperation/administrations/administration-cachee', staff.cookie)).statusCode).toBe(200);
    expect((await get('/cooperation/administrations/nexiste-pas')).statusCode).toBe(404);
    expect((await get('/cooperation/administrations/Pas_Un_Slug')).statusCode).toBe(404);
    void hiddenId;
    void evreux;
  });

  it('keeps the members’, services’ and edition pages to members and staff: 404 to anyone else', async () => {
    for (const suffix of ['membres', 'services', 'modifier']) {
      const url = `/cooperation/administrations/metropole-de-rennes/${suffix}`;
      expect((await get(url, member.cookie)).statusCode, url).toBe(200);
      expect((await get(url, staff.cookie)).statusCode, url).toBe(200);
      expect((await get(url, partner.cookie)).statusCode, url).toBe(404);
      expect((await get(url, stranger.cookie)).statusCode, url).toBe(404);
      expect((await get(url)).statusCode, url).toBe(303);
    }
    const members = await get('/cooperation/administrations/metropole-de-rennes/membres', member.cookie);
    expect(members.body).toContain('member Test');
  });

  it('edits the presentation with optimistic concurrency, keeping what was typed on a conflict', async () => {
    const url = '/cooperation/administrations/metropole-de-rennes/modifier';
    const session = await formSession(t.app, member.cookie, url);
    const version = /name="version" value="(\d+)"/.exec(session.html)![1];
    const first = await submitForm(t.app, session, url, {
      version,
      territory: 'R53',
      website: 'https://metropole.rennes.fr',
      description: 'Premier texte <b>gras</b>',
    });
    expect(first.statusCode).toBe(303);
    const stale = await submitForm(t.app, session, url, {
      version,
      territory: 'D35',
      website: '',
      description: 'Second texte concurrent',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Second texte concurrent');
    expect(stale.body).toContain('Quelqu’un a modifié');
    const row = await administrationRow('metropole-de-rennes');
    expect(row.description).toBe('Premier texte <b>gras</b>');
    expect(row.territory).toBe('R53');
    const shown = await get('/cooperation/administrations/metropole-de-rennes');
    expect(shown.body).toContain('Premier texte &lt;b>gras&lt;/b>');
    const bad = await submitForm(t.app, session, url, {
      version: String(row.version),
      territory: 'D999',
      website: 'javascript:alert(1)',
      description: 'x'.repeat(5001),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choisissez un territoire de la liste');
    expect(bad.body).toContain('Saisissez une adresse web');
    expect(bad.body).toContain('5000 caractères');
    expect(await auditActions(rennes)).toContain('commons.administration-updated');
  });

  it('adds, edits and removes services, checking their SIRET with the register', async () => {
    const url = '/cooperation/administrations/metropole-de-rennes/services';
    const added = await postForm(t.app, member.cookie, url, url, {
      name: 'Direction du numérique',
      siret: TOWN_SERVICE,
    });
    expect(added.statusCode).toBe(303);
    const again = await postForm(t.app, member.cookie, url, url, { name: 'Autre', siret: TOWN_SERVICE });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('déjà celui d’une administration ou d’un service');
    const administrationSiret = await postForm(t.app, member.cookie, url, url, { name: 'Autre', siret: TOWN });
    expect(administrationSiret.statusCode).toBe(409);
    const unknown = await postForm(t.app, member.cookie, url, url, { name: 'Autre', siret: UNKNOWN });
    expect(unknown.statusCode).toBe(422);
    const sameName = await postForm(t.app, member.cookie, url, url, { name: 'Direction du numérique' });
    expect(sameName.statusCode).toBe(409);
    const nameless = await postForm(t.app, member.cookie, url, url, { name: '  ', siret: '' });
    expect(nameless.statusCode).toBe(400);
    const service = await db()
      .selectFrom('commons_services')
      .selectAll()
      .where('administration_id', '=', rennes)
      .executeTakeFirstOrThrow();
    expect(service.siret).toBe(TOWN_SERVICE);
    const edit = `${url}/${service.id}`;
    const renamed = await postForm(t.app, member.cookie, edit, edit, { name: 'Direction de la donnée', siret: '' });
    expect(renamed.statusCode).toBe(303);
    const listed = await get(url, member.cookie);
    expect(listed.body).toContain('Direction de la donnée');
    const removed = await postForm(t.app, member.cookie, url, `${edit}/supprimer`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`${url}?ok=supprime`);
    const gone = await postForm(t.app, member.cookie, url, `${edit}/supprimer`, {});
    expect(gone.headers.location).toBe(`${url}?ok=absent`);
    expect((await get(edit, member.cookie)).statusCode).toBe(404);
    expect(await auditActions(rennes)).toEqual(
      expect.arrayContaining(['commons.service-added', 'commons.service-updated', 'commons.service-removed']),
    );
  });
});

describe('staff moderation', () => {
  let duplicate: string;
  let target: string;
  let both: SignedInUser;
  let onlyDuplicate: SignedInUser;

  beforeAll(async () => {
    both = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'both');
    onlyDuplicate = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'dup');
    duplicate = await insertAdministration(db(), now(), {
      name: 'Département doublon',
      siret: '11000000000049',
      members: [both.id, onlyDuplicate.id],
    });
    target = await insertAdministration(db(), now(), {
      name: 'Département du Morbihan',
      siret: '11000000000056',
      members: [both.id],
    });
  });

  it('lists every administration for staff only, hidden and merged ones marked', async () => {
    const list = await get('/admin/cooperation/administrations', staff.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Administration cachée');
    expect(list.body).toContain('Masquée');
    expect(list.body).toContain('Fusionnée');
    const searched = await get('/admin/cooperation/administrations?q=11000000000049', staff.cookie);
    expect(searched.body).toContain('Département doublon');
    expect(searched.body).not.toContain('Département du Morbihan');
    expect((await get('/admin/cooperation/administrations', partner.cookie)).statusCode).toBe(403);
  });

  it('hides with a reason and shows again, audited', async () => {
    const url = `/admin/cooperation/administrations/${target}`;
    const missing = await postForm(t.app, staff.cookie, url, `${url}/masquer`, { reason: ' ' });
    expect(missing.statusCode).toBe(400);
    const hidden = await postForm(t.app, staff.cookie, url, `${url}/masquer`, { reason: 'Vérification en cours' });
    expect(hidden.statusCode).toBe(303);
    expect((await get('/cooperation/administrations/departement-du-morbihan')).statusCode).toBe(404);
    const shown = await postForm(t.app, staff.cookie, url, `${url}/afficher`, {});
    expect(shown.statusCode).toBe(303);
    expect((await get('/cooperation/administrations/departement-du-morbihan')).statusCode).toBe(200);
    expect(await auditActions(target)).toEqual(['commons.administration-hidden', 'commons.administration-shown']);
  });

  it('merges a duplicate into another in one audited transaction, moving everything once', async () => {
    const commons = await insertCommons(db(), now(), { name: 'Pyronear' });
    await insertUseCase(db(), now(), { administrationId: duplicate, commonsId: commons, title: 'Détection des feux' });
    await insertNeed(db(), now(), { side: 'administration', ownerId: duplicate, title: 'Besoin du doublon' });
    await db()
      .insertInto('commons_services')
      .values({ administration_id: duplicate, name: 'Service du doublon', siret: null, created_at: now() })
      .execute();
    const experiment = await db()
      .insertInto('commons_experiments')
      .values({
        commons_id: commons,
        title: 'Expérience commune',
        goal: 'Tester',
        territory: 'D56',
        starts_on: null,
        ends_on: null,
        status: 'planned',
        outcome: null,
        visibility: 'public',
        created_at: now(),
        created_by: null,
        updated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('commons_experiment_administrations')
      .values([
        { experiment_id: experiment.id, administration_id: duplicate },
        { experiment_id: experiment.id, administration_id: target },
      ])
      .execute();
    const url = `/admin/cooperation/administrations/${duplicate}`;
    const unconfirmed = await postForm(t.app, staff.cookie, url, `${url}/fusionner`, { target });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Cochez la case');
    const self = await postForm(t.app, staff.cookie, url, `${url}/fusionner`, { target: duplicate, confirm: 'on' });
    expect(self.statusCode).toBe(400);
    const merged = await postForm(t.app, staff.cookie, url, `${url}/fusionner`, { target, confirm: 'on' });
    expect(merged.statusCode).toBe(303);
    expect(merged.headers.location).toBe(`/admin/cooperation/administrations/${target}?ok=fusionnee`);
    const members = await db()
      .selectFrom('commons_administration_members')
      .select(['administration_id', 'user_id'])
      .where('user_id', 'in', [both.id, onlyDuplicate.id])
      .execute();
    expect(members.map((m) => m.administration_id)).toEqual([target, target]);
    const moved = await Promise.all([
      db()
        .selectFrom('commons_use_cases')
        .select('administration_id')
        .where('title', '=', 'Détection des feux')
        .executeTakeFirstOrThrow(),
      db()
        .selectFrom('commons_needs')
        .select('administration_id')
        .where('title', '=', 'Besoin du doublon')
        .executeTakeFirstOrThrow(),
      db()
        .selectFrom('commons_services')
        .select('administration_id')
        .where('name', '=', 'Service du doublon')
        .executeTakeFirstOrThrow(),
    ]);
    expect(moved.map((row) => row.administration_id)).toEqual([target, target, target]);
    const links = await db()
      .selectFrom('commons_experiment_administrations')
      .select('administration_id')
      .where('experiment_id', '=', experiment.id)
      .execute();
    expect(links.map((l) => l.administration_id)).toEqual([target]);
    const row = await db()
      .selectFrom('commons_administrations')
      .selectAll()
      .where('id', '=', duplicate)
      .executeTakeFirstOrThrow();
    expect(row.merged_into).toBe(target);
    const event = await db()
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', duplicate)
      .where('action', '=', 'commons.administration-merged')
      .executeTakeFirstOrThrow();
    expect(event.summary).toMatchObject({ into: target, membersMoved: 1, useCases: 1, needs: 1, services: 1 });
    const again = await postForm(
      t.app,
      staff.cookie,
      `/admin/cooperation/administrations/${target}`,
      `${url}/fusionner`,
      {
        target,
        confirm: 'on',
      },
    );
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('déjà été fusionnée');
    expect((await get('/cooperation/administrations/departement-doublon')).headers.location).toBe(
      '/cooperation/administrations/departement-du-morbihan',
    );
  });

  it('adds a member by the address of an account, and removes one: partner role follows, departure kept', async () => {
    const url = `/admin/cooperation/administrations/${target}`;
    const person = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }], 'agent');
    const none = await postForm(t.app, staff.cookie, url, `${url}/membres`, { member_email: 'personne@example.org' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Aucun compte n’a cette adresse');
    const added = await postForm(t.app, staff.cookie, url, `${url}/membres`, {
      member_email: person.email.toUpperCase(),
    });
    expect(added.statusCode).toBe(303);
    expect(await rolesOf(db(), person.id)).toContain('partner');
    const twice = await postForm(t.app, staff.cookie, url, `${url}/membres`, { member_email: person.email });
    expect(twice.statusCode).toBe(409);
    const removed = await postForm(t.app, staff.cookie, url, `${url}/membres/${person.id}/retirer`, {});
    expect(removed.headers.location).toBe(`${url}?ok=retire`);
    expect(await rolesOf(db(), person.id)).not.toContain('partner');
    const departure = await db()
      .selectFrom('commons_administration_departures')
      .selectAll()
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(departure.reason).toBe('removed');
    expect(await auditActions(target)).toEqual(
      expect.arrayContaining(['commons.member-added', 'commons.member-removed']),
    );
  });

  it('asks the register again on request', async () => {
    const row = await administrationRow('agence-des-essais');
    const url = `/admin/cooperation/administrations/${row.id}`;
    const response = await postForm(t.app, staff.cookie, url, `${url}/verifier`, {});
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${url}?ok=sans-reponse`);
    const page = await get(response.headers.location as string, staff.cookie);
    expect(page.body).toContain('Le répertoire a été interrogé');
  });
});

describe('the CSV import of administrations and contacts', () => {
  const url = '/admin/cooperation/administrations/import';

  async function upload(data: Buffer, cookie = staff.cookie) {
    const session = await formSession(t.app, cookie, url);
    const body = multipartBody(
      { _csrf: session.csrf },
      { field: 'file', name: 'administrations.csv', type: 'text/csv', data },
    );
    return t.app.inject({
      method: 'POST',
      url: `${url}`,
      headers: { cookie: session.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  const file = (rows: string[][]) =>
    Buffer.from(
      `\ufeff${[['nom', 'siret', 'territoire', 'courriels'], ...rows].map((r) => csvLine(r)).join('\r\n')}\r\n`,
    );

  it('creates and updates by SIRET, invites each contact once, reports every line, and is idempotent', async () => {
    const town = await administrationRow('commune-de-ker-exemple');
    await db()
      .insertInto('commons_services')
      .values({ administration_id: town.id, name: 'Port', siret: '11000000000080', created_at: now() })
      .execute();
    const rows = [
      ['', DEPARTEMENT, 'Morbihan', 'dsi@morbihan.example, Agent@Morbihan.example'],
      ['Commune de Ker-Exemple', TOWN, 'Bretagne', 'maire@ker.example'],
      ['Mauvais', '123', '', ''],
      ['Territoire inconnu', '11000000000064', 'Atlantide', ''],
      ['Adresse fausse', '11000000000072', '', 'pas-une-adresse'],
      ['Doublon', DEPARTEMENT, '', ''],
      ['Inconnue', UNKNOWN, '', ''],
      ['Un service', '11000000000080', '', ''],
    ];
    const first = await upload(file(rows));
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(
      'Lignes lues : 8 · créées : 1 · mises à jour : 1 · inchangées : 0 · en erreur : 6 · invitations envoyées : 3',
    );
    expect(first.body).toContain('Territoire inconnu : Atlantide');
    expect(first.body).toContain('Adresse invalide : pas-une-adresse');
    expect(first.body).toContain('Ce SIRET figure déjà ligne 2.');
    expect(first.body).toContain('ne connaît pas ce SIRET');
    expect(first.body).toContain('celui d’un service d’une administration');
    const departement = await db()
      .selectFrom('commons_administrations')
      .selectAll()
      .where('siret', '=', DEPARTEMENT)
      .executeTakeFirstOrThrow();
    expect(departement).toMatchObject({ name: 'DEPARTEMENT EXEMPLE', territory: 'D56', legal_category: '7220' });
    expect((await administrationRow('commune-de-ker-exemple')).territory).toBe('R53');
    const mails = await db()
      .selectFrom('mails')
      .select(['to_address', 'text_body'])
      .where('template', '=', 'commons.administration-invitation')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([
      'agent@morbihan.example',
      'dsi@morbihan.example',
      'maire@ker.example',
    ]);
    expect(mails[0].text_body).toContain('/cooperation/invitations/');
    const second = await upload(file(rows));
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain(
      'créées : 0 · mises à jour : 0 · inchangées : 2 · en erreur : 6 · invitations envoyées : 0',
    );
    expect(second.body).toContain('Envoyées : 0 · déjà en attente : 2 · déjà membres : 0');
    const count = await db()
      .selectFrom('mails')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('template', '=', 'commons.administration-invitation')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('refuses a file it cannot read with a clear message, never a 500', async () => {
    const latin1 = await upload(
      Buffer.from([0x6e, 0x6f, 0x6d, 0x3b, 0x73, 0x69, 0x72, 0x65, 0x74, 0x0a, 0xe9, 0x3b, 0x31]),
    );
    expect(latin1.statusCode).toBe(400);
    expect(latin1.body).toContain('pas en UTF-8');
    const headerless = await upload(Buffer.from('a;b\n1;2\n'));
    expect(headerless.statusCode).toBe(400);
    expect(headerless.body).toContain('il manque : name, siret');
    const empty = await upload(Buffer.from(''));
    expect(empty.statusCode).toBe(400);
    const session = await formSession(t.app, staff.cookie, url);
    const notMultipart = await submitForm(t.app, session, url, { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    const hostile = await upload(
      Buffer.from('nom;siret;territoire;courriels\n"\u0000<script>";"\u0000";"\u0000";"a@b.c\u0000"\n"unclosed'),
    );
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain('<script>');
  });
});

describe('hostile input', () => {
  it('never answers 5xx to odd forms, and keeps HTML as text', async () => {
    const pages = [
      ['/cooperation/administrations/nouvelle', '/cooperation/administrations/nouvelle'],
      [
        '/cooperation/administrations/metropole-de-rennes/modifier',
        '/cooperation/administrations/metropole-de-rennes/modifier',
      ],
      [
        '/cooperation/administrations/metropole-de-rennes/services',
        '/cooperation/administrations/metropole-de-rennes/services',
      ],
      [
        '/cooperation/administrations/metropole-de-rennes/membres',
        '/cooperation/administrations/metropole-de-rennes/membres/inviter',
      ],
    ];
    const values = ['a\u0000b', '\ud800', '<img src=x onerror=alert(1)>', 'x'.repeat(20_000), ''];
    for (const [page, action] of pages) {
      const session = await formSession(t.app, staff.cookie, page);
      for (const value of values) {
        const response = await submitForm(t.app, session, action, {
          siret: value,
          name: value,
          territory: value,
          website: value,
          description: value,
          email: value,
          version: value,
        });
        expect(response.statusCode, `${action} ${value.slice(0, 20)}`).toBeLessThan(500);
        expect(response.body).not.toMatch(/<img src=x onerror=alert\(1\)>(?!")/);
      }
      const arrays = await submitForm(t.app, session, action, { name: ['a', 'b'], territory: ['FR', 'R11'] });
      expect(arrays.statusCode).toBeLessThan(500);
    }
  });
});
