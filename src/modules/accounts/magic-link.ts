import { sql, type Transaction } from 'kysely';
import { recordAudit } from '../../core/audit/audit.js';
import { hashToken, newToken } from '../../core/auth/sessions.js';
import type { DB } from '../../core/db/schema.js';
import type { Locale } from '../../core/i18n/i18n.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { MAGIC_LINK_MAIL } from './mails.js';
import { findOrCreateUserByEmail, userActor } from './users.js';

export const MAGIC_LINK_TTL_MS = 15 * 60_000;
/**
 * The limits count the links sent in this window. It must not be longer than a link's lifetime:
 * then every link counted is still valid, so a request held back by an address limit always leaves
 * the address's holder with a link they can use (docs/decisions/0010-sign-in-limits.md).
 */
export const RATE_WINDOW_MS = MAGIC_LINK_TTL_MS;
/** Links for one address asked from one IP, without the device cookie of that address. */
export const MAX_PER_ADDRESS_AND_IP = 3;
/** Links for one address asked from anywhere without its device cookie: what others can make it receive. */
export const MAX_PER_ADDRESS = 10;
/** Links for one address asked with its device cookie: its owner's own allowance, which nobody else can use up. */
export const MAX_PER_DEVICE = 3;
/** Links asked from one IP, any address: slows down one machine mailing many addresses. */
export const MAX_PER_IP = 20;
/** A browser that signed in is recognised for a year. */
export const DEVICE_TTL_MS = 365 * 24 * 3600_000;
export const DEVICE_COOKIE = 'acc_device';

/**
 * 'sent': a new link went out. 'still-valid': no new mail (a limit on the address is reached) but a
 * link sent to it a moment ago is unused and still valid. 'rate-limited': this IP asked too much.
 */
export type RequestLinkResult = 'sent' | 'still-valid' | 'rate-limited';

/**
 * Sends a single-use sign-in link, within limits others cannot turn against the address's holder.
 * The links themselves are the counters, kept in the database so that every app process sees the
 * same counts; a request held back by a limit writes nothing.
 */
export async function requestMagicLink(
  services: Services,
  input: { email: string; ip: string; deviceToken?: string | undefined; returnPath: string | null; locale: Locale },
): Promise<RequestLinkResult> {
  const { db, clock, config } = services;
  const now = clock.now();
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  return db.transaction().execute(async (trx) => {
    // Concurrent requests for one address or from one IP wait for each other, so none slips past the count.
    await sql`select pg_advisory_xact_lock(1, hashtext(${input.email})), pg_advisory_xact_lock(2, hashtext(${input.ip}))`.execute(
      trx,
    );
    const deviceId = input.deviceToken ? await deviceOf(trx, input.deviceToken, input.email, now) : null;
    const counts = await trx
      .selectFrom('sign_in_tokens')
      .select((eb) => [
        eb.fn
          .countAll<string>()
          .filterWhere((w) => w.and([w('email', '=', input.email), w('device_id', 'is', null)]))
          .as('by_address'),
        eb.fn
          .countAll<string>()
          .filterWhere((w) => w.and([w('email', '=', input.email), w('device_id', 'is', null), w('ip', '=', input.ip)]))
          .as('by_pair'),
        eb.fn.countAll<string>().filterWhere('ip', '=', input.ip).as('by_ip'),
        eb.fn
          .countAll<string>()
          .filterWhere('device_id', '=', deviceId ?? '')
          .as('by_device'),
      ])
      .where('created_at', '>', since)
      .where((eb) => eb.or([eb('email', '=', input.email), eb('ip', '=', input.ip)]))
      .executeTakeFirstOrThrow();
    const held = deviceId
      ? Number(counts.by_device) >= MAX_PER_DEVICE
      : Number(counts.by_pair) >= MAX_PER_ADDRESS_AND_IP || Number(counts.by_address) >= MAX_PER_ADDRESS;
    // The person's own browser is not slowed down by what others send from their IP.
    if (!deviceId && Number(counts.by_ip) >= MAX_PER_IP) return 'rate-limited';
    // Only the mailbox's holder can use a link: when none is left unused, sending one more cannot flood anybody.
    if (held && (await hasUnusedLink(trx, input.email, now))) return 'still-valid';
    // Rows older than a day no longer count for anything.
    await trx
      .deleteFrom('sign_in_tokens')
      .where('created_at', '<', new Date(now.getTime() - 24 * 3600_000))
      .execute();
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
        device_id: deviceId,
      })
      .execute();
    const link = new URL(`${config.baseUrl}/connexion/lien`);
    link.searchParams.set('jeton', token);
    if (input.returnPath) link.searchParams.set('retour', input.returnPath);
    const known = await trx.selectFrom('users').select('locale').where('email', '=', input.email).executeTakeFirst();
    await queueMail(
      trx,
      {
        to: input.email,
        template: MAGIC_LINK_MAIL,
        locale: known?.locale ?? input.locale,
        data: { link: link.toString() },
      },
      now,
    );
    return 'sent';
  });
}

/** The device row of this cookie when it was given to a browser that signed in with this very address. */
async function deviceOf(trx: Transaction<DB>, token: string, email: string, now: Date): Promise<string | null> {
  if (token.length > 200) return null;
  const row = await trx
    .selectFrom('sign_in_devices')
    .innerJoin('users', 'users.id', 'sign_in_devices.user_id')
    .select('sign_in_devices.id')
    .where('sign_in_devices.id', '=', hashToken(token))
    .where('users.email', '=', email)
    .where('sign_in_devices.expires_at', '>', now)
    .executeTakeFirst();
  return row?.id ?? null;
}

async function hasUnusedLink(trx: Transaction<DB>, email: string, now: Date): Promise<boolean> {
  const row = await trx
    .selectFrom('sign_in_tokens')
    .select('id')
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Remembers the browser that has just signed in with a link, so that its later requests for the
 * same address are counted apart from everyone else's. Returns the cookie's value.
 */
export async function rememberDevice(
  services: Services,
  userId: string,
  previousToken: string | undefined,
): Promise<{ token: string; expiresAt: Date }> {
  const now = services.clock.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + DEVICE_TTL_MS);
  await services.db.transaction().execute(async (trx) => {
    // One row per browser: the cookie it came with is replaced, and expired rows go.
    const stale = [...(previousToken && previousToken.length <= 200 ? [hashToken(previousToken)] : [])];
    await trx
      .deleteFrom('sign_in_devices')
      .where((eb) => eb.or([eb('expires_at', '<=', now), ...(stale.length ? [eb('id', 'in', stale)] : [])]))
      .execute();
    await trx
      .insertInto('sign_in_devices')
      .values({ id: hashToken(token), user_id: userId, created_at: now, expires_at: expiresAt })
      .execute();
  });
  return { token, expiresAt };
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
