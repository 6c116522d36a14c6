import { randomUUID } from 'node:crypto';
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

/** Fills `:param` segments (and a trailing `*`) with the given value, or a random UUID. */
export function fillPath(url: string, value?: (name: string) => string): string {
  return url
    .replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, (_m, name: string) => encodeURIComponent(value ? value(name) : randomUUID()))
    .replace(/\*$/, 'x');
}

export function hasParams(url: string): boolean {
  return /[:*]/.test(url);
}

/** A `_csrf` cookie and the matching form token, taken from the first page that hands one out. */
export async function obtainCsrf(app: FastifyInstance, cookie?: string): Promise<{ cookie: string; token: string } | undefined> {
  const candidates = listRoutes(app).filter((r) => r.method === 'GET' && !hasParams(r.url));
  // Pages most likely to hold a form first.
  candidates.sort((a, b) => score(b.url) - score(a.url));
  for (const route of candidates) {
    const response = await app.inject({ method: 'GET', url: route.url, headers: cookie ? { cookie } : {} });
    const secret = response.cookies.find((c) => c.name === '_csrf');
    const token = /name="_csrf"\s+value="([^"]+)"/.exec(response.body)?.[1] ?? /value="([^"]+)"\s+name="_csrf"/.exec(response.body)?.[1];
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
