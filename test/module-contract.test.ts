import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, PERMISSIONS, registerPermissions } from '../src/core/auth/permissions.js';
import { assembleSite } from '../src/core/site.js';
import { modules } from '../src/modules/index.js';
import { exampleModule } from './support/example-module/index.js';
import { listRoutes } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createSignedInUser, type SignedInUser } from './support/users.js';

/**
 * The module contract (src/core/module.ts): a module written in its own folder and added to the module
 * list — here a test-only one, test/support/example-module — appears in every page and table that is
 * generated from the manifests, without a line of core or of another module changing.
 */
let t: TestApp;
let admin: SignedInUser;
let applicant: SignedInUser;

beforeAll(async () => {
  t = await createTestApp({}, { modules: [...modules, exampleModule] });
  admin = await createSignedInUser(t.database.db, t.clock, [{ role: 'admin' }], 'admin');
  applicant = await createSignedInUser(t.database.db, t.clock, [{ role: 'applicant' }], 'applicant');
  await t.database.db
    .insertInto('example_notes')
    .values([{ body: 'a' }, { body: 'b' }])
    .execute();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const hrefs = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]);

describe('a module added to the list', () => {
  it('takes its place in the public menu, by its order', async () => {
    const home = (await t.app.inject('/')).body;
    expect(hrefs(home, /class="fr-nav__link" href="([^"]+)"/g)).toEqual([
      '/',
      '/programme',
      '/saisons',
      '/laureats',
      '/manifeste',
      '/actualites',
      '/evenements',
      '/cooperation',
      '/partenaires',
      '/faq',
      '/exemple',
    ]);
  });

  it('adds its header link for the people who hold its permission only', async () => {
    const asAdmin = (await t.app.inject({ url: '/', headers: { cookie: admin.cookie } })).body;
    expect(hrefs(asAdmin, /class="fr-btn fr-icon-[a-z0-9-]+" href="([^"]+)"/g)).toEqual([
      '/langue/en?retour=%2F',
      '/admin',
      '/mes-candidatures',
      '/admin/exemple',
      '/compte',
    ]);
    const asApplicant = (await t.app.inject({ url: '/', headers: { cookie: applicant.cookie } })).body;
    expect(asApplicant).not.toContain('href="/admin/exemple"');
  });

  it('is listed in the site map, which also lists the seasons and the laureates', async () => {
    const siteMap = (await t.app.inject('/plan-du-site')).body;
    const links = hrefs(siteMap.slice(siteMap.indexOf('<main')), /<li>\s*<a href="([^"]+)"/g);
    expect(links).toEqual([
      '/',
      '/programme',
      '/saisons',
      '/laureats',
      '/panel-citoyen',
      '/manifeste',
      '/actualites',
      '/evenements',
      '/cooperation',
      '/cooperation/communs',
      '/cooperation/administrations',
      '/cooperation/cas-d-usage',
      '/cooperation/besoins',
      '/cooperation/experimentations',
      '/partenaires',
      '/faq',
      '/donnees',
      '/api',
      '/exemple',
      '/connexion',
      '/mentions-legales',
      '/accessibilite',
      '/donnees-personnelles',
      '/plan-du-site',
      '/transparence/journal',
    ]);
  });

  it('adds its dashboard tile, with its count, for who may use it', async () => {
    const dashboard = (await t.app.inject({ url: '/admin', headers: { cookie: admin.cookie } })).body;
    expect(hrefs(dashboard, /<h2 class="fr-tile__title">\s*<a href="([^"]+)"/g)).toEqual([
      '/admin/contenus',
      '/admin/saisons',
      '/admin/candidatures',
      '/admin/jury',
      '/admin/evaluations',
      '/admin/panels',
      '/admin/decisions',
      '/admin/accompagnement',
      '/admin/accompagnement/mises-en-relation',
      '/admin/contacts',
      '/admin/subventions',
      '/admin/cooperation',
      '/admin/cooperation/experimentations',
      '/admin/impact',
      '/admin/evenements',
      '/admin/partenaires',
      '/admin/comptes',
      '/admin/exemple',
      '/admin/courriels',
      '/admin/journal',
    ]);
    expect(dashboard).toContain('2 notes en attente');
  });

  it('merges its permission into the one table deny-by-default reads, and its routes into the matrix', async () => {
    expect(PERMISSIONS['example.manage']).toEqual(['staff', 'admin']);
    expect(hasPermission(admin.user, 'example.manage')).toBe(true);
    expect(hasPermission(applicant.user, 'example.manage')).toBe(false);
    expect(listRoutes(t.app)).toContainEqual(
      expect.objectContaining({ method: 'GET', url: '/admin/exemple', permission: 'example.manage' }),
    );
    const status = async (cookie?: string) =>
      (await t.app.inject({ url: '/admin/exemple', headers: cookie ? { cookie } : {} })).statusCode;
    expect([await status(), await status(applicant.cookie), await status(admin.cookie)]).toEqual([303, 403, 200]);
  });

  it('cannot grant a permission another manifest declares to other roles', () => {
    expect(() => registerPermissions({ 'example.manage': ['staff', 'admin'] }, 'example')).not.toThrow();
    expect(() => registerPermissions({ 'review.manage': ['applicant'] }, 'intruder')).toThrow(
      'Module intruder declares permission review.manage again with other roles',
    );
    expect(PERMISSIONS['review.manage']).toEqual(['staff', 'admin']);
  });

  it('classifies its staff routes by track in its own folder, as the track test reads them', () => {
    // test/track-authorization.test.ts counts a staff route as classified when its config says so.
    expect(t.app.services.routes).toContainEqual(
      expect.objectContaining({ method: 'GET', url: '/admin/exemple', allTracks: false, tracks: 'none' }),
    );
  });

  it('gives the accessibility test its example pages', () => {
    const names = assembleSite([...modules, exampleModule]).examplePages.map((page) => page.name);
    expect(names).toContain('example page');
    expect(assembleSite(modules).examplePages.map((page) => page.name)).not.toContain('example page');
  });
});

describe('core names no module', () => {
  it('no file of src/core, nor app.ts, imports from src/modules: modules reach core through the list handed to buildApp', () => {
    const root = join(import.meta.dirname, '..', 'src');
    const files = [
      'app.ts',
      ...readdirSync(join(root, 'core'), { recursive: true, encoding: 'utf8' }).map((file) => join('core', file)),
    ].filter((file) => /\.tsx?$/.test(file));
    const offenders = files.filter((file) => /from '[./]*\/modules\//.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
