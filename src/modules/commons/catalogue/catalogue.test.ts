import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { insertAdministration, insertCommons, insertNeed, insertUseCase, VALID_SIRETS } from '../testing.js';

/** The public side: the catalogue (search, filters, pagination) and a commons' page, as each visitor sees it. */

let t: TestApp;
let partner: SignedInUser;
let staff: SignedInUser;
let stranger: SignedInUser;
let maintainer: SignedInUser;
const ids: Record<string, string> = {};
const db = () => t.app.services.db;

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

/** The names of the commons listed on a catalogue page, in order. */
function listed(html: string): string[] {
  return [...html.matchAll(/<h3 class="fr-card__title"><a href="\/cooperation\/communs\/[^"]+">([^<]+)<\/a>/g)].map(
    (x) => x[1],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  partner = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'partner');
  staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'staff');
  stranger = await createSignedInUser(db(), t.clock, [], 'stranger');
  maintainer = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'maintainer');
  ids.donnees = await insertCommons(db(), now, {
    name: 'Données Ouvertes Locales',
    summary: 'Publier les données des collectivités.',
    description: 'Un portail de données ouvertes pour les communes.',
    kind: 'data',
    licence: 'etalab-2.0',
    categories: ['Open data', 'Collectivités'],
    keywords: ['portail'],
    levers: ['donnees-outils'],
    maintainers: [maintainer.id],
  });
  ids.carto = await insertCommons(db(), now, {
    name: 'Carte Libre',
    summary: 'Des cartes pour tous.',
    description: 'Cartographie collaborative ; réutilise la donnée publique.',
    categories: ['Cartographie'],
    keywords: ['cartes', 'géographie'],
    levers: ['coaching'],
  });
  ids.ecole = await insertCommons(db(), now, {
    name: 'École Numérique',
    summary: 'Un environnement pour les écoles.',
    kind: 'software',
    categories: ['Éducation'],
  });
  ids.hidden = await insertCommons(db(), now, {
    name: 'Données Cachées',
    summary: 'Un doublon masqué.',
    hidden: true,
    maintainers: [maintainer.id],
  });
  ids.merged = await insertCommons(db(), now, { name: 'Données Fusionnées', summary: 'Fusionné.' });
  await db()
    .updateTable('commons')
    .set({ merged_into: ids.donnees, hidden: true, maturity: 'idea' })
    .where('id', '=', ids.merged)
    .execute();
  await db()
    .updateTable('commons')
    .set({
      maturity: 'mature',
      website: 'https://donnees.example.org',
      repository: 'https://git.example.org/donnees',
      governance_name: 'Association des données',
      governance_rna: 'W751234567',
      sill_id: '42',
      wikidata_id: 'Q123',
    })
    .where('id', '=', ids.donnees)
    .execute();

  const mairie = await insertAdministration(db(), now, { name: 'Mairie de Lyon', siret: VALID_SIRETS[0] });
  const masquee = await insertAdministration(db(), now, {
    name: 'Préfecture masquée',
    siret: VALID_SIRETS[1],
    hidden: true,
  });
  await insertUseCase(db(), now, {
    administrationId: mairie,
    commonsId: ids.donnees,
    title: 'Publier les délibérations',
    status: 'production',
  });
  await insertUseCase(db(), now, {
    administrationId: mairie,
    commonsId: ids.donnees,
    title: 'Tableau interne des subventions',
    visibility: 'members',
    status: 'experimentation',
  });
  const hiddenUseCase = await insertUseCase(db(), now, {
    administrationId: mairie,
    commonsId: ids.donnees,
    title: 'Cas d’usage masqué',
  });
  await db().updateTable('commons_use_cases').set({ hidden: true }).where('id', '=', hiddenUseCase).execute();
  await insertUseCase(db(), now, {
    administrationId: masquee,
    commonsId: ids.donnees,
    title: 'Usage d’une préfecture masquée',
  });
  await insertUseCase(db(), now, {
    administrationId: mairie,
    commonsId: ids.donnees,
    title: 'Ancien essai',
    status: 'abandoned',
  });
  await insertNeed(db(), now, {
    side: 'commons',
    ownerId: ids.donnees,
    title: 'Cherche testeurs',
    category: 'testers',
  });
  await insertNeed(db(), now, {
    side: 'commons',
    ownerId: ids.donnees,
    title: 'Offre réservée aux membres',
    kind: 'offer',
    visibility: 'members',
  });
  const experiment = await db()
    .insertInto('commons_experiments')
    .values({
      commons_id: ids.donnees,
      title: 'Expérimentation à Lyon',
      goal: 'Tester la publication',
      territory: 'FR',
      status: 'running',
      starts_on: '2026-01-15',
      ends_on: null,
      outcome: null,
      visibility: 'public',
      created_at: now,
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('commons_experiment_administrations')
    .values({ experiment_id: experiment.id, administration_id: mairie })
    .execute();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the catalogue', () => {
  it('lists visible commons in French alphabetical order, never hidden or merged ones, with the count', async () => {
    const response = await get('/cooperation/communs');
    expect(response.statusCode).toBe(200);
    expect(listed(response.body)).toEqual(['Carte Libre', 'Données Ouvertes Locales', 'École Numérique']);
    expect(response.body).toContain('3 communs trouvés');
    expect(response.body).not.toContain('Données Cachées');
    expect(response.body).not.toContain('Données Fusionnées');
  });

  it('searches in French, folding accents and case: "données" = "donnees" = "DONNÉE"', async () => {
    for (const q of ['données', 'donnees', 'DONNÉE', 'Donnee']) {
      const response = await get(`/cooperation/communs?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      // The name matches first; the other one only mentions "donnée" in its description.
      expect(listed(response.body), q).toEqual(['Données Ouvertes Locales', 'Carte Libre']);
    }
    expect(listed((await get('/cooperation/communs?q=carto')).body)).toEqual(['Carte Libre']);
    expect(listed((await get('/cooperation/communs?q=geographie')).body)).toEqual(['Carte Libre']);
    expect(listed((await get('/cooperation/communs?q=ecoles')).body)).toEqual(['École Numérique']);
    expect(listed((await get('/cooperation/communs?q=portail%20communes')).body)).toEqual(['Données Ouvertes Locales']);
    const none = await get('/cooperation/communs?q=inexistant');
    expect(none.body).toContain('0 commun trouvé');
    expect(none.body).toContain('Aucun commun ne correspond');
    // Hidden and merged commons never come up in a search either.
    expect(listed((await get('/cooperation/communs?q=cachees')).body)).toEqual([]);
    expect(listed((await get('/cooperation/communs?q=fusionnees')).body)).toEqual([]);
  });

  it('filters by category, kind, lever and maturity in a GET form, and ignores unknown values', async () => {
    const page = await get('/cooperation/communs');
    expect(page.body).toMatch(/<form method="get" action="\/cooperation\/communs"/);
    expect(listed((await get('/cooperation/communs?categorie=Cartographie')).body)).toEqual(['Carte Libre']);
    expect(listed((await get('/cooperation/communs?type=data')).body)).toEqual(['Données Ouvertes Locales']);
    expect(listed((await get('/cooperation/communs?levier=coaching')).body)).toEqual(['Carte Libre']);
    expect(listed((await get('/cooperation/communs?maturite=mature')).body)).toEqual(['Données Ouvertes Locales']);
    expect(listed((await get('/cooperation/communs?type=software&q=numerique')).body)).toEqual(['École Numérique']);
    const odd = await get('/cooperation/communs?type=%3Cscript%3E&levier=x&maturite=1&page=-4&categorie=Inconnue');
    expect(odd.statusCode).toBe(200);
    expect(listed(odd.body)).toEqual([]);
    expect(odd.body).not.toContain('<script>');
    // The categories offered are those of visible commons.
    expect(page.body).toContain('<option value="Éducation"');
    expect(page.body).not.toContain('Données Cachées');
  });

  it('pages the results, keeps the filters in the page links, and shows the last page past the end', async () => {
    const now = t.clock.now();
    for (let i = 1; i <= 23; i++)
      await insertCommons(db(), now, {
        name: `Outil paginé ${String(i).padStart(2, '0')}`,
        categories: ['Pagination'],
      });
    const first = await get('/cooperation/communs?categorie=Pagination');
    expect(first.body).toContain('23 communs trouvés');
    expect(listed(first.body)).toHaveLength(20);
    expect(first.body).toContain('href="/cooperation/communs?categorie=Pagination&page=2"');
    const second = await get('/cooperation/communs?categorie=Pagination&page=2');
    expect(listed(second.body)).toEqual(['Outil paginé 21', 'Outil paginé 22', 'Outil paginé 23']);
    const past = await get('/cooperation/communs?categorie=Pagination&page=99');
    expect(listed(past.body)).toEqual(listed(second.body));
  });

  it('offers to propose a commons to signed-in people, and says how to anyone else', async () => {
    expect((await get('/cooperation/communs')).body).toContain('Connectez-vous pour proposer un commun');
    expect((await get('/cooperation/communs', stranger.cookie)).body).toContain('href="/cooperation/communs/nouveau"');
  });
});

describe('a commons’ page', () => {
  it('shows what it is, its licence with its SPDX name, its levers, its links and the ways to act', async () => {
    const response = await get('/cooperation/communs/donnees-ouvertes-locales');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h1>Données Ouvertes Locales</h1>');
    expect(body).toContain('Publier les données des collectivités.');
    expect(body).toContain('Un portail de données ouvertes pour les communes.');
    expect(body).toContain('<code>etalab-2.0</code>');
    expect(body).toContain('Etalab Open License 2.0');
    expect(body).toContain('https://spdx.org/licenses/etalab-2.0.html');
    expect(body).toContain('Données');
    expect(body).toContain('Mature');
    expect(body).toContain('Association des données');
    expect(body).toContain('W751234567');
    expect(body).toContain('href="https://donnees.example.org"');
    expect(body).toContain('href="https://git.example.org/donnees"');
    expect(body).toContain('Open data, Collectivités');
    expect(body).toContain('Accès aux données et aux outils numériques de l’État');
    expect(body).toContain('href="https://code.gouv.fr/sill/detail?id=42"');
    expect(body).toContain('href="https://www.wikidata.org/wiki/Q123"');
    expect(body).toContain('href="/cooperation/communs/donnees-ouvertes-locales/contacter"');
    expect(body).toContain('href="/cooperation/communs/donnees-ouvertes-locales/suggestions"');
    // Not a maintainer: no editing links.
    expect(body).not.toContain('/modifier"');
  });

  it('shows who uses it for what: public use cases to all, members-only ones to members and staff, hidden ones never', async () => {
    const anonymous = (await get('/cooperation/communs/donnees-ouvertes-locales')).body;
    expect(anonymous).toContain('Publier les délibérations');
    expect(anonymous).toContain('Mairie de Lyon');
    expect(anonymous).toContain('href="/cooperation/administrations/mairie-de-lyon"');
    expect(anonymous).toContain('En production');
    expect(anonymous).toContain('Ancien essai');
    expect(anonymous).toContain('Abandonné pour le test.');
    expect(anonymous).not.toContain('Tableau interne des subventions');
    expect(anonymous).not.toContain('Cas d’usage masqué');
    expect(anonymous).not.toContain('Usage d’une préfecture masquée');
    expect(anonymous).toContain('Cherche testeurs');
    expect(anonymous).not.toContain('Offre réservée aux membres');
    expect(anonymous).toContain('Expérimentation à Lyon');
    expect(anonymous).toContain('15 janvier 2026');
    for (const person of [partner, staff]) {
      const body = (await get('/cooperation/communs/donnees-ouvertes-locales', person.cookie)).body;
      expect(body).toContain('Tableau interne des subventions');
      expect(body).toContain('Offre réservée aux membres');
      expect(body).toContain('Réservé aux membres');
      expect(body).not.toContain('Cas d’usage masqué');
      expect(body).not.toContain('Usage d’une préfecture masquée');
    }
    const strangerBody = (await get('/cooperation/communs/donnees-ouvertes-locales', stranger.cookie)).body;
    expect(strangerBody).not.toContain('Tableau interne des subventions');
  });

  it('shows its maintainers and staff the links to edit it', async () => {
    for (const person of [maintainer, staff]) {
      const body = (await get('/cooperation/communs/donnees-ouvertes-locales', person.cookie)).body;
      expect(body).toContain('href="/cooperation/communs/donnees-ouvertes-locales/modifier"');
      expect(body).toContain('href="/cooperation/communs/donnees-ouvertes-locales/mainteneurs"');
    }
  });

  it('is 404 when hidden, except for its maintainers and staff who see it with a notice', async () => {
    expect((await get('/cooperation/communs/donnees-cachees')).statusCode).toBe(404);
    expect((await get('/cooperation/communs/donnees-cachees', stranger.cookie)).statusCode).toBe(404);
    expect((await get('/cooperation/communs/donnees-cachees', partner.cookie)).statusCode).toBe(404);
    for (const person of [maintainer, staff]) {
      const response = await get('/cooperation/communs/donnees-cachees', person.cookie);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Ce commun est masqué');
      expect(response.body).toContain('Motif : test');
    }
    expect((await get('/cooperation/communs/inconnu')).statusCode).toBe(404);
    expect((await get('/cooperation/communs/Pas%20un%20slug')).statusCode).toBe(404);
  });

  it('redirects (301) a merged commons to the one it was merged into, keeping the sub-address', async () => {
    const response = await get('/cooperation/communs/donnees-fusionnees');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/cooperation/communs/donnees-ouvertes-locales');
    const edit = await get('/cooperation/communs/donnees-fusionnees/modifier', maintainer.cookie);
    expect(edit.statusCode).toBe(301);
    expect(edit.headers.location).toBe('/cooperation/communs/donnees-ouvertes-locales/modifier');
  });

  it('links to its laureate page when it was a laureate of the accelerator', async () => {
    const seeded = await seedConfirmedLaureates(db(), t.clock, {
      slug: 'saison-communs',
      number: 77,
      laureates: [{ title: 'Carte Libre', track: 'numerique' }],
    });
    await db()
      .updateTable('commons')
      .set({ laureate_application_id: seeded.laureates[0]!.applicationId })
      .where('id', '=', ids.carto)
      .execute();
    const body = (await get('/cooperation/communs/carte-libre')).body;
    expect(body).toContain('href="/laureats?saison=saison-communs#saison-saison-communs"');
    expect(body).toContain('Lauréat de l’accélérateur');
  });

  it('speaks English when asked', async () => {
    const body = (await get('/cooperation/communs/donnees-ouvertes-locales', 'lang=en')).body;
    expect(body).toContain('Who uses it, for what');
    expect(body).toContain('Contact the referents');
    expect(body).toContain('Access to the State’s data and digital tools');
  });
});
