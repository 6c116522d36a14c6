import type { Kysely, Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Role } from '../../core/auth/permissions.js';
import type { DB } from '../../core/db/schema.js';
import { HttpError } from '../../core/http/errors.js';

export class LastAdminError extends HttpError {
  constructor() {
    super(409, 'The last administrator cannot lose this role', 'last-admin');
  }
}

/** Only staff grants can be limited to a track; every other role covers the whole programme. */
export function normaliseTrack(role: Role, track: string): string {
  return role === 'staff' ? track.trim() : '';
}

export async function adminCount(trx: Transaction<DB> | Kysely<DB>): Promise<number> {
  const row = await trx
    .selectFrom('user_roles')
    .select((eb) => eb.fn.count<string>('user_id').distinct().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Grants a role (idempotent: granting it twice records nothing the second time). */
export async function grantRole(
  db: Kysely<DB>,
  actor: Actor,
  now: Date,
  userId: string,
  role: Role,
  track: string,
): Promise<boolean> {
  const scoped = normaliseTrack(role, track);
  return auditedTransaction(db, actor, now, async (trx, audit) => {
    const inserted = await trx
      .insertInto('user_roles')
      .values({ user_id: userId, role, track: scoped, granted_by: actor.id, granted_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'role', 'track']).doNothing())
      .returning('role')
      .executeTakeFirst();
    if (!inserted) return false;
    await audit({
      action: 'accounts.role-granted',
      subjectType: 'user',
      subjectId: userId,
      summary: { role, track: scoped },
    });
    return true;
  });
}

/** Removes a role; the platform always keeps at least one administrator. */
export async function revokeRole(
  db: Kysely<DB>,
  actor: Actor,
  now: Date,
  userId: string,
  role: Role,
  track: string,
): Promise<boolean> {
  const scoped = normaliseTrack(role, track);
  return auditedTransaction(db, actor, now, async (trx, audit) => {
    if (role === 'admin') {
      // Serialise admin removals so two of them cannot both pass the check.
      await trx.selectFrom('user_roles').select('user_id').where('role', '=', 'admin').forUpdate().execute();
      const holds = await trx
        .selectFrom('user_roles')
        .select('user_id')
        .where('user_id', '=', userId)
        .where('role', '=', 'admin')
        .executeTakeFirst();
      if (holds && (await adminCount(trx)) <= 1) throw new LastAdminError();
    }
    const removed = await trx
      .deleteFrom('user_roles')
      .where('user_id', '=', userId)
      .where('role', '=', role)
      .where('track', '=', scoped)
      .returning('role')
      .executeTakeFirst();
    if (!removed) return false;
    await audit({
      action: 'accounts.role-revoked',
      subjectType: 'user',
      subjectId: userId,
      summary: { role, track: scoped },
    });
    return true;
  });
}
