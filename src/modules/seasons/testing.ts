import type { FastifyInstance } from 'fastify';
import { createSession } from '../../core/auth/sessions.js';
import type { Role } from '../../core/auth/permissions.js';
import type { Clock } from '../../core/clock.js';

/** Test support: a signed-in person with the given role, as the cookie header to send. */
export async function signedInAs(app: FastifyInstance, clock: Clock, role: Role | null, email: string, track = ''): Promise<string> {
  const { db } = app.services;
  const user = await db.insertInto('users').values({ email }).returning('id').executeTakeFirstOrThrow();
  if (role) await db.insertInto('user_roles').values({ user_id: user.id, role, track }).execute();
  const { token } = await createSession(db, clock, user.id);
  return `acc_session=${token}`;
}

/** Test support: GETs a page with a form and returns the cookies and `_csrf` value to post it back. */
export async function formSession(app: FastifyInstance, cookie: string, url: string): Promise<{ cookie: string; csrf: string; html: string }> {
  const page = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (page.statusCode !== 200) throw new Error(`GET ${url} answered ${page.statusCode}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const setCookies = ([] as string[]).concat(page.headers['set-cookie'] ?? []);
  const csrfCookie = setCookies.map((c) => c.split(';')[0]).find((c) => c.startsWith('_csrf='));
  if (!csrf || !csrfCookie) throw new Error(`no CSRF token on ${url}`);
  return { cookie: `${cookie}; ${csrfCookie}`, csrf, html: page.body };
}

/** Test support: a form body as application/x-www-form-urlencoded. */
export function formBody(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}
