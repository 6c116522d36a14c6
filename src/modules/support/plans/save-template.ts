import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import type { TemplateContent } from './templates.js';

export type SaveTemplateResult = { ok: true; templateId: string } | { ok: false; problem: 'not_found' | 'name_taken' };

/** Creates (templateId null) or replaces a season's plan template. Names are unique within a season. */
export async function saveTemplate(
  services: Services,
  actor: Actor,
  input: { seasonId: string; templateId: string | null; name: string; content: TemplateContent },
): Promise<SaveTemplateResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveTemplateResult> => {
    const clash = await trx
      .selectFrom('support_plan_templates')
      .select('id')
      .where('season_id', '=', input.seasonId)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash && clash.id !== input.templateId) return { ok: false, problem: 'name_taken' };
    let templateId = input.templateId;
    if (templateId) {
      const updated = await trx
        .updateTable('support_plan_templates')
        .set({ name: input.name, content: JSON.stringify(input.content), updated_at: now })
        .where('id', '=', templateId)
        .where('season_id', '=', input.seasonId)
        .returning('id')
        .executeTakeFirst();
      if (!updated) return { ok: false, problem: 'not_found' };
    } else {
      const created = await trx
        .insertInto('support_plan_templates')
        .values({
          season_id: input.seasonId,
          name: input.name,
          content: JSON.stringify(input.content),
          created_at: now,
          created_by: actor.id,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['season_id', 'name']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!created) return { ok: false, problem: 'name_taken' };
      templateId = created.id;
    }
    await audit({
      action: input.templateId ? 'support.template-updated' : 'support.template-created',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: {
        templateId,
        name: input.name,
        needs: input.content.needs.length,
        actions: input.content.actions.length,
        milestones: input.content.milestones.length,
      },
    });
    return { ok: true, templateId };
  });
}
