import type { Transaction } from 'kysely';
import type { Actor, AuditInput } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
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
  return auditedTransaction(services.db, actor, now, (trx, audit) => changeStateIn(trx, now, input, audit, services));
}

/**
 * The same, inside a transaction the caller holds (the decisions module moves an application to `laureate`
 * or `not_selected` in the transaction that sends its notice). With `services`, a staff move to a state the
 * applicants are told of (eligible, ineligible, in review) queues that notice in the same transaction.
 */
export async function changeStateIn(
  trx: Transaction<DB>,
  now: Date,
  input: ChangeStateInput,
  audit: (input: AuditInput) => Promise<void>,
  services?: Pick<Services, 'config'>,
): Promise<ChangeStateResult> {
  const reason = input.reason.trim().slice(0, 2000);
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
  if (services && input.by === 'staff')
    await queueStateNotice(
      trx,
      services,
      now,
      { application, from: application.state, to: input.to, reason, authorId: input.actorUserId },
      audit,
    );
  return { ok: true, from: application.state };
}
