import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import type { ActionStatus, Need, PlanStatus, ResponsibleKind } from '../tables.js';
import { planPeriodOk } from './progress.js';
import { syncPublicProgress } from './public-progress.js';

export interface PlanInput {
  startsOn: string;
  endsOn: string;
  /** Coaching hours allocated, in minutes; null when hours are not counted. */
  allocatedMinutes: number | null;
  status: PlanStatus;
  progressPublic: boolean;
  needs: { need: Need; goals: string }[];
  actions: {
    lever: string;
    need: Need | null;
    action: string;
    responsibleKind: ResponsibleKind;
    responsibleName: string;
    status: ActionStatus;
  }[];
}

export type UpdatePlanResult = { ok: true } | { ok: false; problem: 'conflict' | 'period' | 'status' };

const ORDER: PlanStatus[] = ['draft', 'active', 'finished'];

/**
 * Staff save a plan's form as a whole: dates, hours, status, the public toggle, the needs with their goals and
 * the lever actions (the form holds them all, so they are replaced). The form carries the version it was read
 * at: a plan changed since (another staff member) is refused rather than overwritten. The status only moves
 * forward (draft → active → finished).
 */
export async function updatePlan(
  services: Services,
  actor: Actor,
  planId: string,
  version: number,
  input: PlanInput,
): Promise<UpdatePlanResult> {
  if (!planPeriodOk(input.startsOn, input.endsOn)) return { ok: false, problem: 'period' };
  const now = services.clock.now();
  let publicChanged = false;
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<UpdatePlanResult> => {
    const plan = await trx
      .selectFrom('support_plans')
      .select(['id', 'application_id', 'status', 'version', 'progress_public'])
      .where('id', '=', planId)
      .forUpdate()
      .executeTakeFirst();
    if (!plan || plan.version !== version) return { ok: false, problem: 'conflict' };
    if (ORDER.indexOf(input.status) < ORDER.indexOf(plan.status)) return { ok: false, problem: 'status' };
    await trx
      .updateTable('support_plans')
      .set({
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        allocated_minutes: input.allocatedMinutes,
        status: input.status,
        progress_public: input.progressPublic,
        version: plan.version + 1,
        updated_at: now,
      })
      .where('id', '=', planId)
      .execute();
    await trx.deleteFrom('support_plan_needs').where('plan_id', '=', planId).execute();
    for (const [position, need] of input.needs.entries())
      await trx
        .insertInto('support_plan_needs')
        .values({ plan_id: planId, need: need.need, goals: need.goals, position })
        .execute();
    await trx.deleteFrom('support_lever_actions').where('plan_id', '=', planId).execute();
    for (const [position, action] of input.actions.entries())
      await trx
        .insertInto('support_lever_actions')
        .values({
          plan_id: planId,
          lever: action.lever,
          need: action.need,
          action: action.action,
          responsible_kind: action.responsibleKind,
          responsible_user_id: null,
          responsible_name: action.responsibleName,
          status: action.status,
          position,
          updated_at: now,
        })
        .execute();
    await audit({
      action: 'support.plan-updated',
      subjectType: 'application',
      subjectId: plan.application_id,
      summary: {
        planId,
        status: input.status,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        allocatedMinutes: input.allocatedMinutes,
        progressPublic: input.progressPublic,
        needs: input.needs.length,
        actions: input.actions.length,
      },
    });
    publicChanged = await syncPublicProgress(trx, services, planId);
    return { ok: true };
  });
  if (publicChanged) afterPublicChange(services);
  return result;
}
