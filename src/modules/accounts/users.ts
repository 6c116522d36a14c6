import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';

/** The audit actor for a person: their id only, never their email (erasure must leave nothing behind). */
export function userActor(userId: string): Actor {
  return { id: userId, label: `user:${userId}` };
}

export interface UserRow {
  id: string;
  email: string;
}

/**
 * The user with this email, created on first sign-in. Everyone may apply to a call, so a new
 * account starts with the applicant role.
 */
export async function findOrCreateUserByEmail(
  trx: Transaction<DB> | Kysely<DB>,
  email: string,
  now: Date,
  options: { applicant?: boolean } = {},
): Promise<{ user: UserRow; created: boolean }> {
  const existing = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', '=', email)
    .$narrowType<{ email: string }>()
    .executeTakeFirst();
  if (existing) return { user: existing, created: false };
  const inserted = await trx
    .insertInto('users')
    .values({ email, given_name: null, family_name: null, siret: null, proconnect_sub: null, created_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(['id', 'email'])
    .$narrowType<{ email: string }>()
    .executeTakeFirst();
  if (!inserted) {
    // Another request created it in the meantime.
    const row = await trx
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', '=', email)
      .$narrowType<{ email: string }>()
      .executeTakeFirstOrThrow();
    return { user: row, created: false };
  }
  if (options.applicant !== false) {
    await trx
      .insertInto('user_roles')
      .values({ user_id: inserted.id, role: 'applicant', track: '', granted_by: null, granted_at: now })
      .execute();
  }
  return { user: inserted, created: true };
}
