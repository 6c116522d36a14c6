import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The OpenAPI document is the public API's reference: generated from the routes' TypeBox schemas, it
 * lists the machine-readable public routes (JSON, CSV, feeds, files) with their parameters, and none of
 * the HTML pages or staff routes.
 */

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: { pattern?: string } }[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Paths = Record<string, Record<string, Operation>>;

let t: TestApp;
let paths: Paths;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  paths = res.json().paths ?? {};
});
afterAll(() => t.close());

/** The public machine-readable routes and the path parameters each declares. */
const PUBLIC_API: Record<string, string[]> = {
  '/panel-citoyen/{id}/transparence/{file}': ['id', 'file'],
  '/transparence/journal.json': [],
  '/healthz': [],
  '/actualites/flux.xml': [],
  '/actualites/atom.xml': [],
  '/fichiers/{id}/{name}': ['id', 'name'],
  ...Object.fromEntries(
    ['seasons', 'laureates', 'grants', 'commons', 'use-cases', 'news', 'events'].flatMap((name) => [
      [`/api/v1/${name}`, []],
      [`/api/v1/${name}/{id}`, ['id']],
    ]),
  ),
  '/donnees/saisons.json': [],
  '/donnees/saisons.csv': [],
  '/donnees/laureats.json': [],
  '/donnees/laureats.csv': [],
  '/donnees/subventions.json': [],
  '/donnees/communs.json': [],
  '/donnees/communs.csv': [],
  '/donnees/cas-d-usage.json': [],
  '/donnees/cas-d-usage.csv': [],
  '/donnees/actualites.json': [],
  '/donnees/actualites.csv': [],
  '/donnees/evenements.json': [],
  '/donnees/evenements.csv': [],
  '/donnees/catalogue.jsonld': [],
  '/evenements.ics': [],
  '/evenements/{id}.ics': ['id'],
};

describe('the OpenAPI document', () => {
  it('lists the public machine-readable routes with a summary, a description and their path parameters', () => {
    for (const [path, params] of Object.entries(PUBLIC_API)) {
      const get = paths[path]?.get;
      expect(get, path).toBeDefined();
      expect(get.summary, path).toBeTruthy();
      expect(get.description, path).toBeTruthy();
      const inPath = (get.parameters ?? []).filter((p) => p.in === 'path');
      expect(inPath.map((p) => p.name).sort(), path).toEqual([...params].sort());
      for (const p of inPath) expect(p.required, `${path} ${p.name}`).toBe(true);
    }
  });

  it('types a UUID parameter with its pattern, so a client knows a malformed id is not found', () => {
    const id = paths['/panel-citoyen/{id}/transparence/{file}'].get.parameters?.find((p) => p.name === 'id');
    expect(id?.schema?.pattern).toBeTruthy();
  });

  it('describes the JSON of the audit log heads', () => {
    const ok = paths['/transparence/journal.json'].get.responses?.['200'];
    expect(JSON.stringify(ok)).toContain('publishedAt');
  });

  it('leaves out the HTML pages and the staff and signed-in routes', () => {
    const listed = Object.keys(paths);
    for (const path of listed) {
      expect(path, path).not.toMatch(/^\/(admin|jury|panel\/|compte|connexion|candidatures)/);
      expect(path, path).not.toBe('/');
    }
    for (const page of ['/panel-citoyen/{id}', '/panel-citoyen/{id}/transparence', '/actualites', '/saisons'])
      expect(listed, page).not.toContain(page);
    // Whatever is listed is a public route: no route behind a permission is part of the public API.
    const permissionOf = new Map(t.app.services.routes.map((r) => [`${r.method} ${r.url}`, r.permission]));
    for (const [path, operations] of Object.entries(paths))
      for (const method of Object.keys(operations)) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        expect(permissionOf.get(`${method.toUpperCase()} ${url}`), `${method} ${path}`).toBe('public');
      }
  });
});
