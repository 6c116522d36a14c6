import type { Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { DB } from '../../../core/db/schema.js';
import { lockSubmissionKey } from '../../../core/http/submission-keys.js';
import type { Services } from '../../../core/services.js';
import type { IndicatorDirection } from '../tables.js';

/** An indicator as the staff's form gives it; figures are canonical decimal text (numbers.ts). */
export interface IndicatorInput {
  name: string;
  nameEn: string;
  description: string;
  unit: string;
  unitEn: string;
  direction: IndicatorDirection;
  baseline: { value: string; date: string } | null;
  targets: { value: string; date: string }[];
  irisId: string | null;
  lever: string | null;
  isPublic: boolean;
  position: number;
}

function columns(input: IndicatorInput) {
  return {
    name: input.name,
    name_en: input.nameEn,
    description: input.description,
    unit: input.unit,
    unit_en: input.unitEn,
    direction: input.direction,
    baseline_value: input.baseline?.value ?? null,
    baseline_date: input.baseline?.date ?? null,
    iris_id: input.irisId,
    lever: input.lever,
    is_public: input.isPublic,
    position: input.position,
  };
}

async function writeTargets(trx: Transaction<DB>, indicatorId: string, targets: IndicatorInput['targets']) {
  await trx.deleteFrom('impact_targets').where('indicator_id', '=', indicatorId).execute();
  if (targets.length > 0)
    await trx
      .insertInto('impact_targets')
      .values(targets.map((t) => ({ indicator_id: indicatorId, target_value: t.value, target_date: t.date })))
      .execute();
}

/** Defines a laureate's indicator; a repeated send of the same form returns the first one's id. */
export async function createIndicator(
  services: Services,
  actor: Actor,
  laureateId: string,
  input: IndicatorInput,
  submissionKey: string | null,
): Promise<string> {
  const now = services.clock.now();
  const id = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    if (submissionKey) {
      await lockSubmissionKey(trx, submissionKey);
      const done = await trx
        .selectFrom('impact_indicators')
        .select('id')
        .where('submission_key', '=', submissionKey)
        .executeTakeFirst();
      if (done) return done.id;
    }
    const { id } = await trx
      .insertInto('impact_indicators')
      .values({
        laureate_id: laureateId,
        ...columns(input),
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        submission_key: submissionKey,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTargets(trx, id, input.targets);
    await audit({
      action: 'impact.indicator-created',
      subjectType: 'impact_indicator',
      subjectId: id,
      summary: { laureateId, ...input },
    });
    await announcePublicChange(trx, services);
    return id;
  });
  afterPublicChange(services);
  return id;
}

export type UpdateResult = { ok: true } | { ok: false; problem: 'not_found' | 'stale' };

/**
 * Changes an indicator if nobody changed it since the form was opened (`version`): a stale edit is refused,
 * so one person's change is never silently overwritten by another's.
 */
export async function updateIndicator(
  services: Services,
  actor: Actor,
  id: string,
  version: number,
  input: IndicatorInput,
): Promise<UpdateResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<UpdateResult> => {
    const before = await trx
      .selectFrom('impact_indicators')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return { ok: false, problem: 'not_found' };
    if (before.version !== version) return { ok: false, problem: 'stale' };
    await trx
      .updateTable('impact_indicators')
      .set({ ...columns(input), version: version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await writeTargets(trx, id, input.targets);
    await audit({
      action: 'impact.indicator-updated',
      subjectType: 'impact_indicator',
      subjectId: id,
      summary: {
        before: { name: before.name, unit: before.unit, isPublic: before.is_public, baseline: before.baseline_value },
        after: input,
      },
    });
    await announcePublicChange(trx, services);
    return { ok: true };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}

/**
 * Archives an indicator (or brings it back): an archived one is no longer reported nor shown, and keeps its
 * values. Also subject to `version`.
 */
export async function setIndicatorArchived(
  services: Services,
  actor: Actor,
  id: string,
  version: number,
  archived: boolean,
): Promise<UpdateResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<UpdateResult> => {
    const before = await trx
      .selectFrom('impact_indicators')
      .select(['version', 'archived_at'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return { ok: false, problem: 'not_found' };
    if (before.version !== version) return { ok: false, problem: 'stale' };
    await trx
      .updateTable('impact_indicators')
      .set({ archived_at: archived ? now : null, version: version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await audit({
      action: archived ? 'impact.indicator-archived' : 'impact.indicator-restored',
      subjectType: 'impact_indicator',
      subjectId: id,
    });
    await announcePublicChange(trx, services);
    return { ok: true };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
