import type { Kysely, Selectable, Updateable } from 'kysely';
import type { UsersTable } from '../../../src/core/db/core-tables.js';
import type { DB } from '../../../src/core/db/schema.js';

/**
 * The accounts module's test factory: the one place outside accounts (and core's session check) where tests write
 * or read the users, user_roles and sessions tables directly. People with roles and sessions are made by
 * test/support/users.ts, re-exported here.
 */

export { createSignedInUser, MATRIX_ROLES, type SignedInUser, signedInAs } from '../users.js';

export async function userById(db: Kysely<DB>, id: string): Promise<Selectable<UsersTable>> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function userByEmail(db: Kysely<DB>, email: string): Promise<Selectable<UsersTable> | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function updateUser(db: Kysely<DB>, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** The roles a person holds, as role names. */
export async function rolesOf(db: Kysely<DB>, userId: string): Promise<string[]> {
  return (await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role);
}

/** Ends every session of a person (as a sign-out everywhere would). */
export async function deleteSessionsOf(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
export { DEMO_ADMIN } from '../../../src/modules/accounts/demo.js';
export { MAX_PER_IP } from '../../../src/modules/accounts/magic-link.js';

/** The id of the account with this address (it must exist). */
export async function userIdByEmail(db: Kysely<DB>, email: string): Promise<string> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

export async function updateUserByEmail(db: Kysely<DB>, email: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('email', '=', email).execute();
}

/** How many accounts have an address matching a LIKE pattern. */
export async function countUsersWithEmailLike(db: Kysely<DB>, pattern: string): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', 'like', pattern)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Some account's id, whichever comes first. */
export async function anyUserId(db: Kysely<DB>): Promise<string> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow()).id;
}

/** The roles held by the account with this address (none when there is no such account). */
export async function rolesOfEmail(db: Kysely<DB>, email: string): Promise<string[]> {
  const user = await userByEmail(db, email);
  return user ? rolesOf(db, user.id) : [];
}

/** Deletes an account row outright, as no use case does: for tests that the database refuses it. */
export async function deleteUser(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}
