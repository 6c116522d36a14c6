import { Validator } from '@seriousme/openapi-schema-validator';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentForm, insertApplication, insertVersion } from '../../../test/support/factories/applications.js';
import { insertNews } from '../../../test/support/factories/content.js';
import { seedConfirmedLaureates } from '../../../test/support/factories/laureates.js';
import {
  insertAdministration,
  insertCommons,
  insertEnvelope,
  insertEvent,
  insertGrant,
  insertIndicator,
  insertRegistration,
  insertUseCase,
  insertValue,
  VALID_SIRETS,
} from '../../../test/support/factories/open-data.js';
import { seedPanelWithOpinions } from '../../../test/support/factories/panel.js';
import { createLaureate } from '../../../test/support/factories/seasons.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { DATASETS } from './registry.js';

/**
 * The open data through HTTP, on a database with people in it: the API (pagination, filters, ETag, CORS,
 * rate limit, errors), the downloads (CSV format), the OpenAPI document and the DCAT-AP catalogue, and no
 * personal data in any answer of any of their routes.
 */

const RATE_LIMIT = 12;
let t: TestApp;
let seasonId: string;
let publishedLaureates: string[];
/** Strings that must never leave: people's addresses, phones and names, a project that was not selected. */
const secrets: string[] = [];
let ip = 0;

/** Each request from its own address, so that only the rate-limit test meets the limit. */
async function get(url: string, headers: Record<string, string> = {}, remoteAddress?: string) {
  ip += 1;
  return t.app.inject({
    method: 'GET',
    url,
    headers,
    remoteAddress: remoteAddress ?? `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
  });
}

const path = (url: string) => url.replace(t.config.baseUrl, '');

/** Every record of a collection, following the next links. */
async function walk(url: string, between?: (page: number) => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = url;
  for (let page = 0; next; page++) {
    const res = await get(path(next));
    expect(res.statusCode, next).toBe(200);
    const body = res.json() as { data: { id: string }[]; links: { next: string | null } };
    ids.push(...body.data.map((r) => r.id));
    next = body.links.next;
    if (next) expect(res.headers.link).toContain('rel="next"');
    await between?.(page);
  }
  return ids;
}

beforeAll(async () => {
  t = await createTestApp({ apiRateLimit: RATE_LIMIT });
  t.clock.set('2026-07-01T10:00:00Z');
  const { db } = t.app.services;
  const now = t.clock.now();
  const seeded = await seedConfirmedLaureates(db, t.clock, {
    slug: 'saison-ouverte',
    number: 71,
    laureates: [{ title: 'Jardins partagés', track: 'numerique' }],
  });
  seasonId = seeded.seasonId;
  for (const l of seeded.laureates) secrets.push(l.owner.email, l.coApplicant.email);
  publishedLaureates = [];
  for (const [i, name] of ['Cartes libres', 'Météo ouverte', 'Antennes solidaires'].entries())
    publishedLaureates.push(
      await createLaureate(t.app.services, systemActor, seasonId, {
        trackCode: i === 2 ? 'autres' : 'numerique',
        name,
        organisation: `Association ${name}`,
        summary: `${name} : résumé.`,
        summaryEn: '',
        website: 'https://exemple.fr',
        position: i,
      }),
    );
  // An applicant who was not selected, with a phone number in the answers; a reviewer; panelists.
  const applicant = await createSignedInUser(db, t.clock, [{ role: 'applicant' }], 'zephyrine-vauquelin');
  const form = await currentForm(db, seasonId);
  const application = await insertApplication(db, {
    season_id: seasonId,
    track_code: 'numerique',
    form_id: form.id,
    owner_id: applicant.id,
    applicant_kind: 'association',
    title: 'Projet confidentiel non retenu',
    state: 'submitted',
    draft_answers: '{}',
    submitted_at: now,
    current_version: 1,
    created_at: now,
    updated_at: now,
  });
  await insertVersion(db, {
    application_id: application.id,
    version: 1,
    form_id: form.id,
    answers: JSON.stringify({ project_name: 'Projet confidentiel non retenu', contact_phone: '+33 6 98 76 54 32' }),
    answers_sha256: 'x',
    submitted_at: now,
    submitted_by: applicant.id,
  });
  const reviewer = await createSignedInUser(db, t.clock, [{ role: 'reviewer' }], 'barnabe-quillard');
  const maintainer = await createSignedInUser(db, t.clock, [{ role: 'partner' }], 'ombeline-mainteneuse');
  const agent = await createSignedInUser(db, t.clock, [{ role: 'partner' }], 'anatole-agent');
  secrets.push(
    applicant.email,
    reviewer.email,
    maintainer.email,
    agent.email,
    'zephyrine',
    'vauquelin',
    'barnabe',
    'quillard',
    'ombeline',
    'anatole',
    '98 76 54 32',
    'Projet confidentiel',
    'panelist0.',
    '@example.org',
  );
  await seedPanelWithOpinions(t.app.services, {
    seasonId,
    criteria: [{ code: 'interet', label: 'Intérêt', labelEn: 'Interest' }],
    opinionWeight: 30,
    opinions: [{ [application.id]: { interet: 3 } }],
  });
  // Impact: a public indicator with an approved and a draft value, and a private indicator.
  const indicator = await insertIndicator(db, now, {
    laureateId: publishedLaureates[0]!,
    name: 'Stations météo ouvertes',
    unit: 'stations',
  });
  await insertValue(db, now, { indicatorId: indicator, periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 5 });
  await insertValue(db, now, {
    indicatorId: indicator,
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    value: 777,
    state: 'draft',
    comment: 'Brouillon Secret',
  });
  await insertIndicator(db, now, {
    laureateId: publishedLaureates[0]!,
    name: 'Indicateur interne',
    unit: 'x',
    isPublic: false,
  });
  secrets.push('777', 'Brouillon Secret', 'Indicateur interne');
  // News with a press contact.
  await insertNews(db, {
    slug: 'lancement',
    title: 'Lancement de la saison',
    chapeau: 'La saison commence.',
    body: 'Texte.',
    published_at: new Date('2026-03-01T23:30:00Z'),
    categories: ['Communiqué'],
    tags: ['saison'],
    press_contact: JSON.stringify({ name: 'Hortense Presse', email: 'hortense@presse.test', phone: '01 23 45 67 89' }),
    status: 'published',
  });
  await insertNews(db, { slug: 'brouillon', title: 'Actualité en brouillon', published_at: now, status: 'draft' });
  secrets.push('Hortense', 'hortense@presse.test', '01 23 45 67 89', 'Actualité en brouillon');
  // Commons and use cases: hidden and members-only ones stay out.
  const carto = await insertCommons(db, now, { name: 'Carto Libre', kind: 'data', maintainers: [maintainer.id] });
  await insertCommons(db, now, { name: 'Commun masqué', hidden: true });
  const mairie = await insertAdministration(db, now, {
    name: 'Mairie de Test',
    siret: VALID_SIRETS[0],
    members: [agent.id],
  });
  await insertUseCase(db, now, {
    administrationId: mairie,
    commonsId: carto,
    title: 'Carte des équipements',
    status: 'production',
    referents: [agent.id],
  });
  await insertUseCase(db, now, {
    administrationId: mairie,
    commonsId: carto,
    title: 'Cas réservé',
    visibility: 'members',
  });
  secrets.push('Commun masqué', 'Cas réservé');
  // A signed grant.
  const envelope = await insertEnvelope(db, { seasonId, trackCode: 'numerique', now });
  await insertGrant(db, {
    seasonId,
    envelopeId: envelope,
    applicationId: seeded.laureates[0]!.applicationId,
    reference: 'AIC-S71-01',
    signedOn: '2026-03-15',
    now,
  });
  // A hybrid event: its online link and the people registered never leave.
  const eventId = await insertEvent(db, now, {
    title: 'Atelier ouvert',
    kind: 'hybrid',
    startsAt: new Date(now.getTime() + 7 * 86_400_000),
    onlineLink: 'https://visio.example.org/salle-secrete',
    capacity: 20,
  });
  await insertRegistration(db, now, {
    eventId,
    name: 'Bérénice Inscrite',
    email: 'berenice@inscrits.test',
    answers: { structure: 'Association confidentielle' },
  });
  secrets.push('salle-secrete', 'Bérénice Inscrite', 'berenice@inscrits.test', 'Association confidentielle');
}, 120_000);

afterAll(() => t?.close());

describe('the open-data API', () => {
  it('walks every page once, with no record missing or repeated when records are added meanwhile', async () => {
    const before = await walk('/api/v1/laureates?limit=1', async (page) => {
      if (page === 1)
        await createLaureate(t.app.services, systemActor, seasonId, {
          trackCode: 'numerique',
          name: 'Ajouté pendant la lecture',
          organisation: 'Association tardive',
          summary: 'Arrivé entre deux pages.',
          summaryEn: '',
          website: '',
          position: 9,
        });
    });
    expect(new Set(before).size).toBe(before.length);
    for (const id of publishedLaureates) expect(before).toContain(id);
    const all = (await get('/api/v1/laureates?limit=100')).json();
    expect(all.meta.total).toBe(4);
    expect(await walk('/api/v1/laureates?limit=3')).toEqual(all.data.map((l: { id: string }) => l.id));
  });

  it('publishes laureates with their support progress and approved public indicators only', async () => {
    const res = await get(`/api/v1/laureates/${publishedLaureates[0]}`);
    expect(res.statusCode).toBe(200);
    const laureate = res.json();
    expect(laureate).toMatchObject({ name: 'Cartes libres', seasonId, supportProgressPercent: null });
    expect(laureate.indicators).toHaveLength(1);
    expect(laureate.indicators[0].values).toEqual([
      { periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 5, source: '' },
    ]);
    const grant = (await get('/api/v1/grants')).json().data[0];
    expect(grant).toMatchObject({ referenceDecision: 'AIC-S71-01', dateConvention: '2026-03-15', seasonId });
  });

  it('filters by season, track, status, kind and update date', async () => {
    const ids = (url: string) => get(url).then((r) => r.json().data.map((d: { id: string }) => d.id));
    expect(await ids(`/api/v1/laureates?track=autres&season=${seasonId}`)).toEqual([publishedLaureates[2]]);
    expect(await ids('/api/v1/laureates?season=00000000-0000-4000-8000-000000000000')).toEqual([]);
    const useCases = (await get('/api/v1/use-cases?status=production')).json().data;
    expect(useCases.map((u: { title: string }) => u.title)).toEqual(['Carte des équipements']);
    expect((await get('/api/v1/use-cases?status=exploration')).json().data).toEqual([]);
    expect((await get('/api/v1/commons?kind=data')).json().data).toHaveLength(1);
    expect((await get('/api/v1/commons?kind=software')).json().data).toHaveLength(0);
    expect((await get('/api/v1/news?updated_since=2026-01-01')).json().data).toHaveLength(1);
    expect((await get('/api/v1/news?updated_since=2030-01-01T00:00:00Z')).json().data).toHaveLength(0);
    const next = (await get('/api/v1/laureates?limit=1&track=numerique')).json().links.next as string;
    expect(next).toContain('track=numerique');
    expect(next).toContain('limit=1');
  });

  it('answers 304 to a matching If-None-Match, with caching and CORS headers', async () => {
    const first = await get('/api/v1/seasons');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('application/json');
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['access-control-allow-credentials']).toBeUndefined();
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/api/v1/seasons', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/api/v1/seasons', { 'if-none-match': '"autre"' })).statusCode).toBe(200);
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/seasons',
      headers: { origin: 'https://ailleurs.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect((await t.app.inject({ method: 'HEAD', url: '/api/v1/seasons' })).statusCode).toBe(200);
    // Read-only: no other method is served.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/seasons' })).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('refuses bad queries with a JSON 400 that names the parameter, and unknown records with a JSON 404', async () => {
    for (const [url, words] of [
      ['/api/v1/seasons?limit=0', /« limit ».*au moins 1/],
      ['/api/v1/seasons?limit=1000', /« limit ».*au plus 100/],
      ['/api/v1/seasons?limit=abc', /« limit »/],
      ['/api/v1/seasons?status=bientot', /« status ».*upcoming, open, closed/],
      ['/api/v1/laureates?season=pas-un-uuid', /« season ».*UUID/],
      ['/api/v1/seasons?cursor=n%27importe-quoi', /curseur/],
      [`/api/v1/seasons?cursor=${Buffer.from('v1:<script>').toString('base64url')}`, /curseur/],
      ['/api/v1/news?updated_since=hier', /updated_since/],
      [`/api/v1/news?category=${'x'.repeat(101)}`, /« category »/],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/json');
      expect(res.json().message, url).toMatch(words);
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
    }
    for (const url of [
      '/api/v1/seasons/pas-un-id',
      '/api/v1/seasons/00000000-0000-4000-8000-000000000000',
      '/api/v1/rien',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/json');
      expect(res.body, url).not.toContain('<html');
    }
  });

  it('answers 429 with Retry-After past the rate limit, in JSON', async () => {
    let last = await get('/api/v1/news', {}, '192.0.2.77');
    for (let i = 0; i < RATE_LIMIT; i++) last = await get('/api/v1/news', {}, '192.0.2.77');
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.headers['content-type']).toContain('application/json');
    expect(last.json().message).toMatch(/Retry-After/);
    expect(last.headers['access-control-allow-origin']).toBe('*');
    // Another client is not held back.
    expect((await get('/api/v1/news', {}, '192.0.2.78')).statusCode).toBe(200);
  });
});

describe('the downloads, the documents and the pages', () => {
  it('writes CSV for French spreadsheets: BOM, semicolons, labels, Paris time', async () => {
    const news = await get('/donnees/actualites.csv');
    expect(news.statusCode).toBe(200);
    expect(news.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(news.body.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = news.body.slice(1).split('\r\n');
    expect(header).toBe('Identifiant;Titre;Chapeau;Catégories;Étiquettes;Publiée le;Mise à jour;Page');
    // 23:30 UTC on 1 March is 00:30 on 2 March in Paris.
    expect(row).toContain(';02/03/2026 00:30;');
    const useCases = (await get('/donnees/cas-d-usage.csv')).body;
    expect(useCases).toContain(';En production;');
    expect(useCases).not.toContain(';production;');
    const json = await get('/donnees/cas-d-usage.json');
    expect(json.json()).toHaveLength(1);
    expect(json.headers.etag).toBeTruthy();
  });

  it('describes every route in an OpenAPI document that validates as OpenAPI 3', async () => {
    const document = (await get('/api/openapi.json')).json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const dataset of DATASETS) {
      const list = document.paths[`/api/v1/${dataset.path}`]?.get;
      expect(list?.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['limit', 'cursor', ...Object.keys(dataset.filters)]),
      );
      expect(list.responses['200'].content['application/json'].schema).toBeTruthy();
      expect(document.paths[`/api/v1/${dataset.path}/{id}`]?.get).toBeTruthy();
      expect(document.paths[`/donnees/${dataset.file}.json`]?.get).toBeTruthy();
    }
  });

  it('publishes a DCAT-AP catalogue that expands as JSON-LD, whose every distribution answers 200', async () => {
    const res = await get('/donnees/catalogue.jsonld');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const catalogue = res.json();
    const expanded = await jsonld.expand(catalogue, {
      documentLoader: async (url: string) => {
        throw new Error(`no remote context: ${url}`);
      },
    });
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const DCT = 'http://purl.org/dc/terms/';
    const root = expanded[0] as Record<string, unknown[]>;
    expect(root['@type']).toEqual([`${DCAT}Catalog`]);
    expect(root[`${DCT}publisher`]).toBeTruthy();
    const datasets = root[`${DCAT}dataset`] as Record<string, unknown[]>[];
    expect(datasets).toHaveLength(DATASETS.length);
    const urls: string[] = [];
    for (const dataset of datasets) {
      expect(dataset['@type']).toEqual([`${DCAT}Dataset`]);
      const languages = (key: string) =>
        (dataset[`${DCT}${key}`] as { '@language': string }[]).map((v) => v['@language']);
      expect(languages('title')).toEqual(['fr', 'en']);
      expect(languages('description')).toEqual(['fr', 'en']);
      for (const key of [`${DCT}license`, `${DCT}publisher`, `${DCT}modified`, `${DCAT}keyword`])
        expect(dataset[key], `${dataset['@id']} ${key}`).toBeTruthy();
      for (const distribution of dataset[`${DCAT}distribution`] as Record<string, { '@id': string }[]>[]) {
        for (const key of [`${DCAT}accessURL`, `${DCT}format`, `${DCAT}mediaType`, `${DCT}license`])
          expect(distribution[key], key).toBeTruthy();
        urls.push(distribution[`${DCAT}accessURL`]![0]!['@id']);
        if (distribution[`${DCAT}downloadURL`]) urls.push(distribution[`${DCAT}downloadURL`]![0]!['@id']);
      }
    }
    for (const url of new Set(urls)) {
      expect(url.startsWith(t.config.baseUrl), url).toBe(true);
      expect((await get(path(url))).statusCode, url).toBe(200);
    }
  });

  it('lists the datasets on /donnees and the routes on /api, from the registry and the OpenAPI document', async () => {
    const page = await get('/donnees');
    expect(page.statusCode).toBe(200);
    for (const dataset of DATASETS) expect(page.body).toContain(`href="/donnees/${dataset.file}.json"`);
    expect(page.body).toContain('href="/donnees/subventions.csv"');
    expect(page.body).toContain('href="/donnees/subventions-360giving.json"');
    expect(page.body).toContain('href="/donnees/catalogue.jsonld"');
    expect(page.body).toContain('Licence Ouverte 2.0');
    const api = await get('/api');
    expect(api.statusCode).toBe(200);
    for (const dataset of DATASETS) expect(api.body).toContain(`id="op-api-v1-${dataset.path}-id"`);
    expect(api.body).toContain('id="op-donnees-catalogue-jsonld"');
    expect(api.body).toContain(`${RATE_LIMIT} requêtes par minute`);
    expect(api.body).toContain('updated_since');
  });
});

describe('personal data', () => {
  it('never leaves through any route of the API nor any download', async () => {
    const routes = t.app.services.routes.filter(
      (r) => r.method === 'GET' && (r.url.startsWith('/api/v1/') || r.url.startsWith('/donnees')),
    );
    expect(routes.length).toBeGreaterThan(DATASETS.length * 3);
    const answers: string[] = [];
    for (const route of routes) {
      if (!route.url.includes(':id')) {
        const res = await get(route.url);
        expect(res.statusCode, route.url).toBe(200);
        answers.push(res.body);
        continue;
      }
      const collection = route.url.replace('/:id', '');
      const ids = await walk(`${collection}?limit=100`);
      expect(ids.length, collection).toBeGreaterThan(0);
      for (const id of ids) {
        const res = await get(route.url.replace(':id', id));
        expect(res.statusCode, `${route.url} ${id}`).toBe(200);
        answers.push(res.body);
      }
    }
    for (const body of answers)
      for (const secret of secrets) expect(body.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
