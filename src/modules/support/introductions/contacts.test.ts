import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSession, multipartBody, postForm, submitForm } from '../../../../test/support/forms.js';
import { type ReplayServer, startReplayServer } from '../../../../test/support/replay-server.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser } from '../../../../test/support/users.js';
import { excelCsv } from './testing.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/company-register/', import.meta.url));

let t: TestApp;
let replay: ReplayServer;
let staff: string;
const db = () => t.app.services.db;

const VALID = {
  organisation: 'Direction interministérielle du numérique',
  siret: '',
  service: 'Pôle données',
  person_name: 'Camille Martin',
  role: 'Cheffe de pôle',
  email: 'camille.martin@numerique.gouv.fr',
  topics: 'open data, API, données de santé',
  levers: ['donnees-outils', 'mises-en-relation'],
  legal_basis: 'interet-legitime',
  legal_basis_other: '',
  consent_note: 'Accord par courriel du 3 mars 2026.',
};

async function create(fields: Record<string, string | string[]>) {
  return postForm(t.app, staff, '/admin/contacts/nouveau', '/admin/contacts', { ...VALID, ...fields });
}

async function contactByEmail(email: string) {
  return db().selectFrom('support_contacts').selectAll().where('email', '=', email).executeTakeFirst();
}

beforeAll(async () => {
  replay = await startReplayServer(FIXTURES);
  t = await createTestApp({ companyRegisterUrl: replay.url });
  staff = (await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'equipe')).cookie;
}, 120_000);

afterAll(async () => {
  await t?.close();
  await replay?.close();
});

describe('who may see the directory', () => {
  it('is staff only: an applicant or a reviewer is refused, a track-limited staff member too', async () => {
    const applicant = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }]);
    const reviewer = await createSignedInUser(db(), t.clock, [{ role: 'reviewer' }]);
    const limited = await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'numerique' }]);
    for (const url of ['/admin/contacts', '/admin/contacts/nouveau', '/admin/contacts/import']) {
      expect((await t.app.inject({ url, headers: { cookie: staff } })).statusCode, url).toBe(200);
      expect((await t.app.inject({ url, headers: { cookie: applicant.cookie } })).statusCode, url).toBe(403);
      expect((await t.app.inject({ url, headers: { cookie: reviewer.cookie } })).statusCode, url).toBe(403);
      const refused = await t.app.inject({ url, headers: { cookie: limited.cookie } });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.body).not.toContain('camille');
      expect((await t.app.inject({ url })).statusCode, url).toBe(303);
    }
  });
});

describe('a contact of the directory', () => {
  it('is created with its topics and levers, then found by search and filters', async () => {
    const saved = await create({});
    expect(saved.statusCode).toBe(303);
    const row = await contactByEmail(VALID.email);
    expect(row).toMatchObject({
      organisation: VALID.organisation,
      topics: ['open data', 'API', 'données de santé'],
      levers: ['donnees-outils', 'mises-en-relation'],
      legal_basis: 'Intérêt légitime — mission de service public',
      siret: null,
    });
    await create({
      email: 'autre@culture.gouv.fr',
      person_name: 'Jean Dupont',
      organisation: 'Ministère de la Culture',
      topics: 'patrimoine',
      levers: 'valorisation',
    });
    const list = (query: string) => t.app.inject({ url: `/admin/contacts${query}`, headers: { cookie: staff } });
    const all = await list('');
    expect(all.body).toContain('Camille Martin');
    expect(all.body).toContain('Jean Dupont');
    const bySearch = await list('?q=sant%C3%A9');
    expect(bySearch.body).toContain('Camille Martin');
    expect(bySearch.body).not.toContain('Jean Dupont');
    const byLever = await list('?levier=valorisation');
    expect(byLever.body).toContain('Jean Dupont');
    expect(byLever.body).not.toContain('Camille Martin');
    const byTopic = await list('?sujet=PATRIMOINE');
    expect(byTopic.body).toContain('Jean Dupont');
    expect(byTopic.body).not.toContain('Camille Martin');
    // A wildcard typed in the search is a letter.
    expect((await list('?q=%25')).body).not.toContain('Camille Martin');
  });

  it('pages the list 20 by 20', async () => {
    for (let i = 0; i < 21; i++)
      await db()
        .insertInto('support_contacts')
        .values({
          organisation: `Préfecture ${String(i).padStart(2, '0')}`,
          service: 'SGAR',
          person_name: `Personne ${i}`,
          role: '',
          email: `p${i}@prefecture.gouv.fr`,
          legal_basis: 'Intérêt légitime — mission de service public',
          consent_note: 'oui',
          created_at: t.clock.now(),
          updated_at: t.clock.now(),
        })
        .execute();
    const page2 = await t.app.inject({ url: '/admin/contacts?q=Pr%C3%A9fecture&page=2', headers: { cookie: staff } });
    expect(page2.statusCode).toBe(200);
    expect(page2.body).toContain('Préfecture 20');
    expect(page2.body).not.toContain('Préfecture 00');
    expect(page2.body).toContain('fr-pagination');
    // Past the end shows the last page; nonsense shows the first.
    expect(
      (await t.app.inject({ url: '/admin/contacts?q=Pr%C3%A9fecture&page=99', headers: { cookie: staff } })).body,
    ).toContain('Préfecture 20');
    expect((await t.app.inject({ url: '/admin/contacts?page=abc', headers: { cookie: staff } })).statusCode).toBe(200);
  });

  it('says what is wrong with a SIRET: its length, or its check key', async () => {
    const short = await create({ siret: '1234', email: 'siret1@example.gouv.fr' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Le SIRET compte 14 chiffres');
    expect(short.body).toContain('value="1234"');
    const key = await create({ siret: '882 345 671 00012', email: 'siret2@example.gouv.fr' });
    expect(key.statusCode).toBe(400);
    expect(key.body).toContain('sa clé de contrôle ne correspond pas');
    expect(await contactByEmail('siret2@example.gouv.fr')).toBeUndefined();
  });

  it('keeps the company register’s answer: verified, closed establishment, or unavailable (never blocking)', async () => {
    const cases = [
      ['verifie@example.gouv.fr', '882 345 671 00011', 'verified', 'Vérifié : COOPERATIVE DES COMMUNS OUVERTS (CCO)'],
      ['ferme@example.gouv.fr', '79512345400014', 'verified', 'Établissement fermé au répertoire'],
      ['panne@example.gouv.fr', '35412345700013', 'unavailable', 'Non vérifié : répertoire indisponible'],
      ['inconnu@example.gouv.fr', '81234567600017', 'not_found', 'Non vérifié : inconnu du répertoire'],
    ] as const;
    for (const [email, siret, status, shown] of cases) {
      const saved = await create({ email, siret });
      expect(saved.statusCode, email).toBe(303);
      const row = await contactByEmail(email);
      expect(row?.siret).toBe(siret.replace(/\s/g, ''));
      expect((row!.siret_check as { register: { status: string } }).register.status, email).toBe(status);
      const page = await t.app.inject({ url: saved.headers.location as string, headers: { cookie: staff } });
      expect(page.body, email).toContain(shown);
    }
    expect(replay.requests.some((r) => r.query.q === '35412345700013')).toBe(true);
  });

  it('answers hostile input with field messages, never a 500, and escapes what it shows', async () => {
    const nul = await create({ email: 'nul@example.gouv.fr', person_name: 'Ca\u0000mille' });
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('caractères non autorisés');
    const long = await create({ email: 'long@example.gouv.fr', organisation: 'x'.repeat(201), consent_note: '' });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('ne doit pas dépasser 200 caractères');
    expect(long.body).toContain('Ce champ est obligatoire');
    const badLever = await create({ email: 'levier@example.gouv.fr', levers: ['inconnu'], legal_basis: 'autre' });
    expect(badLever.statusCode).toBe(400);
    expect(badLever.body).toContain('Choisissez parmi les leviers proposés');
    expect(badLever.body).toContain('legal_basis_other-error');
    const list = await postForm(t.app, staff, '/admin/contacts/nouveau', '/admin/contacts', {
      ...VALID,
      email: ['a@b.fr', 'c@d.fr'],
    });
    expect(list.statusCode).toBe(400);
    const html = await create({ email: 'html@example.gouv.fr', person_name: '<script>alert(1)</script>' });
    expect(html.statusCode).toBe(303);
    const page = await t.app.inject({ url: '/admin/contacts?q=script', headers: { cookie: staff } });
    // As text it is escaped; inside a quoted attribute (the link's title) `<` is inert.
    expect(page.body).not.toMatch(/>\s*<script>alert/);
    expect(page.body).toContain('<strong>&lt;script>alert(1)&lt;/script></strong>');
    expect(await contactByEmail('nul@example.gouv.fr')).toBeUndefined();
  });

  it('refuses a second active contact with the same address, whatever its case', async () => {
    const again = await create({ email: 'Camille.Martin@numerique.gouv.fr' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Un contact actif de l’annuaire a déjà cette adresse');
  });

  it('is edited at the version read (a stale form is refused), archived and restored', async () => {
    const row = (await contactByEmail(VALID.email))!;
    const url = `/admin/contacts/${row.id}`;
    const session = await formSession(t.app, staff, url);
    const first = await submitForm(t.app, session, url, { ...VALID, role: 'Directrice', version: '1' });
    expect(first.statusCode).toBe(303);
    const stale = await submitForm(t.app, session, url, { ...VALID, role: 'Autre', version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Quelqu’un a modifié cette fiche');
    expect((await contactByEmail(VALID.email))?.role).toBe('Directrice');
    const archived = await submitForm(t.app, session, `${url}/archiver`, {});
    expect(archived.statusCode).toBe(303);
    expect((await contactByEmail(VALID.email))?.archived_at).not.toBeNull();
    expect((await t.app.inject({ url: '/admin/contacts', headers: { cookie: staff } })).body).not.toContain(
      'Directrice',
    );
    expect((await t.app.inject({ url: '/admin/contacts?etat=archives', headers: { cookie: staff } })).body).toContain(
      'Directrice',
    );
    expect((await submitForm(t.app, session, `${url}/reactiver`, {})).statusCode).toBe(303);
    expect((await contactByEmail(VALID.email))?.archived_at).toBeNull();
    expect(
      (await t.app.inject({ url: '/admin/contacts/00000000-0000-4000-8000-000000000000', headers: { cookie: staff } }))
        .statusCode,
    ).toBe(404);
  });
});

describe('the CSV import', () => {
  const HEADER = [
    'organisation',
    'siret',
    'service',
    'personne',
    'fonction',
    'email',
    'sujets',
    'leviers',
    'base_legale',
    'consentement',
  ];

  async function upload(file: Buffer, mode = 'skip') {
    const session = await formSession(t.app, staff, '/admin/contacts/import');
    const body = multipartBody(
      { _csrf: session.csrf, mode },
      { field: 'file', name: 'contacts.csv', type: 'text/csv', data: file },
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `/admin/contacts/import`,
      headers: { cookie: session.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    return { response, session };
  }

  const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

  it('previews every line with its errors, imports only on confirmation, and nothing on cancel', async () => {
    const file = excelCsv([
      HEADER,
      [
        'Préfecture du Rhône',
        '',
        'SGAR',
        'Alice Bernard',
        'Chargée de mission',
        'alice@rhone.gouv.fr',
        'expérimentation|territoires',
        'experimentations',
        'Intérêt légitime — mission de service public',
        'Accord oral le 2 mars 2026',
      ],
      ['Insee', '12', 'Direction', 'Bruno', '', 'pas-une-adresse', '', 'levier-inconnu', '', 'oui'],
      [
        'Ademe',
        '',
        'Service "données"',
        'Chloé; Durand',
        '',
        'chloe@ademe.fr',
        '',
        'Accès aux données et aux outils numériques de l’État',
        'Consentement',
        'Formulaire du 1er mars',
      ],
      ['Insee', '', 'Direction', 'Bruno Petit', '', 'ALICE@rhone.gouv.fr', '', '', 'Consentement', 'oui'],
    ]);
    const { response } = await upload(file);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('Lignes valides : 2 sur 4');
    expect(html).toContain('Importer les 2 lignes valides');
    // Line 3 (the second contact line): its SIRET, its e-mail, its lever and its legal basis, each named.
    for (const column of ['siret', 'email', 'leviers', 'base_legale'])
      expect(html).toMatch(new RegExp(`<td>3</td>\\s*<td><code>${column}</code>`));
    expect(html).toContain('Cette adresse figure déjà ligne 2 du fichier');
    expect(html).toContain('Chloé; Durand');
    expect(await contactByEmail('alice@rhone.gouv.fr')).toBeUndefined();

    const confirm = await postForm(t.app, staff, '/admin/contacts', '/admin/contacts/import/confirmer', {
      mode: hidden(html, 'mode'),
      data: hidden(html, 'data'),
    });
    expect(confirm.statusCode).toBe(303);
    expect(confirm.headers.location).toContain('ok=import&n=2&u=0&s=0');
    const list = await t.app.inject({ url: String(confirm.headers.location), headers: { cookie: staff } });
    expect(list.body).toContain('Import terminé. Contacts ajoutés : 2 · mis à jour : 0 · ignorés : 0');
    expect(list.body).toMatch(/\d+ contacts/);
    expect(await contactByEmail('alice@rhone.gouv.fr')).toMatchObject({
      topics: ['expérimentation', 'territoires'],
      levers: ['experimentations'],
    });
    expect(await contactByEmail('chloe@ademe.fr')).toMatchObject({
      levers: ['donnees-outils'],
      service: 'Service "données"',
    });
    expect(
      await db().selectFrom('support_contacts').select('id').where('organisation', '=', 'Insee').execute(),
    ).toHaveLength(0);
  });

  it('skips or updates the contacts already in the directory, as asked, and says which', async () => {
    const file = excelCsv([
      HEADER,
      [
        'Préfecture du Rhône',
        '',
        'SGAR',
        'Alice Bernard-Roux',
        'Directrice',
        'alice@rhone.gouv.fr',
        '',
        '',
        'Consentement',
        'oui',
      ],
    ]);
    const skip = await upload(file, 'skip');
    expect(skip.response.body).toContain('Ignorer (doublon)');
    const update = await upload(file, 'update');
    expect(update.response.body).toContain('Mettre à jour');
    const confirm = await postForm(t.app, staff, '/admin/contacts', '/admin/contacts/import/confirmer', {
      mode: 'update',
      data: hidden(update.response.body, 'data'),
    });
    expect(confirm.headers.location).toContain('n=0&u=1&s=0');
    expect((await contactByEmail('alice@rhone.gouv.fr'))?.role).toBe('Directrice');
  });

  it('reads a comma-separated file without BOM, and refuses a broken file with a message on the form', async () => {
    const comma = Buffer.from(
      `${HEADER.join(',')}\nDGFiP,,Bureau SI,Dora,,dora@dgfip.gouv.fr,"impôts, données",,Consentement,oui\n`,
    );
    const { response } = await upload(comma);
    expect(response.body).toContain('Lignes valides : 1 sur 1');
    expect(response.body).toContain('Importer la ligne valide');
    const latin1 = Buffer.from(`${HEADER.join(';')}\r\nPréfecture;;S;P;;p@x.fr;;;C;oui\r\n`, 'latin1');
    const refused = await upload(latin1);
    expect(refused.response.statusCode).toBe(400);
    expect(refused.response.body).toContain('n’est pas en UTF-8');
    const noHeader = await upload(Buffer.from('nom;prenom\nA;B\n'));
    expect(noHeader.response.body).toContain('Colonne manquante');
    const nul = await upload(excelCsv([HEADER, ['Org\u0000', '', 'S', 'P', '', 'nul@x.fr', '', '', 'C', 'oui']]));
    expect(nul.response.statusCode).toBe(200);
    expect(nul.response.body).toContain('caractères non autorisés');
    const broken = await postForm(t.app, staff, '/admin/contacts', '/admin/contacts/import/confirmer', {
      mode: 'skip',
      data: '<script>',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('envoyez le fichier à nouveau');
  });
});
