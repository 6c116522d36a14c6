import { sql } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

export type ModerationResult = { ok: true } | { ok: false; problem: 'not_found' | 'stale' | 'merged' };

/**
 * Staff hide a commons (with a reason its maintainers read) or show it again. A merged commons stays hidden: it
 * only redirects. `version` is the one the page was read at.
 */
export async function setCommonsHidden(
  services: Services,
  actor: Actor,
  input: { id: string; version: number; hidden: boolean; reason: string },
): Promise<ModerationResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ModerationResult> => {
    const current = await trx
      .selectFrom('commons')
      .select(['version', 'merged_into'])
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, problem: 'not_found' };
    if (current.merged_into) return { ok: false, problem: 'merged' };
    if (current.version !== input.version) return { ok: false, problem: 'stale' };
    await trx
      .updateTable('commons')
      .set((eb) => ({
        hidden: input.hidden,
        hidden_reason: input.hidden ? input.reason : null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.id)
      .execute();
    await audit({
      action: input.hidden ? 'commons.commons-hidden' : 'commons.commons-unhidden',
      subjectType: 'commons',
      subjectId: input.id,
      summary: input.hidden ? { reason: input.reason } : {},
    });
    return { ok: true };
  });
}

export interface MergeCounts {
  useCases: number;
  needs: number;
  experiments: number;
  maintainers: number;
}

export type MergeResult =
  | { ok: true; counts: MergeCounts; targetSlug: string }
  | { ok: false; problem: 'not_found' | 'stale' | 'merged' | 'bad_target' };

/**
 * Merges a duplicate into the commons to keep, in one audited transaction: its use cases, needs and offers,
 * and experiments move to the target; its maintainers become the target's (those already there are skipped);
 * it is then hidden with `merged_into` set, so its address redirects to the target, which takes its SILL,
 * Wikidata and laureate references when it has none. Contacts made through it
 * stay attached to it, as the record of what happened.
 */
export async function mergeCommons(
  services: Services,
  actor: Actor,
  input: { duplicateId: string; version: number; targetId: string },
): Promise<MergeResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<MergeResult> => {
    if (input.duplicateId === input.targetId) return { ok: false, problem: 'bad_target' };
    // Both rows locked, in a fixed order, so two merges at once wait for each other rather than deadlock.
    const rows = await trx
      .selectFrom('commons')
      .select([
        'id',
        'slug',
        'name',
        'version',
        'hidden',
        'merged_into',
        'sill_id',
        'wikidata_id',
        'laureate_application_id',
      ])
      .where('id', 'in', [input.duplicateId, input.targetId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const duplicate = rows.find((r) => r.id === input.duplicateId);
    const target = rows.find((r) => r.id === input.targetId);
    if (!duplicate) return { ok: false, problem: 'not_found' };
    if (duplicate.merged_into) return { ok: false, problem: 'merged' };
    if (duplicate.version !== input.version) return { ok: false, problem: 'stale' };
    if (!target || target.hidden || target.merged_into) return { ok: false, problem: 'bad_target' };

    const useCases = await trx
      .updateTable('commons_use_cases')
      .set({ commons_id: target.id })
      .where('commons_id', '=', duplicate.id)
      .executeTakeFirst();
    const needs = await trx
      .updateTable('commons_needs')
      .set({ commons_id: target.id })
      .where('commons_id', '=', duplicate.id)
      .executeTakeFirst();
    const experiments = await trx
      .updateTable('commons_experiments')
      .set({ commons_id: target.id })
      .where('commons_id', '=', duplicate.id)
      .executeTakeFirst();
    const moved = await sql<{ user_id: string }>`
      insert into commons_maintainers (commons_id, user_id, added_at, added_by)
      select ${target.id}, user_id, ${now}, ${actor.id} from commons_maintainers where commons_id = ${duplicate.id}
      on conflict (commons_id, user_id) do nothing
      returning user_id`.execute(trx);
    await trx.deleteFrom('commons_maintainers').where('commons_id', '=', duplicate.id).execute();
    // The duplicate's identifiers elsewhere go to the target when it has none (sill_id is unique: freed first).
    const inherited = {
      ...(duplicate.sill_id && !target.sill_id ? { sill_id: duplicate.sill_id } : {}),
      ...(duplicate.wikidata_id && !target.wikidata_id ? { wikidata_id: duplicate.wikidata_id } : {}),
      ...(duplicate.laureate_application_id && !target.laureate_application_id
        ? { laureate_application_id: duplicate.laureate_application_id }
        : {}),
    };
    await trx
      .updateTable('commons')
      .set((eb) => ({
        ...(inherited.sill_id ? { sill_id: null } : {}),
        merged_into: target.id,
        hidden: true,
        hidden_reason: `Fusionné dans ${target.name} / merged into ${target.name}`,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', duplicate.id)
      .execute();
    if (Object.keys(inherited).length > 0)
      await trx.updateTable('commons').set(inherited).where('id', '=', target.id).execute();
    const counts: MergeCounts = {
      useCases: Number(useCases.numUpdatedRows),
      needs: Number(needs.numUpdatedRows),
      experiments: Number(experiments.numUpdatedRows),
      maintainers: moved.rows.length,
    };
    await audit({
      action: 'commons.commons-merged',
      subjectType: 'commons',
      subjectId: duplicate.id,
      summary: { into: target.id, ...counts },
    });
    return { ok: true, counts, targetSlug: target.slug };
  });
}
