import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { createSession } from '../../src/core/auth/sessions.js';
import type { ManualClock } from '../../src/core/clock.js';
import type { DB } from '../../src/core/db/schema.js';
import { formSession, submitForm } from '../support/forms.js';
import { latestSignInLink } from '../support/sign-in.js';

/** Cookies (name=value) set by a response, to send back on the next request. */
export function cookiesOf(response: { cookies: { name: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
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
  const start = await formSession(app, cookieHeader(options.cookies ?? {}), '/connexion');
  const asked = await submitForm(app, start, '/connexion', {
    email,
    ...(options.retour ? { retour: options.retour } : {}),
  });
  if (asked.statusCode !== 200) throw new Error(`POST /connexion answered ${asked.statusCode}`);
  const link = await latestSignInLink(db, email);
  if (!link) throw new Error('no link in mail');
  const confirm = await formSession(app, start.cookie, link.pathname + link.search);
  const done = await submitForm(app, confirm, '/connexion/lien', { jeton: link.searchParams.get('jeton')! });
  return { response: done, cookies: { ...cookiesIn(confirm.cookie), ...cookiesOf(done) } };
}

/** The cookies of a cookie header, by name. */
export function cookiesIn(header: string): Record<string, string> {
  return Object.fromEntries(
    header
      .split(/;\s*/)
      .filter((c) => c.includes('='))
      .map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]),
  );
}

/** A person with these roles and an open session, created directly in the database. */
export async function personWithRoles(
  testApp: { database: { db: Kysely<DB> }; clock: ManualClock },
  email: string,
  roles: { role: string; track?: string }[],
): Promise<{ userId: string; cookies: Record<string, string> }> {
  const db = testApp.database.db;
  const user = await db
    .insertInto('users')
    .values({ email, given_name: null, family_name: null, siret: null, proconnect_sub: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const r of roles)
    await db
      .insertInto('user_roles')
      .values({ user_id: user.id, role: r.role, track: r.track ?? '', granted_by: null })
      .execute();
  const { token } = await createSession(db, testApp.clock, user.id);
  return { userId: user.id, cookies: { acc_session: token } };
}
