import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { signedInAs } from '../../../test/support/users.js';

/**
 * The routes' TypeBox schemas check path ids before the handler: a malformed id is a page that does not
 * exist (404), answered without reading the applications. A well-formed id that matches nothing is also a
 * 404, but from the handler, after its query: the two cases tell the schema's refusal from the handler's.
 */
let t: TestApp;
let staff: string;
let applicant: string;
let queries: string[] = [];

const MALFORMED = [
  'pas-un-id',
  '00000000-0000-0000-0000-00000000000g',
  `${'a'.repeat(8)}-aaaa-aaaa-aaaa-aaaaaaaaaaaaa`,
];
const UNKNOWN = '6f1c1d8e-3b7a-4c55-9a0e-2d4b8f1e7a10';

beforeAll(async () => {
  t = await createTestApp();
  staff = await signedInAs(t.app, t.clock, 'staff', 'instruction@example.org');
  applicant = await signedInAs(t.app, t.clock, null, 'porteuse@example.org');
  const executor = t.app.services.db.getExecutor();
  const execute = executor.executeQuery.bind(executor);
  vi.spyOn(executor, 'executeQuery').mockImplementation((query: CompiledQuery, ...rest) => {
    queries.push(query.sql);
    return execute(query, ...rest);
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

/** Sends the request and gives its status and whether any query read an application table. */
async function send(method: 'GET' | 'POST', url: string, cookie: string) {
  queries = [];
  const response = await t.app.inject({ method, url, headers: { cookie } });
  return {
    status: response.statusCode,
    readApplications: queries.some((sql) => /"applications?"|"application_/.test(sql)),
  };
}

describe('typed application routes', () => {
  const staffRoutes = (id: string) =>
    [
      ['GET', `/admin/candidatures/${id}`],
      ['GET', `/admin/candidatures/${id}/avis`],
      ['POST', `/admin/candidatures/${id}/etat`],
      ['POST', `/admin/candidatures/${id}/notes`],
      ['GET', `/admin/candidatures/${id}/fichiers/${UNKNOWN}`],
    ] as const;
  const applicantRoutes = (id: string) =>
    [
      ['GET', `/mes-candidatures/${id}`],
      ['GET', `/mes-candidatures/${id}/recu.pdf`],
      ['POST', `/mes-candidatures/${id}/retirer`],
      ['GET', `/mes-candidatures/${id}/fichiers/${UNKNOWN}`],
    ] as const;

  it('answers 404 to a malformed id before reading any application', async () => {
    for (const id of MALFORMED) {
      for (const [method, url] of staffRoutes(encodeURIComponent(id))) {
        expect(await send(method, url, staff), `${method} ${url}`).toEqual({ status: 404, readApplications: false });
      }
      for (const [method, url] of applicantRoutes(encodeURIComponent(id))) {
        expect(await send(method, url, applicant), `${method} ${url}`).toEqual({
          status: 404,
          readApplications: false,
        });
      }
    }
  });

  it('answers 404 to a malformed file id or season id as well', async () => {
    expect(await send('GET', `/admin/candidatures/${UNKNOWN}/fichiers/pas-un-fichier`, staff)).toEqual({
      status: 404,
      readApplications: false,
    });
    expect((await send('GET', '/admin/saisons/pas-une-saison/formulaire', staff)).status).toBe(404);
  });

  it('answers 404 to a well-formed id that matches nothing, from the handler after its query', async () => {
    for (const [method, url] of [...staffRoutes(UNKNOWN).slice(0, 2), ...applicantRoutes(UNKNOWN).slice(0, 2)]) {
      const cookie = url.startsWith('/admin') ? staff : applicant;
      expect(await send(method, url, cookie), `${method} ${url}`).toEqual({ status: 404, readApplications: true });
    }
  });

  it('reads the staff list query string leniently: unknown values are ignored, never a 400', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures?etat=inconnu&apres=pas-un-curseur&saison=&utm_source=lettre',
      headers: { cookie: staff },
    });
    expect(response.statusCode).toBe(200);
  });
});
