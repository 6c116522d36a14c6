import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import type { LaureateSpace } from '../laureate-space.js';
import { addDays, planPeriodOk } from './progress.js';
import { syncPublicProgress } from './public-progress.js';
import { templateOfSeason } from './queries.js';

export type CreatePlanResult = { ok: true; planId: string } | { ok: false; problem: 'exists' | 'period' | 'template' };

/**
 * Staff create a confirmed laureate's plan, blank or from one of its season's templates: the template's needs,
 * lever actions and milestones are copied (milestone due dates counted from the plan's start), so editing
 * the template later does not change plans made from it. One plan per laureate (a unique application_id).
 */
export async function createPlan(
  services: Services,
  actor: Actor,
  input: { space: LaureateSpace; startsOn: string; endsOn: string; templateId: string | null },
): Promise<CreatePlanResult> {
  if (!planPeriodOk(input.startsOn, input.endsOn)) return { ok: false, problem: 'period' };
  const { application } = input.space;
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<CreatePlanResult> => {
    const template = input.templateId ? await templateOfSeason(trx, application.seasonId, input.templateId) : null;
    if (input.templateId && !template) return { ok: false, problem: 'template' };
    const created = await trx
      .insertInto('support_plans')
      .values({
        application_id: application.id,
        season_id: application.seasonId,
        track_code: application.trackCode,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        allocated_minutes: null,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('application_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!created) return { ok: false, problem: 'exists' };
    const content = template?.content;
    if (content) {
      for (const [position, need] of content.needs.entries())
        await trx
          .insertInto('support_plan_needs')
          .values({ plan_id: created.id, need: need.need, goals: need.goals, position })
          .execute();
      for (const [position, action] of content.actions.entries())
        await trx
          .insertInto('support_lever_actions')
          .values({
            plan_id: created.id,
            lever: action.lever,
            need: action.need,
            action: action.action,
            responsible_kind: action.responsibleKind,
            responsible_user_id: null,
            responsible_name: action.responsibleName,
            position,
            updated_at: now,
          })
          .execute();
      for (const [position, milestone] of content.milestones.entries())
        await trx
          .insertInto('support_milestones')
          .values({
            plan_id: created.id,
            title: milestone.title,
            description: milestone.description,
            due_on: addDays(input.startsOn, milestone.dueAfterDays),
            weight: milestone.weight,
            position,
            created_at: now,
            updated_at: now,
          })
          .execute();
    }
    await audit({
      action: 'support.plan-created',
      subjectType: 'application',
      subjectId: application.id,
      summary: { planId: created.id, templateId: template?.id ?? null, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    await syncPublicProgress(trx, services, created.id);
    return { ok: true, planId: created.id };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
