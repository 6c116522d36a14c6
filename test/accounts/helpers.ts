import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ManualClock } from '../../src/core/clock.js';
import type { DB } from '../../src/core/db/schema.js';
import { createSession } from '../../src/core/auth/sessions.js';

/** Cookies (name=value) set by a response, to send back on the next request. */
export function cookiesOf(response: { cookies: { name: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** The hidden CSRF field of a rendered form. */
export function csrfFieldOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in page');
  return match[1];
}

/** GETs a page holding a form and returns what a browser would send back: cookies and token. */
export async function formSession(app: FastifyInstance, url: string, cookies: Record<string, string> = {}) {
  const page = await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(cookies) } });
  if (page.statusCode !== 200) throw new Error(`GET ${url} answered ${page.statusCode}`);
  return { cookies: { ...cookies, ...cookiesOf(page) }, csrf: csrfFieldOf(page.body), html: page.body };
}

/** POSTs a form with the CSRF token of a page previously fetched. */
export async function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  session: { cookies: Record<string, string>; csrf: string },
  options: { remoteAddress?: string } = {},
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieHeader(session.cookies), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: session.csrf }).toString(),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

/** The sign-in link of the latest magic-link mail sent to this address. */
export async function latestSignInLink(db: Kysely<DB>, email: string): Promise<URL> {
  const mail = await db
    .selectFrom('mails')
    .select('text_body')
    .where('to_address', '=', email)
    .where('template', '=', 'accounts.magic-link')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const match = /https?:\/\/\S+\/connexion\/lien\?\S+/.exec(mail.text_body);
  if (!match) throw new Error('no link in mail');
  return new URL(match[0]);
}

/** Signs a person in through the magic link, as a browser would; returns the session cookies. */
export async function signInByMail(
  testApp: { app: FastifyInstance; database: { db: Kysely<DB> }; clock: ManualClock },
  email: string,
  options: { retour?: string; cookies?: Record<string, string> } = {},
) {
  const { app } = testApp;
  const db = testApp.database.db;
  // Each mail gets its own instant, so "the latest mail" is well defined.
  testApp.clock.advance(1000);
  const start = await formSession(app, '/connexion', options.cookies ?? {});
  const asked = await postForm(app, '/connexion', { email, ...(options.retour ? { retour: options.retour } : {}) }, start);
  if (asked.statusCode !== 200) throw new Error(`POST /connexion answered ${asked.statusCode}`);
  const link = await latestSignInLink(db, email);
  const confirm = await formSession(app, link.pathname + link.search, start.cookies);
  const done = await postForm(app, '/connexion/lien', { jeton: link.searchParams.get('jeton')! }, confirm);
  return { response: done, cookies: { ...confirm.cookies, ...cookiesOf(done) } };
}

/** A person with these roles and an open session, created directly in the database. */
export async function personWithRoles(
  testApp: { database: { db: Kysely<DB> }; clock: ManualClock },
  email: string,
  roles: { role: string; track?: string }[],
): Promise<{ userId: string; cookies: Record<string, string> }> {
  const db = testApp.database.db;
  const user = await db.insertInto('users').values({ email, given_name: null, family_name: null, siret: null, proconnect_sub: null }).returning('id').executeTakeFirstOrThrow();
  for (const r of roles) await db.insertInto('user_roles').values({ user_id: user.id, role: r.role, track: r.track ?? '', granted_by: null }).execute();
  const { token } = await createSession(db, testApp.clock, user.id);
  return { userId: user.id, cookies: { acc_session: token } };
}
