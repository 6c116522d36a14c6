import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  permission: string;
}

/** Every route the app registered, without the automatic HEAD twins of GET routes. */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const seen = new Set<string>();
  const routes: RouteEntry[] = [];
  for (const route of app.services.routes) {
    if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
    const key = `${route.method} ${route.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push(route);
  }
  return routes;
}

/**
 * Fills `:param` segments (and a trailing `*`) with the given value, or a random one of the shape the platform
 * gives such a parameter: a secret link's `:token` is 32 random bytes in base64url (a route may refuse any
 * other shape before its handler, and so before its CSRF check), anything else a UUID.
 */
export function fillPath(url: string, value?: (name: string) => string): string {
  const random = (name: string) => (name === 'token' ? randomBytes(32).toString('base64url') : randomUUID());
  return url
    .replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, (_m, name: string) =>
      encodeURIComponent(value ? value(name) : random(name)),
    )
    .replace(/\*$/, 'x');
}

export function hasParams(url: string): boolean {
  return /[:*]/.test(url);
}

/** A `_csrf` cookie and the matching form token, taken from the first page that hands one out. */
export async function obtainCsrf(
  app: FastifyInstance,
  cookie?: string,
): Promise<{ cookie: string; token: string } | undefined> {
  const candidates = listRoutes(app).filter((r) => r.method === 'GET' && !hasParams(r.url));
  // Pages most likely to hold a form first.
  candidates.sort((a, b) => score(b.url) - score(a.url));
  for (const route of candidates) {
    const response = await app.inject({ method: 'GET', url: route.url, headers: cookie ? { cookie } : {} });
    const secret = response.cookies.find((c) => c.name === '_csrf');
    const token =
      /name="_csrf"\s+value="([^"]+)"/.exec(response.body)?.[1] ??
      /value="([^"]+)"\s+name="_csrf"/.exec(response.body)?.[1];
    if (secret && token) return { cookie: `_csrf=${secret.value}`, token };
  }
  return undefined;
}

function score(url: string): number {
  if (url === '/connexion') return 3;
  if (url.startsWith('/admin')) return 2;
  if (url.startsWith('/compte')) return 1;
  return 0;
}

/** A regular expression matching the concrete paths of a route pattern (`/a/:id/b`). */
export function routePattern(url: string): RegExp {
  const body = url
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/?#]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${body}$`);
}

/**
 * Real URLs for routes with parameters, found by following the links of every page without
 * parameters (and of the pages they link to), as the given visitor. Up to `perRoute` per route.
 */
export async function discoverUrls(
  app: FastifyInstance,
  cookies: (string | undefined)[],
  perRoute = 2,
): Promise<Map<string, string[]>> {
  const routes = listRoutes(app).filter((r) => r.method === 'GET' && hasParams(r.url));
  const found = new Map<string, string[]>(routes.map((r) => [r.url, []]));
  const patterns = routes.map((r) => ({ url: r.url, pattern: routePattern(r.url) }));
  const visited = new Set<string>();
  let frontier = listRoutes(app)
    .filter((r) => r.method === 'GET' && !hasParams(r.url))
    .map((r) => r.url);
  for (let depth = 0; depth < 2 && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const path of frontier) {
      for (const cookie of cookies) {
        const key = `${cookie ?? ''} ${path}`;
        if (visited.has(key)) continue;
        visited.add(key);
        const response = await app.inject({ method: 'GET', url: path, headers: cookie ? { cookie } : {} });
        if (response.statusCode !== 200 || !String(response.headers['content-type']).includes('text/html')) continue;
        for (const match of response.body.matchAll(/href="(\/[^"#]*)"/g)) {
          const href = match[1].replace(/&amp;/g, '&');
          const pathOnly = href.split('?')[0];
          for (const { url, pattern } of patterns) {
            const list = found.get(url)!;
            if (pattern.test(pathOnly) && list.length < perRoute && !list.includes(pathOnly)) {
              list.push(pathOnly);
              next.push(pathOnly);
            }
          }
        }
      }
    }
    frontier = next;
  }
  return found;
}

/** The values each `:param` name takes in the real URLs found (e.g. every season id seen as `:id`). */
export function paramValues(real: Map<string, string[]>): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  for (const [url, paths] of real) {
    const names = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
    const capture = new RegExp(routePattern(url).source.replace(/\[\^\/\?#\]\+/g, '([^/?#]+)'));
    for (const path of paths) {
      const match = capture.exec(path);
      if (!match) continue;
      names.forEach((name, i) => {
        if (!values.has(name)) values.set(name, new Set());
        values.get(name)!.add(decodeURIComponent(match[i + 1]));
      });
    }
  }
  return values;
}

/** Concrete URLs of a route built from known parameter values, when every parameter has one. */
export function urlsFromValues(url: string, values: Map<string, Set<string>>, max = 2): string[] {
  const names = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  if (names.length === 0 || names.some((n) => !values.get(n)?.size)) return [];
  const urls: string[] = [];
  for (let i = 0; i < max; i += 1) {
    const filled = fillPath(url, (name) => [...values.get(name)!][i % values.get(name)!.size]);
    if (!urls.includes(filled)) urls.push(filled);
  }
  return urls;
}
