import { sql } from 'kysely';
import { recordAudit } from '../../core/audit/audit.js';
import { hashToken, newToken } from '../../core/auth/sessions.js';
import type { Locale } from '../../core/i18n/i18n.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { MAGIC_LINK_MAIL } from './mails.js';
import { findOrCreateUserByEmail, userActor } from './users.js';

export const MAGIC_LINK_TTL_MS = 15 * 60_000;
export const RATE_WINDOW_MS = 15 * 60_000;
export const MAX_PER_ADDRESS = 5;
export const MAX_PER_IP = 20;

export type RequestLinkResult = 'sent' | 'rate-limited';

/**
 * Sends a single-use sign-in link. The requests themselves are the rate-limit counters, kept in
 * the database so that every app process sees the same counts.
 */
export async function requestMagicLink(
  services: Services,
  input: { email: string; ip: string; returnPath: string | null; locale: Locale },
): Promise<RequestLinkResult> {
  const { db, clock, config } = services;
  const now = clock.now();
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  return db.transaction().execute(async (trx) => {
    // Concurrent requests for one address or from one IP wait for each other, so none slips past the count.
    await sql`select pg_advisory_xact_lock(1, hashtext(${input.email})), pg_advisory_xact_lock(2, hashtext(${input.ip}))`.execute(trx);
    const counts = await trx
      .selectFrom('sign_in_tokens')
      .select((eb) => [
        eb.fn.countAll<string>().filterWhere('email', '=', input.email).as('by_email'),
        eb.fn.countAll<string>().filterWhere('ip', '=', input.ip).as('by_ip'),
      ])
      .where('created_at', '>', since)
      .where((eb) => eb.or([eb('email', '=', input.email), eb('ip', '=', input.ip)]))
      .executeTakeFirstOrThrow();
    if (Number(counts.by_email) >= MAX_PER_ADDRESS || Number(counts.by_ip) >= MAX_PER_IP) return 'rate-limited';
    // Rows older than a day no longer count for anything.
    await trx.deleteFrom('sign_in_tokens').where('created_at', '<', new Date(now.getTime() - 24 * 3600_000)).execute();
    const token = newToken();
    await trx
      .insertInto('sign_in_tokens')
      .values({
        id: hashToken(token),
        email: input.email,
        ip: input.ip,
        return_path: input.returnPath,
        created_at: now,
        expires_at: new Date(now.getTime() + MAGIC_LINK_TTL_MS),
      })
      .execute();
    const link = new URL(`${config.baseUrl}/connexion/lien`);
    link.searchParams.set('jeton', token);
    if (input.returnPath) link.searchParams.set('retour', input.returnPath);
    const known = await trx.selectFrom('users').select('locale').where('email', '=', input.email).executeTakeFirst();
    await queueMail(trx, { to: input.email, template: MAGIC_LINK_MAIL, locale: known?.locale ?? input.locale, data: { link: link.toString() } }, now);
    return 'sent';
  });
}

/**
 * Consumes a sign-in token: it works once, within 15 minutes. Returns the user (created on first
 * sign-in) and the return path chosen when the link was asked for, or null for a bad token.
 */
export async function consumeMagicLink(
  services: Services,
  token: string,
): Promise<{ userId: string; returnPath: string | null; created: boolean } | null> {
  const { db, clock } = services;
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('sign_in_tokens')
      .set({ used_at: now })
      .where('id', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['email', 'return_path'])
      .executeTakeFirst();
    if (!used) return null;
    const { user, created } = await findOrCreateUserByEmail(trx, used.email, now);
    if (created) {
      await recordAudit(trx, userActor(user.id), now, {
        action: 'accounts.created',
        subjectType: 'user',
        subjectId: user.id,
        summary: { via: 'magic-link', roles: ['applicant'] },
      });
    }
    return { userId: user.id, returnPath: used.return_path, created };
  });
}
