import type { Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import type { PlanSummary } from '../laureate-space.js';
import { hoursOfPlan } from './queries.js';
import type { SessionInput } from './session-form.js';
import '../tables.js';

export type SaveSessionResult =
  | { ok: true; sessionId: string /** The counted sessions now go beyond the plan's allocation. */; over: boolean }
  | { ok: false; reason: 'not_found' | 'stale' };

async function writeParticipantsAndItems(
  trx: Transaction<DB>,
  planId: string,
  sessionId: string,
  input: SessionInput,
  now: Date,
): Promise<void> {
  await trx.deleteFrom('support_session_participants').where('session_id', '=', sessionId).execute();
  if (input.participants.length > 0)
    await trx
      .insertInto('support_session_participants')
      .values(
        input.participants.map((p, position) => ({
          session_id: sessionId,
          position,
          user_id: p.userId,
          name: p.name,
          side: p.side,
        })),
      )
      .execute();
  // Items the form no longer holds are deleted; the kept ones keep their done state.
  const kept = input.items.flatMap((i) => (i.id ? [i.id] : []));
  let stale = trx.deleteFrom('support_action_items').where('session_id', '=', sessionId);
  if (kept.length > 0) stale = stale.where('id', 'not in', kept);
  await stale.execute();
  for (const item of input.items) {
    const values = {
      text: item.text,
      owner_name: item.ownerName,
      owner_user_id: item.ownerUserId,
      due_on: item.dueOn,
    };
    if (item.id)
      await trx
        .updateTable('support_action_items')
        .set(values)
        .where('id', '=', item.id)
        .where('session_id', '=', sessionId)
        .execute();
    else
      await trx
        .insertInto('support_action_items')
        .values({ ...values, plan_id: planId, session_id: sessionId, created_at: now })
        .execute();
  }
}

function auditSummary(input: SessionInput) {
  return {
    heldAt: input.heldAt.toISOString(),
    durationMinutes: input.durationMinutes,
    countsHours: input.countsHours,
    participants: input.participants.length,
    items: input.items.length,
    levers: input.levers,
  };
}

/**
 * Records a coaching session of a plan with its participants and action items. Going beyond the plan's
 * allocated hours is allowed (a session held is a fact): the result says so, and the page warns.
 */
export async function createSession(
  services: Services,
  actor: Actor,
  plan: Pick<PlanSummary, 'id' | 'allocatedMinutes'>,
  input: SessionInput,
): Promise<SaveSessionResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const row = await trx
      .insertInto('support_sessions')
      .values({
        plan_id: plan.id,
        held_at: input.heldAt,
        duration_minutes: input.durationMinutes,
        counts_hours: input.countsHours,
        topics: input.topics,
        notes: input.notes,
        staff_note: input.staffNote,
        levers: input.levers,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeParticipantsAndItems(trx, plan.id, row.id, input, now);
    const hours = await hoursOfPlan(trx, plan);
    await audit({
      action: 'support.session-created',
      subjectType: 'support_session',
      subjectId: row.id,
      summary: { planId: plan.id, ...auditSummary(input) },
    });
    return { ok: true, sessionId: row.id, over: input.countsHours && (hours.leftMinutes ?? 0) < 0 };
  });
}

/** Edits a session of the plan, refused when the form was read from an older version. */
export async function updateSession(
  services: Services,
  actor: Actor,
  plan: Pick<PlanSummary, 'id' | 'allocatedMinutes'>,
  sessionId: string,
  version: number | undefined,
  input: SessionInput,
): Promise<SaveSessionResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const current = await trx
      .selectFrom('support_sessions')
      .select(['id', 'version'])
      .where('id', '=', sessionId)
      .where('plan_id', '=', plan.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, reason: 'not_found' };
    if (version !== undefined && version !== current.version) return { ok: false, reason: 'stale' };
    await trx
      .updateTable('support_sessions')
      .set({
        held_at: input.heldAt,
        duration_minutes: input.durationMinutes,
        counts_hours: input.countsHours,
        topics: input.topics,
        notes: input.notes,
        staff_note: input.staffNote,
        levers: input.levers,
        updated_at: now,
        version: current.version + 1,
      })
      .where('id', '=', sessionId)
      .execute();
    await writeParticipantsAndItems(trx, plan.id, sessionId, input, now);
    const hours = await hoursOfPlan(trx, plan);
    await audit({
      action: 'support.session-updated',
      subjectType: 'support_session',
      subjectId: sessionId,
      summary: { planId: plan.id, version: current.version + 1, ...auditSummary(input) },
    });
    return { ok: true, sessionId, over: input.countsHours && (hours.leftMinutes ?? 0) < 0 };
  });
}
