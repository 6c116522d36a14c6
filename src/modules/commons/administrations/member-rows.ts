import type { Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { JoinedVia } from '../tables.js';
import type { DepartureReason } from './tables.js';

/**
 * The membership rows every way of joining or leaving writes, inside the caller's audited transaction.
 * Joining twice is one membership (the first one's way and date are kept).
 */
export async function insertMember(
  trx: Transaction<DB>,
  values: {
    administrationId: string;
    userId: string;
    serviceId: string | null;
    joinedVia: JoinedVia;
    invitedBy: string | null;
    now: Date;
  },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('commons_administration_members')
    .values({
      administration_id: values.administrationId,
      user_id: values.userId,
      service_id: values.serviceId,
      joined_via: values.joinedVia,
      joined_at: values.now,
      invited_by: values.invitedBy,
    })
    .onConflict((oc) => oc.columns(['administration_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  // Joining again on purpose (an invitation, staff) ends a departure: ProConnect may then keep them in.
  await trx
    .deleteFrom('commons_administration_departures')
    .where('administration_id', '=', values.administrationId)
    .where('user_id', '=', values.userId)
    .execute();
  return inserted !== undefined;
}

/**
 * Removes a membership and remembers the departure (ProConnect will not bring the person back). The person
 * also stops being a referent of the administration's use cases: a referent speaks for the administration.
 * Returns false when they were not a member.
 */
export async function deleteMember(
  trx: Transaction<DB>,
  values: { administrationId: string; userId: string; reason: DepartureReason; now: Date },
): Promise<{ removed: boolean; referents: number }> {
  const removed = await trx
    .deleteFrom('commons_administration_members')
    .where('administration_id', '=', values.administrationId)
    .where('user_id', '=', values.userId)
    .returning('user_id')
    .executeTakeFirst();
  if (!removed) return { removed: false, referents: 0 };
  await trx
    .insertInto('commons_administration_departures')
    .values({
      administration_id: values.administrationId,
      user_id: values.userId,
      reason: values.reason,
      left_at: values.now,
    })
    .onConflict((oc) =>
      oc.columns(['administration_id', 'user_id']).doUpdateSet({ reason: values.reason, left_at: values.now }),
    )
    .execute();
  const referents = await trx
    .deleteFrom('commons_referents')
    .where('user_id', '=', values.userId)
    .where('use_case_id', 'in', (eb) =>
      eb.selectFrom('commons_use_cases').select('id').where('administration_id', '=', values.administrationId),
    )
    .executeTakeFirst();
  return { removed: true, referents: Number(referents.numDeletedRows) };
}

/** Whether the person left this administration (or was removed) and did not come back on purpose. */
export async function hasDeparted(trx: Transaction<DB>, administrationId: string, userId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('commons_administration_departures')
    .select('user_id')
    .where('administration_id', '=', administrationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
