import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/audit/audit.js';
import { type CurrentUser, hasPermission } from '../../core/auth/permissions.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { grantRole, revokeRole } from '../accounts/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** The administrations a person is a member of. */
export async function administrationIdsOf(db: Reader, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('commons_administration_members')
    .select('administration_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.administration_id);
}

/** The commons a person maintains. */
export async function maintainedCommonsIdsOf(db: Reader, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('commons_maintainers').select('commons_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.commons_id);
}

export async function isAdministrationMember(db: Reader, administrationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('commons_administration_members')
    .select('user_id')
    .where('administration_id', '=', administrationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function isMaintainer(db: Reader, commonsId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('commons_maintainers')
    .select('user_id')
    .where('commons_id', '=', commonsId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Who may read what is marked "members only": partners (members, maintainers) and staff. */
export function seesMembersOnly(user: CurrentUser | null): boolean {
  return hasPermission(user, 'commons.members');
}

/**
 * Brings a person's `partner` role in line with their memberships, after the change that moved them has
 * committed: granted while they belong to an administration or maintain a commons, removed when they leave
 * the last. Idempotent (granting or revoking twice records nothing), so a retry or a race between two
 * changes ends in the right state: the last call reads the memberships as they are.
 */
export async function syncPartnerRole(services: Services, actor: Actor, userId: string): Promise<void> {
  const { db, clock } = services;
  const [administrations, commons] = await Promise.all([
    administrationIdsOf(db, userId),
    maintainedCommonsIdsOf(db, userId),
  ]);
  if (administrations.length > 0 || commons.length > 0) await grantRole(db, actor, clock.now(), userId, 'partner', '');
  else await revokeRole(db, actor, clock.now(), userId, 'partner', '');
}
