import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';

/** A registration's secret link: 32 random bytes, base64url (43 characters); only its SHA-256 is stored. */
export const TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new secret link for a registration (one per mail: every mail's link keeps working). */
export async function issueToken(trx: Transaction<DB>, registrationId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('event_registration_tokens')
    .values({ token_hash: hashToken(token), registration_id: registrationId, created_at: now })
    .execute();
  return token;
}

/** The registration a secret link names, or undefined. */
export async function registrationIdOfToken(db: Kysely<DB>, token: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('event_registration_tokens')
    .select('registration_id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row?.registration_id;
}
