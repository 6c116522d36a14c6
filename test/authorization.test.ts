import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coversEveryTrack, coversTrack, hasPermission, type Permission } from '../src/core/auth/permissions.js';
import { discoverUrls, fillPath, hasParams, listRoutes } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createSignedInUser, MATRIX_ROLES, type SignedInUser } from './support/users.js';

/**
 * Deny by default, checked on the running app: every route, as every role and as an anonymous
 * visitor. A role without the route's permission must be refused; nobody ever gets a 5xx.
 */
let t: TestApp;
const people: { name: string; person: SignedInUser | null }[] = [];

beforeAll(async () => {
  t = await createTestApp({}, { demo: true });
  people.push({ name: 'anonymous', person: null });
  for (const role of MATRIX_ROLES) {
    people.push({ name: role.name, person: await createSignedInUser(t.database.db, t.clock, role.grants, role.name) });
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('authorisation matrix', () => {
  it('refuses every route to every role that lacks its permission, and never answers 5xx', async () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(0);
    const problems: string[] = [];
    let checked = 0;
    let refusals = 0;
    // Routes with ids are tried with a random id and with real ones found by following links as an admin.
    const admin = people.find((p) => p.name === 'admin')!.person!;
    const real = await discoverUrls(t.app, [undefined, admin.cookie], 1);
    const targets = routes.flatMap((route) =>
      hasParams(route.url) && route.method === 'GET'
        ? [fillPath(route.url), ...(real.get(route.url) ?? [])].map((url) => ({ route, url }))
        : [{ route, url: fillPath(route.url) }],
    );
    for (const { route, url } of targets) {
      for (const { name, person } of people) {
        const allowed = hasPermission(person?.user ?? null, route.permission as Permission);
        const response = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: person ? { cookie: person.cookie } : {},
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        checked += 1;
        const where = `${route.method} ${url} (${route.permission}) as ${name}: ${response.statusCode}`;
        if (response.statusCode >= 500) {
          problems.push(`${where} — server error`);
          continue;
        }
        if (allowed) continue;
        refusals += 1;
        if (!person && route.method === 'GET' && !url.startsWith('/api/')) {
          const location = String(response.headers.location ?? '');
          if (response.statusCode !== 303 || !location.startsWith('/connexion?retour=')) {
            problems.push(`${where} — expected 303 to /connexion?retour=…, got location "${location}"`);
          }
        } else if (response.statusCode !== 401 && response.statusCode !== 403) {
          problems.push(`${where} — expected 401 or 403`);
        }
      }
    }
    console.log(
      `authorisation matrix: ${checked} route×role pairs checked (${routes.length} routes, ${targets.length} URLs × ${people.length} roles), ${refusals} refusals verified`,
    );
    expect(problems).toEqual([]);
  }, 600_000);

  it('a staff member limited to one track holds no admin-only permission', () => {
    const limited = people.find((p) => p.name === 'staff-one-track')!.person!;
    expect(hasPermission(limited.user, 'accounts.manage')).toBe(false);
    expect(hasPermission(limited.user, 'staff.area')).toBe(true);
  });

  it('gives rights on every track to admins and unrestricted staff only; the track dimension is test/track-authorization.test.ts', () => {
    const covers = Object.fromEntries(people.map(({ name, person }) => [name, coversEveryTrack(person?.user ?? null)]));
    expect(covers).toEqual({
      anonymous: false,
      applicant: false,
      reviewer: false,
      panelist: false,
      staff: true,
      'staff-one-track': false,
      partner: false,
      admin: true,
    });
    const limited = people.find((p) => p.name === 'staff-one-track')!.person!;
    expect([
      coversTrack(limited.user, 'communs-numeriques'),
      coversTrack(limited.user, 'autres-communs'),
      coversTrack(limited.user, ''),
    ]).toEqual([true, false, false]);
  });
});
