import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { type CurrentUser, isRole } from './permissions.js';

export const SESSION_COOKIE = 'acc_session';
/** A session ends after 2 hours without a request, and after 12 hours whatever happens. */
export const SESSION_IDLE_MS = 2 * 3600_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** last_seen_at is written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Opens a session for the user. The database keeps only the token's hash, so a leaked table
 * does not leak sessions. Callers drop the previous session first (fixation).
 */
export async function createSession(
  db: Kysely<DB>,
  clock: Clock,
  userId: string,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, expiresAt };
}

export async function destroySession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** The user behind a session token, or null when the session is unknown, idle too long or expired. */
export async function loadSessionUser(db: Kysely<DB>, clock: Clock, token: string): Promise<CurrentUser | null> {
  const id = hashToken(token);
  const now = clock.now();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id',
      'users.email',
      'users.given_name',
      'users.family_name',
      'users.locale',
      // The roles come in the same round trip: this query runs on every signed-in request.
      sql<
        { role: string; track: string }[]
      >`coalesce((select json_agg(json_build_object('role', r.role, 'track', r.track)) from user_roles r where r.user_id = users.id), '[]'::json)`.as(
        'grants',
      ),
    ])
    .where('sessions.id', '=', id)
    // An erased account has no session left; this holds even if one were missed, and gives the address's type.
    .where('users.email', 'is not', null)
    .$narrowType<{ email: string }>()
    .executeTakeFirst();
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() <= now.getTime() || lastSeen + SESSION_IDLE_MS <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const grants =
    typeof row.grants === 'string' ? (JSON.parse(row.grants) as { role: string; track: string }[]) : row.grants;
  return {
    id: row.id,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    locale: row.locale,
    roles: grants
      .filter((g) => isRole(g.role))
      .map((g) => ({ role: g.role as CurrentUser['roles'][number]['role'], track: g.track })),
    sessionId: id,
  };
}
