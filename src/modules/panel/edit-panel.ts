import type { Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import type { PanelInput } from './panel-form.js';
import { deleteAfterOf, loadPanel, loadQuotas, type PanelStage, panelStage, type QuotaRecord } from './queries.js';
import { scheduleDemographicsDeletion } from './register-volunteer.js';

/** A panel's form values as the columns of its row (creation and edit write the same ones). */
export function panelColumns(input: PanelInput) {
  return {
    season_id: input.seasonId,
    name: input.name,
    name_en: input.nameEn,
    description: input.description ?? '',
    description_en: input.descriptionEn ?? '',
    size: input.size,
    recruit_until: input.recruitUntil,
    ends_at: input.endsAt,
    retention_days: input.retentionDays,
    one_per_household: input.onePerHousehold,
    criteria: JSON.stringify(input.criteria),
    opinion_weight: input.opinionWeight,
  };
}

/** Marks the panel's analyses as outdated (kept and shown, with a request to run them again). */
export async function markAnalysesOutdated(trx: Transaction<DB>, panelId: string, now: Date): Promise<number> {
  const rows = await trx
    .updateTable('panel_analyses')
    .set({ outdated_at: now })
    .where('panel_id', '=', panelId)
    .where('outdated_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

export type EditResult = 'saved' | 'unchanged' | 'conflict' | 'not-found';

const AUDIT_TEXT_MAX = 200;
const short = (text: string) => (text.length > AUDIT_TEXT_MAX ? `${text.slice(0, AUDIT_TEXT_MAX)}…` : text);
const quotaLine = (q: QuotaRecord) =>
  `${q.category} "${q.categoryLabel}"/"${q.categoryLabelEn}"=${q.feature} "${q.label}"/"${q.labelEn}":${q.min}..${q.max}`;

/**
 * Saves an edit of a panel read with readPanelEditForm. Refused as a conflict (nothing written) when the
 * panel was saved by someone else since the form was opened (`version`), or when its stage moved on
 * since the form was checked (a draw started, someone volunteered): the rules the form was read with
 * no longer hold. Changing the quotas or the size marks the analyses outdated; an earlier deletion date
 * applies at once to the demographic answers kept. Audited with every field that changed.
 */
export async function editPanel(
  services: Services,
  actor: Actor,
  panelId: string,
  edit: { version: number; input: PanelInput; quotas: QuotaRecord[]; stage: PanelStage },
): Promise<EditResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<EditResult> => {
    const locked = await trx
      .selectFrom('panels')
      .select(['id', 'version'])
      .where('id', '=', panelId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return 'not-found';
    if (locked.version !== edit.version) return 'conflict';
    const current = (await loadPanel(trx, panelId))!;
    const stage = await panelStage(trx, current);
    if (
      stage.drawStarted !== edit.stage.drawStarted ||
      stage.answered !== edit.stage.answered ||
      stage.shortlisted !== edit.stage.shortlisted ||
      stage.keptAnswers > 0 !== edit.stage.keptAnswers > 0
    )
      return 'conflict';
    const currentQuotas = await loadQuotas(trx, panelId);
    const { input } = edit;

    const changes: Record<string, { before: unknown; after: unknown }> = {};
    const compare = (field: string, before: unknown, after: unknown) => {
      if (JSON.stringify(before) !== JSON.stringify(after)) changes[field] = { before, after };
    };
    compare('name', current.name, input.name);
    compare('nameEn', current.nameEn, input.nameEn);
    compare('description', short(current.description), short(input.description ?? ''));
    if (current.description !== (input.description ?? '') && !changes.description)
      changes.description = { before: '(…)', after: '(…)' };
    compare('descriptionEn', short(current.descriptionEn), short(input.descriptionEn ?? ''));
    if (current.descriptionEn !== (input.descriptionEn ?? '') && !changes.descriptionEn)
      changes.descriptionEn = { before: '(…)', after: '(…)' };
    compare('season', current.seasonId, input.seasonId);
    compare('size', current.size, input.size);
    compare('recruitUntil', current.recruitUntil.toISOString(), input.recruitUntil.toISOString());
    compare('endsAt', current.endsAt.toISOString(), input.endsAt.toISOString());
    compare('retentionDays', current.retentionDays, input.retentionDays);
    compare('onePerHousehold', current.onePerHousehold, input.onePerHousehold);
    compare(
      'criteria',
      current.criteria.map((c) => `${c.code} "${c.label}"/"${c.labelEn}"`),
      input.criteria.map((c) => `${c.code} "${c.label}"/"${c.labelEn}"`),
    );
    compare('opinionWeight', current.opinionWeight, input.opinionWeight);
    compare('quotas', currentQuotas.map(quotaLine), edit.quotas.map(quotaLine));
    if (Object.keys(changes).length === 0) return 'unchanged';

    await trx
      .updateTable('panels')
      .set((eb) => ({
        ...panelColumns(input),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', panelId)
      .execute();
    if (changes.quotas) {
      await trx.deleteFrom('panel_quotas').where('panel_id', '=', panelId).execute();
      if (edit.quotas.length > 0) {
        await trx
          .insertInto('panel_quotas')
          .values(
            edit.quotas.map((q, position) => ({
              panel_id: panelId,
              category: q.category,
              category_label: q.categoryLabel,
              category_label_en: q.categoryLabelEn,
              feature: q.feature,
              label: q.label,
              label_en: q.labelEn,
              min: q.min,
              max: q.max,
              position,
            })),
          )
          .execute();
      }
    }
    const outdated = changes.quotas || changes.size ? await markAnalysesOutdated(trx, panelId, now) : 0;

    // The deletion date never moves later for answers already given (the form refuses it); earlier applies now.
    const deleteAfter = deleteAfterOf(input.endsAt, input.retentionDays);
    let rescheduled = 0;
    if (deleteAfter < current.deleteAfter) {
      rescheduled = (
        await trx
          .updateTable('panel_demographics')
          .set({ delete_after: deleteAfter })
          .where('panel_id', '=', panelId)
          .where('delete_after', '>', deleteAfter)
          .returning('volunteer_id')
          .execute()
      ).length;
      if (rescheduled > 0) await scheduleDemographicsDeletion(trx, panelId, deleteAfter);
    }

    // Its name and dates are on the public pages that announce the call.
    await announcePublicChange(trx, services);
    await audit({
      action: 'panel.edited',
      subjectType: 'panel',
      subjectId: panelId,
      summary: {
        version: locked.version + 1,
        changes,
        ...(outdated ? { analysesOutdated: outdated } : {}),
        ...(rescheduled
          ? { demographicsDeleteAfter: deleteAfter.toISOString(), demographicsRescheduled: rescheduled }
          : {}),
      },
    });
    return 'saved';
  });
  if (result === 'saved') afterPublicChange(services);
  return result;
}
