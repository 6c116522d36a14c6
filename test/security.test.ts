import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/core/auth/permissions.js';
import {
  discoverUrls,
  fillPath,
  hasParams,
  listRoutes,
  obtainCsrf,
  paramValues,
  type RouteEntry,
  urlsFromValues,
} from './support/routes.js';
import { signInByMagicLink } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createSignedInUser, type SignedInUser } from './support/users.js';

/**
 * Routes allowed to take a state-changing request without a CSRF token, each with the reason.
 * A route that skips the check and is not listed here fails the test.
 */
const CSRF_EXEMPT: Record<string, string> = {};

const CSRF_TEXT = 'Le formulaire a expiré ou ne provient pas de ce site';
const XSS_PROBE = '<script>alert("acc-xss-probe")</script>';
const ATTR_PROBE = '"><img src=x onerror=alert("acc-attr-probe")>';

let t: TestApp;
let admin: SignedInUser;

beforeAll(async () => {
  // The demo programme gives real articles, seasons and records, so routes with ids run their handlers.
  t = await createTestApp({}, { demo: true });
  // Every role at once: some permissions belong to no admin (a reviewer's or a panelist's own area), and
  // each route must be reached past its permission check for the CSRF and hostile-input probes to mean anything.
  admin = await createSignedInUser(
    t.database.db,
    t.clock,
    ROLES.map((role) => ({ role })),
    'admin',
  );
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/**
 * The real URLs the pages link to, crawled once before anything changes state: the GET walk changes nothing, so the
 * hostile forms after it start from the same records. (The multipart walk crawls again: the forms may have removed
 * some of them.)
 */
let firstCrawl: Promise<Map<string, string[]>> | undefined;
function crawlBeforeChanges(): Promise<Map<string, string[]>> {
  firstCrawl ??= discoverUrls(t.app, [undefined, admin.cookie]);
  return firstCrawl;
}

function unsafeRoutes(): RouteEntry[] {
  return listRoutes(t.app).filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
}

function getRoutes(): RouteEntry[] {
  return listRoutes(t.app).filter((r) => r.method === 'GET');
}

/** The raw probes must never come back unescaped: they would run in the visitor's browser. */
function reflectedProbe(body: string): string | undefined {
  if (body.includes('<script>alert("acc-xss-probe")')) return 'script probe reflected unescaped';
  if (body.includes('<img src=x onerror=alert("acc-attr-probe")')) return 'attribute probe reflected unescaped';
  return undefined;
}

describe('CSRF', () => {
  it('refuses every state-changing route without a valid token, even for an admin', async () => {
    const routes = unsafeRoutes();
    const problems: string[] = [];
    const exempt: string[] = [];
    const csrf = await obtainCsrf(t.app, admin.cookie);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const url = fillPath(route.url);
      const attempts = [
        { label: 'no token', cookie: admin.cookie, payload: { title: 'x' } as Record<string, string> },
        ...(csrf
          ? [
              {
                label: 'forged token',
                cookie: `${admin.cookie}; ${csrf.cookie}`,
                payload: { title: 'x', _csrf: 'forged-token' },
              },
            ]
          : []),
      ];
      for (const attempt of attempts) {
        const response = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers: { cookie: attempt.cookie },
          payload: attempt.payload,
        });
        const refused = response.statusCode === 403 && response.body.includes(CSRF_TEXT);
        if (refused) continue;
        if (CSRF_EXEMPT[key]) {
          exempt.push(`${key}: ${CSRF_EXEMPT[key]}`);
          break;
        }
        problems.push(`${key} (${attempt.label}) answered ${response.statusCode} instead of the 403 CSRF page`);
      }
    }
    console.log(
      `CSRF: ${routes.length} state-changing routes checked${csrf ? ' (missing and forged tokens)' : ' (missing token; no page hands out a token yet)'}`,
    );
    for (const line of [...new Set(exempt)]) console.log(`CSRF exempt (justified): ${line}`);
    expect(problems).toEqual([]);
  });

  it('lists only exemptions that exist', () => {
    const keys = new Set(unsafeRoutes().map((r) => `${r.method} ${r.url}`));
    for (const key of Object.keys(CSRF_EXEMPT))
      expect(keys.has(key), `${key} is listed as CSRF exempt but does not exist`).toBe(true);
  });
});

describe('security headers and cookies', () => {
  it('sends a strict CSP, nosniff and no framing on pages', async () => {
    for (const url of ['/', '/healthz', '/page-qui-n-existe-pas']) {
      const response = await t.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy'] ?? '');
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).not.toContain('unsafe-inline');
      expect(csp, url).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      const frameDenied =
        /frame-ancestors 'none'/.test(csp) ||
        ['DENY', 'SAMEORIGIN'].includes(String(response.headers['x-frame-options']));
      expect(frameDenied, url).toBe(true);
    }
  });

  it('sets the CSRF and session cookies HttpOnly and SameSite=Lax', async () => {
    const seen: { name: string; httpOnly?: boolean; sameSite?: string; from: string }[] = [];
    for (const route of getRoutes().filter((r) => !hasParams(r.url))) {
      for (const cookie of [admin.cookie, undefined]) {
        const response = await t.app.inject({ method: 'GET', url: route.url, headers: cookie ? { cookie } : {} });
        for (const c of response.cookies)
          seen.push({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite, from: route.url });
      }
    }
    const sensitive = seen.filter((c) => c.name === '_csrf' || c.name === 'acc_session');
    console.log(
      `cookies: ${seen.length} set-cookie headers seen on GET pages (${[...new Set(seen.map((c) => c.name))].join(', ') || 'none'})`,
    );
    for (const c of sensitive) {
      expect(c.httpOnly, `${c.name} from ${c.from}`).toBe(true);
      expect(String(c.sameSite).toLowerCase(), `${c.name} from ${c.from}`).toBe('lax');
    }
    for (const c of seen)
      expect(['lax', 'strict'], `${c.name} from ${c.from}`).toContain(String(c.sameSite).toLowerCase());
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax when a person signs in by magic link', async () => {
    if (!listRoutes(t.app).some((r) => r.method === 'POST' && r.url === '/connexion/lien')) {
      console.log('session cookie: skipped, the magic-link routes do not exist yet');
      return;
    }
    const signedIn = await signInByMagicLink(t.app, t.database.db, 'cookie.check@example.org');
    expect(signedIn, 'sign-in by magic link did not set acc_session').toBeDefined();
    expect(signedIn!.setCookie).toMatch(/;\s*HttpOnly/i);
    expect(signedIn!.setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(signedIn!.setCookie).toMatch(/;\s*Path=\//i);
  });
});

describe('hostile input on every GET route', () => {
  // Each query mixes several kinds of hostility, so every route gets all of them in a few requests.
  const hostileQueries = [
    `page=${encodeURIComponent(XSS_PROBE)}&q=${encodeURIComponent(ATTR_PROBE)}&retour=${encodeURIComponent('//evil.example/')}`,
    `page=-1&saison=${encodeURIComponent(XSS_PROBE)}`,
    'page=0&sort=NaN',
    'page=1e99&annee=-5',
    'page=1&page=2&q[]=1&q[a]=1',
    `page=${'9'.repeat(400)}&q=${'a'.repeat(8000)}`,
    `q=%00%ff%fe&retour=${encodeURIComponent('javascript:alert(1)')}`,
  ];
  const hostileParams = ['../../etc/passwd', XSS_PROBE, '-1', '0', 'x'.repeat(300), '%00', 'null', ATTR_PROBE];

  it('never answers 5xx nor reflects a payload unescaped', async () => {
    const problems: string[] = [];
    let requests = 0;
    const real = await crawlBeforeChanges();
    for (const route of getRoutes()) {
      const urls: string[] = [];
      const bases = hasParams(route.url) ? [fillPath(route.url), ...(real.get(route.url) ?? [])] : [route.url];
      for (const base of bases) for (const query of hostileQueries) urls.push(`${base}?${query}`);
      if (hasParams(route.url)) for (const value of hostileParams) urls.push(fillPath(route.url, () => value));
      for (const url of urls) {
        // Anonymous visitors only reach public routes (elsewhere they are redirected, checked by the matrix).
        for (const cookie of route.permission === 'public' ? [undefined, admin.cookie] : [admin.cookie]) {
          const response = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
          requests += 1;
          const who = cookie ? 'admin' : 'anonymous';
          if (response.statusCode >= 500) problems.push(`GET ${url.slice(0, 160)} as ${who}: ${response.statusCode}`);
          const reflected = reflectedProbe(response.body);
          if (reflected) problems.push(`GET ${url.slice(0, 160)} as ${who}: ${reflected}`);
          const location = String(response.headers.location ?? '');
          if (/^(https?:)?\/\/|^javascript:/i.test(location))
            problems.push(`GET ${url.slice(0, 160)} as ${who}: redirects off-site to ${location}`);
        }
      }
    }
    const withReal = [...real.values()].filter((list) => list.length > 0).length;
    console.log(
      `hostile input: ${requests} GET requests on ${getRoutes().length} routes (${withReal} routes with parameters reached with real ids)`,
    );
    expect(problems).toEqual([]);
    // A guard against a hang, not a timing goal: the walk is over 5,500 requests and grows with every route; it
    // took 140 s alone and 284 s on a machine shared with another suite.
  }, 600_000);

  it('never answers 5xx to a state-changing route given an empty or hostile form with a valid token', async () => {
    const csrf = await obtainCsrf(t.app, admin.cookie);
    if (!csrf) {
      console.log('hostile forms: skipped, no page hands out a CSRF token yet');
      return;
    }
    const problems: string[] = [];
    const bodies: Record<string, string>[] = [
      {},
      { title: XSS_PROBE, email: ATTR_PROBE, page: '-1', id: '../../etc/passwd', amount: '1e99', date: '2026-02-31' },
      { title: 'x'.repeat(100_000), email: `${'a'.repeat(300)}@example.org` },
      // Plausible forms whose every text is hostile: they get saved, and the next test reads them back.
      {
        title: XSS_PROBE,
        name: XSS_PROBE,
        label: ATTR_PROBE,
        body: XSS_PROBE,
        chapeau: ATTR_PROBE,
        summary: XSS_PROBE,
        given_name: XSS_PROBE,
        family_name: ATTR_PROBE,
      },
    ];
    const values = paramValues(await crawlBeforeChanges());
    const statuses = new Map<number, number>();
    let requests = 0;
    for (const route of unsafeRoutes()) {
      // A random id, and real ids of the demo records when the route's parameters were seen in links.
      const urls = [fillPath(route.url), ...urlsFromValues(route.url, values)];
      for (const url of urls) {
        for (const body of bodies) {
          // A fresh admin each time: sign-out and account erasure routes end the session they are given.
          const actor = await createSignedInUser(t.database.db, t.clock, [{ role: 'admin' }], 'hostile-admin');
          const response = await t.app.inject({
            method: route.method as 'POST',
            url,
            headers: { cookie: `${actor.cookie}; ${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
            payload: new URLSearchParams({ ...body, _csrf: csrf.token }).toString(),
          });
          requests += 1;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const what = Object.keys(body).join(',') || 'empty form';
          if (response.statusCode >= 500) problems.push(`${route.method} ${url}: ${response.statusCode} for ${what}`);
          const reflected = reflectedProbe(response.body);
          if (reflected) problems.push(`${route.method} ${url}: ${reflected} (${what})`);
        }
      }
    }
    const summary = [...statuses].map(([status, n]) => `${n}×${status}`).join(', ');
    console.log(
      `hostile forms: ${requests} requests on ${unsafeRoutes().length} state-changing routes (${bodies.length} forms, random and real ids) as admin (${summary})`,
    );
    expect(problems).toEqual([]);
  }, 600_000); // a hang guard: the walk grows with every route (240 s were exceeded on a shared machine)
});

describe('hostile multipart uploads', () => {
  it('never answers 5xx to a state-changing route given a hostile multipart form', async () => {
    const csrf = await obtainCsrf(t.app, admin.cookie);
    if (!csrf) {
      console.log('hostile uploads: skipped, no page hands out a CSRF token yet');
      return;
    }
    const values = paramValues(await discoverUrls(t.app, [undefined, admin.cookie]));
    const boundary = '----acc-hostile-boundary';
    const part = (name: string, value: string, filename?: string, type = 'application/octet-stream') =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\n` +
      (filename === undefined ? '' : `Content-Type: ${type}\r\n`) +
      `\r\n${value}\r\n`;
    const bodies = [
      part('label', XSS_PROBE) +
        part('file', '<html><script>alert(1)</script></html>', '../../etc/passwd', 'text/html') +
        `--${boundary}--\r\n`,
      `${part('file', '%PDF-1.4 not really', `${XSS_PROBE}.pdf`, 'application/pdf')}--${boundary}--\r\n`,
      `${part('title', 'x')}--${boundary}`, // truncated: no closing boundary
    ];
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    for (const route of unsafeRoutes()) {
      for (const url of [fillPath(route.url), ...urlsFromValues(route.url, values, 1)]) {
        for (const body of bodies) {
          const actor = await createSignedInUser(t.database.db, t.clock, [{ role: 'admin' }], 'upload-admin');
          const response = await t.app.inject({
            method: route.method as 'POST',
            url,
            headers: {
              cookie: `${actor.cookie}; ${csrf.cookie}`,
              'x-csrf-token': csrf.token,
              'content-type': `multipart/form-data; boundary=${boundary}`,
            },
            payload: body,
          });
          requests += 1;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode >= 500)
            problems.push(`${route.method} ${url}: ${response.statusCode} for a multipart form`);
          const reflected = reflectedProbe(response.body);
          if (reflected) problems.push(`${route.method} ${url}: ${reflected} (multipart)`);
        }
      }
    }
    const summary = [...statuses].map(([status, n]) => `${n}×${status}`).join(', ');
    console.log(
      `hostile uploads: ${requests} multipart requests on ${unsafeRoutes().length} state-changing routes (${summary})`,
    );
    expect(problems).toEqual([]);
  }, 600_000);
});

describe('stored hostile input', () => {
  it('is escaped on every page that shows it, after the hostile forms above were saved', async () => {
    const real = await discoverUrls(t.app, [undefined, admin.cookie], 3);
    const urls = [
      ...getRoutes()
        .filter((r) => !hasParams(r.url))
        .map((r) => r.url),
      ...[...real.values()].flat(),
    ];
    const problems: string[] = [];
    for (const url of urls) {
      for (const cookie of [undefined, admin.cookie]) {
        const response = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
        if (response.statusCode >= 500) problems.push(`GET ${url}: ${response.statusCode}`);
        const reflected = reflectedProbe(response.body);
        if (reflected) problems.push(`GET ${url} as ${cookie ? 'admin' : 'anonymous'}: stored ${reflected}`);
      }
    }
    console.log(`stored hostile input: ${urls.length} pages re-read as anonymous and admin`);
    expect(problems).toEqual([]);
  }, 600_000);
});

describe('rate limit', () => {
  it('answers 429 when the sign-in form is posted too often', async () => {
    const signIn = listRoutes(t.app).find((r) => r.method === 'POST' && r.url === '/connexion');
    if (!signIn) {
      console.log('rate limit: skipped, POST /connexion does not exist yet');
      return;
    }
    const csrf = await obtainCsrf(t.app);
    let limited = false;
    for (let i = 0; i < 60 && !limited; i += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/connexion',
        headers: csrf ? { cookie: csrf.cookie } : {},
        payload: { email: `flood${i}@example.org`, ...(csrf ? { _csrf: csrf.token } : {}) },
        remoteAddress: '203.0.113.7',
      });
      expect(response.statusCode, `attempt ${i}`).toBeLessThan(500);
      if (response.statusCode === 429) limited = true;
    }
    expect(limited, 'POST /connexion never answered 429 in 60 attempts').toBe(true);
  });
});
