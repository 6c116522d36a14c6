import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/core/db/schema.js';
import { obtainCsrf } from './routes.js';

/** The sign-in link of the latest magic-link mail sent to this address, or undefined. */
export async function latestSignInLink(db: Kysely<DB>, email: string): Promise<URL | undefined> {
  const mail = await db
    .selectFrom('mails')
    .select('text_body')
    .where('to_address', '=', email)
    .where('template', '=', 'accounts.magic-link')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  const match = mail ? /https?:\/\/\S+\/connexion\/lien\?\S+/.exec(mail.text_body) : null;
  return match ? new URL(match[0]) : undefined;
}

/**
 * Signs in through HTTP the way a person does: asks for a link at /connexion, reads it from the
 * mails table, confirms it. Returns the Set-Cookie of the session, or undefined when the sign-in
 * routes are not there.
 */
export async function signInByMagicLink(
  app: FastifyInstance,
  db: Kysely<DB>,
  email: string,
): Promise<{ setCookie: string; cookie: string } | undefined> {
  const csrf = await obtainCsrf(app);
  if (!csrf) return undefined;
  const asked = await app.inject({
    method: 'POST',
    url: '/connexion',
    headers: { cookie: csrf.cookie },
    payload: { email, _csrf: csrf.token },
  });
  if (asked.statusCode !== 200) return undefined;
  const link = await latestSignInLink(db, email);
  if (!link) return undefined;
  const token = link.searchParams.get('jeton') ?? '';
  const confirmed = await app.inject({
    method: 'POST',
    url: '/connexion/lien',
    headers: { cookie: csrf.cookie },
    payload: { jeton: token, _csrf: csrf.token },
  });
  const header = confirmed.headers['set-cookie'];
  const setCookie = [header ?? []].flat().find((c) => String(c).startsWith('acc_session='));
  if (!setCookie) return undefined;
  return { setCookie: String(setCookie), cookie: String(setCookie).split(';')[0] };
}
