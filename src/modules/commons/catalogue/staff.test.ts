import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession, multipartBody, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { insertAdministration, insertCommons, insertNeed, insertUseCase, VALID_SIRETS } from '../testing.js';
import { csvLine } from './csv.js';

/** Staff's side: the list, hiding, merging a duplicate, and the CSV import. */

let t: TestApp;
let staff: SignedInUser;
let partner: SignedInUser;
let m1: SignedInUser;
let m2: SignedInUser;
let m3: SignedInUser;
const db = () => t.app.services.db;
const BASE = '/admin/cooperation/communs';

beforeAll(async () => {
  t = await createTestApp();
  staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'staff');
  partner = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'partner');
  m1 = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'm1');
  m2 = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'm2');
  m3 = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'm3');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const commons = (id: string) => db().selectFrom('commons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('staff’s list and hiding', () => {
  it('is staff’s only', async () => {
    expect((await get(BASE, partner.cookie)).statusCode).toBe(403);
    expect((await get(`${BASE}/import`, partner.cookie)).statusCode).toBe(403);
    expect((await get(BASE)).statusCode).toBe(303);
  });

  it('lists every commons, hidden ones too, searched and filtered by state', async () => {
    await insertCommons(db(), t.clock.now(), { name: 'Logiciel Visible' });
    await insertCommons(db(), t.clock.now(), { name: 'Logiciel Masqué', hidden: true });
    const all = await get(BASE, staff.cookie);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Logiciel Visible');
    expect(all.body).toContain('Logiciel Masqué');
    const hidden = await get(`${BASE}?etat=hidden&q=logiciel`, staff.cookie);
    expect(hidden.body).toContain('Logiciel Masqué');
    expect(hidden.body).not.toContain('Logiciel Visible');
    expect((await get(`${BASE}?q=masque`, staff.cookie)).body).not.toContain('Logiciel Visible');
  });

  it('hides a commons with a reason (404 for the public), and shows it again', async () => {
    const id = await insertCommons(db(), t.clock.now(), { name: 'À Masquer' });
    const page = `${BASE}/${id}`;
    const session = await formSession(t.app, staff.cookie, page);
    const noReason = await submitForm(t.app, session, `${page}/masquer`, { reason: '  ', version: '1' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Ce champ est obligatoire.');
    const hidden = await submitForm(t.app, session, `${page}/masquer`, { reason: 'Doublon de test', version: '1' });
    expect(hidden.statusCode).toBe(303);
    expect(await commons(id)).toMatchObject({ hidden: true, hidden_reason: 'Doublon de test', version: 2 });
    expect((await get('/cooperation/communs/a-masquer')).statusCode).toBe(404);
    const stale = await submitForm(t.app, session, `${page}/reafficher`, { version: '1' });
    expect(stale.statusCode).toBe(409);
    const shown = await submitForm(t.app, session, `${page}/reafficher`, { version: '2' });
    expect(shown.statusCode).toBe(303);
    expect(await commons(id)).toMatchObject({ hidden: false, hidden_reason: null });
    expect((await get('/cooperation/communs/a-masquer')).statusCode).toBe(200);
    expect((await get(`${BASE}/00000000-0000-4000-8000-000000000000`, staff.cookie)).statusCode).toBe(404);
  });
});

describe('merging a duplicate', () => {
  it('moves use cases, needs, experiments and maintainers (skipping those already there), then redirects', async () => {
    const now = t.clock.now();
    const keep = await insertCommons(db(), now, { name: 'Commun Gardé', maintainers: [m1.id] });
    const dup = await insertCommons(db(), now, { name: 'Commun Doublon', maintainers: [m1.id, m2.id] });
    await db().updateTable('commons').set({ sill_id: '999', wikidata_id: 'Q5' }).where('id', '=', dup).execute();
    const admin = await insertAdministration(db(), now, { name: 'Mairie de Test', siret: VALID_SIRETS[2] });
    await insertUseCase(db(), now, { administrationId: admin, commonsId: dup, title: 'Usage du doublon' });
    await insertUseCase(db(), now, { administrationId: admin, commonsId: dup, title: 'Second usage' });
    await insertNeed(db(), now, { side: 'commons', ownerId: dup, title: 'Besoin du doublon' });
    await db()
      .insertInto('commons_experiments')
      .values({
        commons_id: dup,
        title: 'Essai du doublon',
        goal: 'But',
        territory: 'FR',
        status: 'planned',
        starts_on: null,
        ends_on: null,
        outcome: null,
        visibility: 'public',
        created_at: now,
        created_by: null,
        updated_at: now,
      })
      .execute();

    const page = `${BASE}/${dup}`;
    const session = await formSession(t.app, staff.cookie, page);
    expect(session.html).toContain(`<option value="${keep}"`);
    const self = await submitForm(t.app, session, `${page}/fusionner`, { target: dup, version: '1' });
    expect(self.statusCode).toBe(400);
    const garbage = await submitForm(t.app, session, `${page}/fusionner`, { target: 'x', version: '1' });
    expect(garbage.statusCode).toBe(400);
    const stale = await submitForm(t.app, session, `${page}/fusionner`, { target: keep, version: '9' });
    expect(stale.statusCode).toBe(409);

    const merged = await submitForm(t.app, session, `${page}/fusionner`, { target: keep, version: '1' });
    expect(merged.statusCode).toBe(303);
    expect(merged.headers.location).toBe(`${page}?ok=fusionne&n=2-1-1-1`);
    const done = await get(merged.headers.location!, staff.cookie);
    expect(done.body).toContain('Fusion faite : 2 cas d’usage, 1 besoin, 1 expérimentation et 1 mainteneur déplacés.');

    const count = async (table: 'commons_use_cases' | 'commons_needs' | 'commons_experiments', id: string) =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('commons_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect([
      await count('commons_use_cases', keep),
      await count('commons_needs', keep),
      await count('commons_experiments', keep),
    ]).toEqual([2, 1, 1]);
    expect([
      await count('commons_use_cases', dup),
      await count('commons_needs', dup),
      await count('commons_experiments', dup),
    ]).toEqual([0, 0, 0]);
    const maintainers = async (id: string) =>
      (await db().selectFrom('commons_maintainers').select('user_id').where('commons_id', '=', id).execute())
        .map((r) => r.user_id)
        .sort();
    expect(await maintainers(keep)).toEqual([m1.id, m2.id].sort());
    expect(await maintainers(dup)).toEqual([]);
    expect(await commons(dup)).toMatchObject({ merged_into: keep, hidden: true, sill_id: null });
    expect(await commons(keep)).toMatchObject({ sill_id: '999', wikidata_id: 'Q5', merged_into: null });

    const redirect = await get('/cooperation/communs/commun-doublon');
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/cooperation/communs/commun-garde');
    expect((await get('/cooperation/communs/commun-garde')).body).toContain('Usage du doublon');
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', dup)
      .where('action', '=', 'commons.commons-merged')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({ into: keep, useCases: 2, needs: 1, experiments: 1, maintainers: 1 });

    // Merging it again, or into a merged commons, is refused.
    const again = await submitForm(t.app, session, `${page}/fusionner`, { target: keep, version: '2' });
    expect(again.statusCode).toBe(409);
    const other = await insertCommons(db(), now, { name: 'Autre Doublon', maintainers: [m3.id] });
    const otherSession = await formSession(t.app, staff.cookie, `${BASE}/${other}`);
    const intoMerged = await submitForm(t.app, otherSession, `${BASE}/${other}/fusionner`, {
      target: dup,
      version: '1',
    });
    expect(intoMerged.statusCode).toBe(422);
  });
});

describe('the CSV import', () => {
  const HEADER = [
    'Nom',
    'Identifiant',
    'Identifiant SILL',
    'Résumé',
    'Licence',
    'Type',
    'Maturité',
    'Catégories',
    'Leviers',
    'Site web',
    'SIRET',
  ];

  async function upload(text: string, fields: Record<string, string> = {}, bom = true) {
    const session = await formSession(t.app, staff.cookie, `${BASE}/import`);
    const data = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    const body = multipartBody(
      { _csrf: session.csrf, ...fields },
      { field: 'file', name: 'communs.csv', type: 'text/csv', data },
    );
    return t.app.inject({
      method: 'POST',
      url: `${BASE}/import`,
      headers: { cookie: session.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
  }

  const file = (...rows: string[][]) => `${[HEADER, ...rows].map(csvLine).join('\r\n')}\r\n`;

  const ROWS = [
    [
      'Tableur Libre',
      '',
      '',
      'Un tableur pour tous.',
      'gpl-3.0-or-later',
      'Logiciel',
      'Mature',
      'Bureautique, Calcul',
      'Coaching et stratégie de croissance, reseaux',
      'https://tableur.example.org',
      '',
    ],
    [
      'Données Météo',
      'meteo-ouverte',
      '4242',
      'Des stations météo ouvertes.',
      'ODbL-1.0',
      'Données',
      'En production',
      'Climat',
      '',
      '',
      '11000000000015',
    ],
    ['', '', '', 'Sans nom', '', '', '', '', '', '', ''],
    [
      'Mauvaise Licence',
      '',
      '',
      'Résumé',
      'Licence maison',
      'Fusée',
      '',
      '',
      'levier inconnu',
      'javascript:alert(1)',
      '123',
    ],
    ['Tableur Libre', '', '', 'Encore lui.', '', '', '', '', '', '', ''],
  ];

  it('documents its columns, reports each line, and saves nothing on a dry run', async () => {
    const page = await get(`${BASE}/import`, staff.cookie);
    expect(page.body).toContain('<code>Identifiant SILL</code>');
    const dry = await upload(file(...ROWS), { dry_run: 'on' });
    expect(dry.statusCode).toBe(200);
    expect(dry.body).toContain('Créés : 2 · mis à jour : 0 · ignorés : 3');
    expect(dry.body).toContain('Vérification seulement');
    expect(await db().selectFrom('commons').select('id').where('name', '=', 'Tableur Libre').execute()).toEqual([]);
  });

  it('creates, updates by slug or SILL id, skips with reasons, and changes nothing the second time', async () => {
    const first = await upload(file(...ROWS));
    expect(first.statusCode).toBe(200);
    const body = first.body;
    expect(body).toContain('Créés : 2 · mis à jour : 0 · ignorés : 3');
    expect(body).toContain('Nom : Ce champ est obligatoire.');
    expect(body).toContain('Licence (identifiant SPDX) : Cette licence n’est pas un identifiant');
    expect(body).toContain('Type de commun : Type inconnu');
    expect(body).toContain('Leviers dont le commun a besoin : Choisissez des leviers de la liste.');
    expect(body).toContain('Site web : Saisissez une adresse web complète');
    expect(body).toContain('Même commun qu’à la ligne 2.');
    expect(body).not.toContain('href="javascript:');
    const tableur = await db()
      .selectFrom('commons')
      .selectAll()
      .where('slug', '=', 'tableur-libre')
      .executeTakeFirstOrThrow();
    expect(tableur).toMatchObject({
      licence: 'GPL-3.0-or-later',
      kind: 'software',
      maturity: 'mature',
      categories: ['Bureautique', 'Calcul'],
      levers: ['coaching', 'reseaux'],
      website: 'https://tableur.example.org',
      created_by: null,
    });
    expect(
      await db().selectFrom('commons').selectAll().where('slug', '=', 'meteo-ouverte').executeTakeFirstOrThrow(),
    ).toMatchObject({
      sill_id: '4242',
      kind: 'data',
      licence: 'ODbL-1.0',
      governance_siret: '11000000000015',
    });

    const second = await upload(file(...ROWS.slice(0, 2)));
    expect(second.body).toContain('Créés : 0 · mis à jour : 0 · ignorés : 2');
    expect(second.body).toContain('Déjà à jour.');

    // By SILL id, with another name and slug cell empty: the same commons, updated; empty cells keep values.
    const third = await upload(file(['Météo Ouverte', '', '4242', '', 'CC-BY-4.0', '', '', '', '', '', '']));
    expect(third.body).toContain('Créés : 0 · mis à jour : 1 · ignorés : 0');
    expect(
      await db().selectFrom('commons').selectAll().where('sill_id', '=', '4242').executeTakeFirstOrThrow(),
    ).toMatchObject({
      slug: 'meteo-ouverte',
      name: 'Météo Ouverte',
      summary: 'Des stations météo ouvertes.',
      licence: 'CC-BY-4.0',
      kind: 'data',
      version: 2,
    });
  });

  it('refuses a file it cannot read with a message on the form, never a 500', async () => {
    const latin1 = await upload('Nom;Résumé\r\nCafé;Un résumé\r\n'.replace('é', '\u00e9'), {}, false);
    expect(latin1.statusCode).toBe(200);
    const notUtf8 = await t.app.inject({
      method: 'POST',
      url: `${BASE}/import`,
      headers: { cookie: staff.cookie },
      payload: {},
    });
    expect(notUtf8.statusCode).toBeLessThan(500);
    const session = await formSession(t.app, staff.cookie, `${BASE}/import`);
    const bad = multipartBody(
      { _csrf: session.csrf },
      { field: 'file', name: 'x.csv', type: 'text/csv', data: Buffer.from([0x4e, 0x6f, 0x6d, 0x0a, 0xe9, 0xff]) },
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `${BASE}/import`,
      headers: { cookie: session.cookie, 'content-type': bad.contentType },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('n’est pas en UTF-8');
    expect((await upload('Colonne;Autre\r\nx;y\r\n')).body).toContain('Colonne obligatoire absente : Nom.');
    expect((await upload('Nom;Couleur\r\nx;y\r\n')).body).toContain('Colonne inconnue : « Couleur »');
    expect((await upload('Nom\r\n')).statusCode).toBe(400);
    expect((await upload('Nom;Résumé\r\n"x;y\r\n')).body).toContain('Un guillemet n’est jamais refermé.');
  });
});
