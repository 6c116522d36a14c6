import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { Services } from '../../core/services.js';
import { markAnalysesOutdated, panelColumns } from './edit-panel.js';
import type { PanelInput } from './panel-form.js';
import type { QuotaRecord } from './queries.js';
import type { PanelStatus } from './tables.js';

/** Creates a panel in set-up (no quotas yet, call for volunteers closed). */
export async function createPanel(services: Services, actor: Actor, input: PanelInput): Promise<string> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const { id } = await trx
      .insertInto('panels')
      .values({
        ...panelColumns(input),
        status: 'setup',
        created_at: now,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'panel.created',
      subjectType: 'panel',
      subjectId: id,
      summary: {
        name: input.name,
        size: input.size,
        criteria: input.criteria.map((c) => c.code),
        opinionWeight: input.opinionWeight,
      },
    });
    return id;
  });
}

/** Replaces the quotas; only while the panel is in set-up and nobody volunteered (volunteers answer the questions they define). */
export async function saveQuotas(
  services: Services,
  actor: Actor,
  panelId: string,
  quotas: QuotaRecord[],
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const panel = await trx
      .selectFrom('panels')
      .select('status')
      .where('id', '=', panelId)
      .forUpdate()
      .executeTakeFirst();
    if (panel?.status !== 'setup') return false;
    // A panel put back in set-up keeps the questions its volunteers answered (the edit page changes bounds and labels).
    const answered = await trx
      .selectFrom('panel_volunteers')
      .select('id')
      .where('panel_id', '=', panelId)
      .limit(1)
      .executeTakeFirst();
    if (answered) return false;
    await trx.deleteFrom('panel_quotas').where('panel_id', '=', panelId).execute();
    if (quotas.length > 0) {
      await trx
        .insertInto('panel_quotas')
        .values(
          quotas.map((q, position) => ({
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
    // The edit form carries the version: a form opened before these quotas were saved is stale.
    await trx
      .updateTable('panels')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', panelId)
      .execute();
    await markAnalysesOutdated(trx, panelId, now);
    await audit({
      action: 'panel.quotas-saved',
      subjectType: 'panel',
      subjectId: panelId,
      summary: { quotas: quotas.map((q) => `${q.category}=${q.feature}:${q.min}..${q.max}`) },
    });
    return true;
  });
}

/** Opens or closes the call for volunteers. Opening needs quotas. */
export async function setPanelStatus(
  services: Services,
  actor: Actor,
  panelId: string,
  status: PanelStatus,
): Promise<'ok' | 'no-quotas' | 'not-found'> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const panel = await trx
      .selectFrom('panels')
      .select('status')
      .where('id', '=', panelId)
      .forUpdate()
      .executeTakeFirst();
    if (!panel) return 'not-found';
    if (status === 'recruiting') {
      const quota = await trx
        .selectFrom('panel_quotas')
        .select('id')
        .where('panel_id', '=', panelId)
        .limit(1)
        .executeTakeFirst();
      if (!quota) return 'no-quotas';
    }
    if (panel.status === status) return 'ok';
    await trx.updateTable('panels').set({ status }).where('id', '=', panelId).execute();
    // The call is announced on the home page, the season's page and /panel-citoyen.
    await announcePublicChange(trx, services);
    await audit({
      action: 'panel.status-changed',
      subjectType: 'panel',
      subjectId: panelId,
      summary: { before: panel.status, after: status },
    });
    return 'ok';
  });
  if (result === 'ok') afterPublicChange(services);
  return result;
}
