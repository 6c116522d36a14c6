import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { queueStateNotice } from './instruction/state-notices.js';
import { tracksCover } from './policy.js';
import { loadApplication } from './queries.js';
import { type ApplicationState, checkTransition, type TransitionActor } from './states.js';

export interface ChangeStateInput {
  applicationId: string;
  to: ApplicationState;
  by: TransitionActor;
  reason: string;
  actorUserId: string | null;
  /** Staff limited to some tracks may only move applications of those tracks (undefined = all). */
  tracks?: string[];
}

export type ChangeStateResult =
  | { ok: true; from: ApplicationState }
  | { ok: false; problem: 'not_found' | 'not_allowed' | 'reason_required'; state?: ApplicationState };

/** Moves an application to another state if the state machine allows it; recorded in its history and the audit log. */
export async function changeState(
  services: Services,
  actor: Actor,
  input: ChangeStateInput,
): Promise<ChangeStateResult> {
  const now = services.clock.now();
  const reason = input.reason.trim().slice(0, 2000);
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ChangeStateResult> => {
    const application = await loadApplication(trx, input.applicationId, { forUpdate: true });
    if (!application || !tracksCover(input.tracks, application)) return { ok: false, problem: 'not_found' };
    const check = checkTransition(application.state, input.to, input.by, reason);
    if (!check.ok) return { ok: false, problem: check.problem, state: application.state };
    await trx
      .updateTable('applications')
      .set({ state: input.to, updated_at: now })
      .where('id', '=', application.id)
      .execute();
    await trx
      .insertInto('application_transitions')
      .values({
        application_id: application.id,
        from_state: application.state,
        to_state: input.to,
        reason,
        at: now,
        actor_id: input.actorUserId,
      })
      .execute();
    await audit({
      action: input.to === 'withdrawn' ? 'application.withdraw' : 'application.change_state',
      subjectType: 'application',
      subjectId: application.id,
      summary: { from: application.state, to: input.to, reason },
    });
    // The applicants hear of it (mail and thread message) in this same transaction, unless switched off.
    if (input.by === 'staff')
      await queueStateNotice(
        trx,
        services,
        now,
        { application, from: application.state, to: input.to, reason, authorId: input.actorUserId },
        audit,
      );
    return { ok: true, from: application.state };
  });
}
