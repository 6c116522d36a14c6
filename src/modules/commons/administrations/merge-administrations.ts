import { sql } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

export type MergeResult =
  | { ok: true; counts: Record<string, number> }
  | { ok: false; problem: 'same' | 'not_found' | 'already_merged' | 'target_merged' };

/**
 * Staff merge a duplicate into another administration, in one audited transaction: its members join the
 * target (a person in both stays once, with the target's membership), its departures, services, pending
 * invitations, use cases, needs, experiment links and contacts follow; the duplicate keeps its SIRET and
 * records `merged_into` (its page redirects there, and an agent of its SIRET joins the target).
 */
export async function mergeAdministrations(
  services: Services,
  actor: Actor,
  input: { duplicateId: string; targetId: string },
): Promise<MergeResult> {
  if (input.duplicateId === input.targetId) return { ok: false, problem: 'same' };
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<MergeResult> => {
    // Both rows locked, in id order (two merges at once cannot deadlock), and read as they are now.
    const rows = await trx
      .selectFrom('commons_administrations')
      .select(['id', 'merged_into'])
      .where('id', 'in', [input.duplicateId, input.targetId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const duplicate = rows.find((r) => r.id === input.duplicateId);
    const target = rows.find((r) => r.id === input.targetId);
    if (!duplicate || !target) return { ok: false, problem: 'not_found' };
    if (duplicate.merged_into) return { ok: false, problem: 'already_merged' };
    if (target.merged_into) return { ok: false, problem: 'target_merged' };
    const from = input.duplicateId;
    const to = input.targetId;

    const members = await sql<{ user_id: string }>`
      insert into commons_administration_members (administration_id, user_id, service_id, joined_via, joined_at, invited_by)
      select ${to}, user_id, service_id, joined_via, joined_at, invited_by
      from commons_administration_members where administration_id = ${from}
      on conflict (administration_id, user_id) do nothing
      returning user_id`.execute(trx);
    await trx.deleteFrom('commons_administration_members').where('administration_id', '=', from).execute();
    // A departure from the duplicate stands for the target too, unless the person is a member there.
    await sql`
      insert into commons_administration_departures (administration_id, user_id, reason, left_at)
      select ${to}, d.user_id, d.reason, d.left_at from commons_administration_departures d
      where d.administration_id = ${from}
        and not exists (select 1 from commons_administration_members m where m.administration_id = ${to} and m.user_id = d.user_id)
      on conflict (administration_id, user_id) do nothing`.execute(trx);
    await trx.deleteFrom('commons_administration_departures').where('administration_id', '=', from).execute();
    const servicesMoved = await trx
      .updateTable('commons_services')
      .set({ administration_id: to })
      .where('administration_id', '=', from)
      .executeTakeFirst();
    const invitations = await trx
      .updateTable('commons_invitations')
      .set({ administration_id: to })
      .where('administration_id', '=', from)
      .executeTakeFirst();
    const useCases = await trx
      .updateTable('commons_use_cases')
      .set({ administration_id: to, updated_at: now })
      .where('administration_id', '=', from)
      .executeTakeFirst();
    const needs = await trx
      .updateTable('commons_needs')
      .set({ administration_id: to, updated_at: now })
      .where('administration_id', '=', from)
      .executeTakeFirst();
    const experiments = await sql<{ experiment_id: string }>`
      insert into commons_experiment_administrations (experiment_id, administration_id)
      select experiment_id, ${to} from commons_experiment_administrations where administration_id = ${from}
      on conflict (experiment_id, administration_id) do nothing
      returning experiment_id`.execute(trx);
    const experimentLinks = await trx
      .deleteFrom('commons_experiment_administrations')
      .where('administration_id', '=', from)
      .executeTakeFirst();
    const contacts = await trx
      .updateTable('commons_contacts')
      .set({ sender_administration_id: to })
      .where('sender_administration_id', '=', from)
      .executeTakeFirst();
    await trx
      .updateTable('commons_administrations')
      .set((eb) => ({ merged_into: to, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', from)
      .execute();
    const counts = {
      membersMoved: members.rows.length,
      services: Number(servicesMoved.numUpdatedRows),
      invitations: Number(invitations.numUpdatedRows),
      useCases: Number(useCases.numUpdatedRows),
      needs: Number(needs.numUpdatedRows),
      experimentsLinked: experiments.rows.length,
      experimentLinks: Number(experimentLinks.numDeletedRows),
      contacts: Number(contacts.numUpdatedRows),
    };
    await audit({
      action: 'commons.administration-merged',
      subjectType: 'commons_administration',
      subjectId: from,
      summary: { into: to, ...counts },
    });
    return { ok: true, counts };
  });
}
