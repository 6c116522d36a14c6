import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/core/auth/sessions.js';
import { DEFAULT_FORM } from './support/factories/applications.js';
import { formSession, multipartBody, submitForm, TINY_PNG } from './support/forms.js';
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
import { latestSignInLink } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createSignedInUser, MATRIX_ROLES, type SignedInUser } from './support/users.js';

/**
 * The input rule (src/core/http/input-rules.ts), checked on the running app: NUL bytes, lone
 * surrogates and percent-encoding that is not UTF-8, in every path parameter, query and body of
 * every registered route, anonymously and as one person holding every role. Nobody gets a 5xx, and
 * a 400 for such characters says so.
 */
let t: TestApp;
let everyRole: SignedInUser;
let real: Map<string, string[]>;

/** The refusal's own words (error page, JSON, or the message on a form field), in French or English. */
const SAYS_SO = /caractères non autorisés|characters that are not allowed|characters not allowed/i;

/** Hostile path segments and query values, as raw percent-encoded bytes. */
const URL_VALUES = ['%00', 'a%00b', '%ED%A0%80', '%ED%B0%80', '%C0%80', '%FF'];
/** A return address outside ASCII (an ideographic full stop), which once broke the Location header. */
const NON_ASCII_RETURN = '/%E3%80%82/evil';

beforeAll(async () => {
  t = await createTestApp({}, { demo: true });
  everyRole = await createSignedInUser(t.database.db, t.clock, everyRoleGrants(), 'every-role');
  real = await discoverUrls(t.app, [undefined, everyRole.cookie], 1);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

/** Every role of the authorisation matrix, none limited to a track. */
function everyRoleGrants() {
  return MATRIX_ROLES.filter((r) => r.grants.every((g) => !g.track)).flatMap((r) => r.grants);
}

function isAscii(value: string): boolean {
  return /^[\u0020-\u007e]*$/.test(value);
}

/** A concrete URL for the route: a real one when links led to it, else random ids. */
function concreteUrl(route: RouteEntry, values: Map<string, Set<string>>): string {
  if (!hasParams(route.url)) return route.url;
  return real.get(route.url)?.[0] ?? urlsFromValues(route.url, values, 1)[0] ?? fillPath(route.url);
}

/** The route's URL with one parameter replaced by a raw hostile segment, the others real when known. */
function withHostileParam(route: RouteEntry, name: string, hostile: string, values: Map<string, Set<string>>): string {
  const marker = 'HOSTILEPARAM';
  const filled = fillPath(route.url, (n) =>
    n === name ? marker : ([...(values.get(n) ?? [])][0] ?? crypto.randomUUID()),
  );
  return filled.replace(marker, hostile);
}

describe('input rule over every route', () => {
  it('never answers 5xx to NUL, lone surrogates or bad UTF-8 in params, query and bodies, and says why it refuses', async () => {
    const routes = listRoutes(t.app);
    const values = paramValues(real);
    const anonymousCsrf = (await obtainCsrf(t.app))!;
    const userCsrf = (await obtainCsrf(t.app, everyRole.cookie))!;
    const people = [
      { name: 'anonymous', cookie: anonymousCsrf.cookie, csrf: anonymousCsrf.token },
      { name: 'every-role', cookie: `${everyRole.cookie}; ${userCsrf.cookie}`, csrf: userCsrf.token },
    ];
    const problems: string[] = [];
    let sent = 0;
    /**
     * No 5xx, ever; a redirect stays on this site in ASCII; and a 400 to a hostile request says why,
     * unless the same request with harmless text (`twin`) is refused too (then the 400 is about
     * something else, e.g. a missing required field, and the hostile part was never read).
     */
    const check = async (
      where: string,
      response: LightMyRequestResponse,
      twin?: () => Promise<LightMyRequestResponse>,
    ) => {
      sent += 1;
      if (response.statusCode >= 500) problems.push(`${where}: ${response.statusCode}`);
      else if (twin && response.statusCode === 400 && !SAYS_SO.test(response.body) && (await twin()).statusCode !== 400)
        problems.push(`${where}: 400 without saying why`);
      const location = response.headers.location;
      if (location !== undefined && (!isAscii(String(location)) || String(location).startsWith('//')))
        problems.push(`${where}: redirect to ${String(location)}`);
    };

    for (const route of routes) {
      const method = route.method as 'GET';
      const base = concreteUrl(route, values);
      const isGet = route.method === 'GET';
      // A POST may end the session or erase the account (/deconnexion, /compte/supprimer): each gets a fresh holder of every role.
      const holder = isGet
        ? everyRole
        : await createSignedInUser(t.database.db, t.clock, everyRoleGrants(), 'every-role');
      for (const person of people) {
        const headers = {
          cookie: person.name === 'anonymous' ? person.cookie : `${holder.cookie}; ${userCsrf.cookie}`,
        };
        const label = (what: string) => `${route.method} ${route.url} as ${person.name} (${what})`;
        // Every path parameter, one at a time.
        for (const name of [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1])) {
          for (const hostile of URL_VALUES) {
            const send = (value: string) =>
              t.app.inject({
                method,
                url: withHostileParam(route, name, value, values),
                headers,
                ...(isGet ? {} : { payload: { _csrf: person.csrf } }),
              });
            await check(label(`:${name}=${hostile}`), await send(hostile), () => send(crypto.randomUUID()));
          }
        }
        // The query: search and filter names, a return address, and a parameter no route reads.
        const queries = isGet ? URL_VALUES : URL_VALUES.slice(0, 2);
        for (const hostile of queries) {
          const send = (value: string) =>
            t.app.inject({
              method,
              url: `${base}?q=${value}&tag=${value}&retour=${value}&extra=${value}`,
              headers,
              ...(isGet ? {} : { payload: { _csrf: person.csrf } }),
            });
          await check(label(`query ${hostile}`), await send(hostile), () => send('x'));
        }
        if (isGet) {
          // A bad return address is dropped (the page's default is used), never a reason to refuse the page.
          for (const retour of ['%00', '%ED%A0%80', NON_ASCII_RETURN]) {
            const response = await t.app.inject({ method, url: `${base}?retour=${retour}`, headers });
            await check(label(`retour=${retour}`), response);
            if (SAYS_SO.test(response.body)) problems.push(`${label(`retour=${retour}`)}: refused instead of dropped`);
          }
          continue;
        }
        // Bodies: urlencoded with a valid CSRF token, multipart with a bad field and file name, JSON escapes.
        // The last one is plain ASCII: JSON typed in a field, whose escapes only a parser turns into NUL and lone surrogates.
        for (const hostile of [
          'a\u0000b',
          '\u0000',
          '{"sections":[{"id":"s","title":{"fr":"\\u0000","en":"\\ud800"},"questions":[]}]}',
        ]) {
          const send = (value: string) => {
            const fields = Object.fromEntries(
              [
                'q',
                'title',
                'name',
                'given_name',
                'family_name',
                'email',
                'body',
                'label',
                'summary',
                'slug',
                'comment',
                'definition',
                'source',
                'jeton',
                'retour',
                'extra',
              ].map((f) => [f, value]),
            );
            const payload = new URLSearchParams({ ...fields, _csrf: person.csrf }).toString();
            return t.app.inject({
              method,
              url: base,
              headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
              payload,
            });
          };
          // JSON text is refused only by the routes that parse it: a 400 elsewhere may well be about the text itself.
          await check(
            label(`urlencoded ${JSON.stringify(hostile)}`),
            await send(hostile),
            hostile.startsWith('{') ? undefined : () => send('x'),
          );
        }
        const sendMultipart = (value: string) => {
          const multipart = multipartBody(
            { _csrf: person.csrf, title: value, label: 'x' },
            { field: 'file', name: `${value}.png`, type: 'image/png', data: TINY_PNG },
          );
          return t.app.inject({
            method,
            url: `${base}`,
            headers: { ...headers, 'content-type': multipart.contentType },
            payload: multipart.payload,
          });
        };
        await check(label('multipart'), await sendMultipart('a\u0000b'), () => sendMultipart('ab'));
        const sendJson = (esc: string) => {
          const payload = `{"_csrf":${JSON.stringify(person.csrf)},"title":"x${esc}","q":"${esc}","answers":{"name":"${esc}"}}`;
          return t.app.inject({
            method,
            url: base,
            headers: { ...headers, 'content-type': 'application/json' },
            payload,
          });
        };
        for (const esc of ['\\u0000', '\\ud800', 'a\\udc00'])
          await check(label(`JSON ${esc}`), await sendJson(esc), () => sendJson('x'));
      }
    }
    console.log(`input fuzz: ${sent} hostile requests over ${routes.length} routes, as ${people.length} visitors`);
    expect(problems).toEqual([]);
  }, 600_000);
});

describe('input rule: the cases the review reported', () => {
  async function get(url: string, cookie?: string) {
    return t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  }

  /** The first of the URLs whose page, seen as `cookie`, holds the given text. */
  async function pageWith(urls: string[], text: string, cookie = ''): Promise<string> {
    for (const url of urls) if ((await get(url, cookie)).body.includes(text)) return url;
    throw new Error(`no page among ${urls.join(', ')} holds ${text}`);
  }

  it.each([
    '/saisons/%00',
    '/actualites?tag=%00',
    '/candidater/%00/questions',
    '/actualites/%ED%A0%80',
    '/saisons/%FF',
  ])('GET %s answers 400 and says why', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(SAYS_SO);
  });

  it.each([
    '/admin/candidatures?q=%00',
    '/admin/comptes?q=%00',
    '/admin/candidatures?q=%ED%A0%80',
    '/admin/candidatures?q=%C0%80',
  ])('a staff search %s answers 400, not 500', async (url) => {
    const response = await get(url, everyRole.cookie);
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(SAYS_SO);
  });

  it('a JSON body with a \\u0000 esc answers 400 in JSON', async () => {
    const csrf = (await obtainCsrf(t.app, everyRole.cookie))!;
    const response = await t.app.inject({
      method: 'POST',
      url: '/compte',
      headers: {
        cookie: `${everyRole.cookie}; ${csrf.cookie}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      payload: `{"_csrf":${JSON.stringify(csrf.token)},"given_name":"a\\u0000b","locale":"fr"}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(SAYS_SO);
  });

  it('the volunteer form with given_name=a%00b is shown again with "ab" and the message on the field', async () => {
    const panels = await t.database.db.selectFrom('panels').select('id').execute();
    const page = await pageWith(
      panels.map((p) => `/panel-citoyen/${p.id}`),
      'name="given_name"',
    );
    const session = await formSession(t.app, '', page!);
    const response = await submitForm(t.app, session, page!, {
      given_name: 'a\u0000b',
      family_name: 'Martin',
      email: 'volontaire@example.org',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/name="given_name"[^>]*value="ab"|value="ab"[^>]*name="given_name"/);
    expect(response.body).toContain('Ce champ contenait des caractères non autorisés');
  });

  it('NUL in the account form is refused on the field, what was typed kept', async () => {
    const session = await formSession(t.app, everyRole.cookie, '/compte');
    const response = await submitForm(t.app, session, '/compte', {
      given_name: 'Ren\u0000ée',
      family_name: 'Test',
      locale: 'fr',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('value="Renée"');
    expect(response.body).toContain('Ce champ contenait des caractères non autorisés');
  });

  it.each(['notes', 'messages'])('NUL in a staff %s is refused on the field, nothing stored', async (kind) => {
    const { id } = await t.database.db
      .selectFrom('applications')
      .select('id')
      .where('state', '!=', 'draft')
      .executeTakeFirstOrThrow();
    const application = `/admin/candidatures/${id}`;
    const session = await formSession(t.app, everyRole.cookie, application!);
    const response = await submitForm(t.app, session, `${application}/${kind}`, { body: 'Bonjour\u0000 à vous' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Bonjour à vous');
    expect(response.body).toMatch(SAYS_SO);
  });

  it('NUL in an autosaved answer is reported on the field, never a 500', async () => {
    const draft = await t.database.db
      .selectFrom('applications')
      .select(['id', 'owner_id'])
      .where('state', '=', 'draft')
      .executeTakeFirstOrThrow();
    const { token } = await createSession(t.database.db, t.clock, draft.owner_id);
    const applicationUrl = `/mes-candidatures/${draft.id}`;
    const page = await formSession(t.app, `acc_session=${token}`, applicationUrl);
    const field =
      /<textarea[^>]*name="([a-z0-9_]+)"/.exec(page.html)?.[1] ??
      /<input[^>]*type="text"[^>]*name="([a-z0-9_]+)"/.exec(page.html)?.[1];
    expect(field).toBeDefined();
    const body = new URLSearchParams({ [field!]: 'mon\u0000 projet', _csrf: page.csrf }).toString();
    const response = await t.app.inject({
      method: 'POST',
      url: applicationUrl,
      headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      payload: body,
    });
    expect(response.statusCode).toBeLessThan(500);
    expect(JSON.stringify(response.json())).toMatch(SAYS_SO);
  });

  it('a multipart file name with NUL answers 400 and says why', async () => {
    const { id } = await t.database.db.selectFrom('news').select('id').executeTakeFirstOrThrow();
    const news = `/admin/contenus/actualites/${id}`;
    const session = await formSession(t.app, everyRole.cookie, news!);
    const form = multipartBody(
      { _csrf: session.csrf, label: 'x' },
      { field: 'file', name: 'a\u0000b.png', type: 'image/png', data: TINY_PNG },
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `${news}/fichiers`,
      headers: { cookie: session.cookie, 'content-type': form.contentType },
      payload: form.payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(SAYS_SO);
  });

  it.each(['\\u0000', '\\ud800'])(
    'a form definition typed as JSON with a %s esc is refused on the field, never a 500',
    async (esc) => {
      const { id } = await t.database.db.selectFrom('seasons').select('id').executeTakeFirstOrThrow();
      const builder = `/admin/saisons/${id}/formulaire`;
      const session = await formSession(t.app, everyRole.cookie, builder);
      const definition = JSON.stringify(DEFAULT_FORM).replace('"fr":"Le projet"', `"fr":"Le projet${esc}"`);
      expect(definition).toContain(esc);
      const response = await submitForm(t.app, session, `${builder}/json`, { definition });
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatch(SAYS_SO);
    },
  );

  it('/langue/en?retour=/%E3%80%82/evil switches the language and stays on this site', async () => {
    const response = await get(`/langue/en?retour=${NON_ASCII_RETURN}`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/%E3%80%82/evil');
  });

  it.each([['/。/evil'], ['/\ud800/x']])(
    'a sign-in link asked with retour=%s still signs the person in',
    async (retour) => {
      const email = `retour.${Math.random().toString(16).slice(2)}@example.org`;
      const session = await formSession(t.app, '', '/connexion');
      const asked = await submitForm(t.app, session, '/connexion', { email, retour });
      expect(asked.statusCode).toBe(200);
      const link = (await latestSignInLink(t.database.db, email))!;
      const opened = await t.app.inject({
        method: 'GET',
        url: `${link.pathname}${link.search}`,
        headers: { cookie: session.cookie },
      });
      expect(opened.statusCode).toBe(200);
      const confirm = await formSession(t.app, session.cookie, `${link.pathname}${link.search}`);
      const signedIn = await submitForm(t.app, confirm, '/connexion/lien', { jeton: link.searchParams.get('jeton')! });
      expect(signedIn.statusCode).toBe(303);
      expect(isAscii(String(signedIn.headers.location))).toBe(true);
      expect(String(signedIn.headers.location)).toMatch(/^\/(?!\/)/);
      expect(String(signedIn.headers['set-cookie'])).toContain('acc_session=');
    },
  );

  it('a sign-in link opened with a bad retour appended still signs the person in', async () => {
    const email = `retour.${Math.random().toString(16).slice(2)}@example.org`;
    const session = await formSession(t.app, '', '/connexion');
    await submitForm(t.app, session, '/connexion', { email });
    const link = (await latestSignInLink(t.database.db, email))!;
    const url = `${link.pathname}${link.search}&retour=%00`;
    const confirm = await formSession(t.app, session.cookie, url);
    const signedIn = await submitForm(t.app, confirm, '/connexion/lien', { jeton: link.searchParams.get('jeton')! });
    expect(signedIn.statusCode).toBe(303);
    expect(String(signedIn.headers['set-cookie'])).toContain('acc_session=');
  });
});
