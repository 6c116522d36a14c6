import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';

/** Deletes a season's template; plans made from it keep their copy. */
export async function deleteTemplate(
  services: Services,
  actor: Actor,
  input: { seasonId: string; templateId: string },
): Promise<boolean> {
  return auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    const deleted = await trx
      .deleteFrom('support_plan_templates')
      .where('id', '=', input.templateId)
      .where('season_id', '=', input.seasonId)
      .returning('name')
      .executeTakeFirst();
    if (!deleted) return false;
    await audit({
      action: 'support.template-deleted',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: { templateId: input.templateId, name: deleted.name },
    });
    return true;
  });
}
