import type { Transaction } from 'kysely';
import { type Actor, type AuditRecorder, auditedTransaction } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import { isAdministrationMember, isMaintainer } from '../membership.js';
import type { NeedSide } from '../tables.js';
import type { CloseInput, NeedInput } from './forms.js';

export type NeedResult =
  | { ok: true; id: string }
  | { ok: false; problem: 'not_found' | 'not_author' | 'stale' | 'closed' | 'open' };

/** Whether the actor speaks for the need's side: a member of its administration, a maintainer of its commons. */
async function speaksFor(trx: Transaction<DB>, actor: Actor, side: NeedSide, ownerId: string | null) {
  if (!actor.id || !ownerId) return false;
  return side === 'administration'
    ? isAdministrationMember(trx, ownerId, actor.id)
    : isMaintainer(trx, ownerId, actor.id);
}

function columns(input: NeedInput) {
  return {
    kind: input.kind,
    category: input.category,
    title: input.title,
    description: input.description,
    context: input.context,
    territory: input.territory,
    lever: input.lever,
    deadline: input.deadline,
    visibility: input.visibility,
  };
}

function auditSummary(input: NeedInput) {
  return {
    side: input.side,
    ownerId: input.ownerId,
    kind: input.kind,
    category: input.category,
    title: input.title,
    lever: input.lever,
    visibility: input.visibility,
  };
}

/** Posts a need (an administration's problem) or a commons' need or offer, for a side the actor speaks for. */
export async function createNeed(services: Services, actor: Actor, input: NeedInput): Promise<NeedResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    if (!(await speaksFor(trx, actor, input.side, input.ownerId))) return { ok: false, problem: 'not_author' } as const;
    const row = await trx
      .insertInto('commons_needs')
      .values({
        ...columns(input),
        side: input.side,
        administration_id: input.side === 'administration' ? input.ownerId : null,
        commons_id: input.side === 'commons' ? input.ownerId : null,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'commons.need-created',
      subjectType: 'commons_need',
      subjectId: row.id,
      summary: auditSummary(input),
    });
    return { ok: true, id: row.id } as const;
  });
}

type Locked = {
  side: NeedSide;
  administration_id: string | null;
  commons_id: string | null;
  version: number;
  closed: boolean;
};

/**
 * Runs `change` in an audited transaction on the need, locked, once the actor is known to speak for it and the
 * version matches the one the form was read at (`null`: no check).
 */
async function changeNeed(
  services: Services,
  actor: Actor,
  target: { id: string; version: number | null },
  change: (trx: Transaction<DB>, audit: AuditRecorder, need: Locked, now: Date) => Promise<NeedResult>,
): Promise<NeedResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const need = await trx
      .selectFrom('commons_needs')
      .select(['side', 'administration_id', 'commons_id', 'version', 'closed_at'])
      .where('id', '=', target.id)
      .forUpdate()
      .executeTakeFirst();
    if (!need) return { ok: false, problem: 'not_found' } as const;
    const owner = need.side === 'administration' ? need.administration_id : need.commons_id;
    if (!(await speaksFor(trx, actor, need.side, owner))) return { ok: false, problem: 'not_author' } as const;
    if (target.version !== null && need.version !== target.version) return { ok: false, problem: 'stale' } as const;
    const { closed_at, ...rest } = need;
    return change(trx, audit, { ...rest, closed: closed_at !== null }, now);
  });
}

/** Changes an open need or offer at the version its form was read at. Its side and owner do not change. */
export async function updateNeed(
  services: Services,
  actor: Actor,
  target: { id: string; version: number },
  input: NeedInput,
): Promise<NeedResult> {
  return changeNeed(services, actor, target, async (trx, audit, need, now) => {
    if (need.closed) return { ok: false, problem: 'closed' } as const;
    const owner = (need.side === 'administration' ? need.administration_id : need.commons_id) ?? '';
    const values = columns(input);
    if (need.side === 'administration') {
      values.kind = 'need';
      values.category = 'problem';
    }
    await trx
      .updateTable('commons_needs')
      .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .execute();
    await audit({
      action: 'commons.need-updated',
      subjectType: 'commons_need',
      subjectId: target.id,
      summary: { ...auditSummary({ ...input, side: need.side, ownerId: owner }), version: target.version + 1 },
    });
    return { ok: true, id: target.id } as const;
  });
}

/** Closes an open need or offer with what came of it (its outcome and a note), at the version the form was read at. */
export async function closeNeed(
  services: Services,
  actor: Actor,
  target: { id: string; version: number },
  input: CloseInput,
): Promise<NeedResult> {
  return changeNeed(services, actor, target, async (trx, audit, need, now) => {
    if (need.closed) return { ok: false, problem: 'closed' } as const;
    await trx
      .updateTable('commons_needs')
      .set((eb) => ({
        closed_at: now,
        outcome: input.outcome,
        outcome_note: input.note,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', target.id)
      .execute();
    await audit({
      action: 'commons.need-closed',
      subjectType: 'commons_need',
      subjectId: target.id,
      summary: { outcome: input.outcome },
    });
    return { ok: true, id: target.id } as const;
  });
}

/**
 * Reopens a closed need or offer (the situation changed, or it was closed by mistake): what came of it is
 * cleared, the audit log keeps it.
 */
export async function reopenNeed(services: Services, actor: Actor, target: { id: string }): Promise<NeedResult> {
  return changeNeed(services, actor, { id: target.id, version: null }, async (trx, audit, need, now) => {
    if (!need.closed) return { ok: false, problem: 'open' } as const;
    await trx
      .updateTable('commons_needs')
      .set((eb) => ({
        closed_at: null,
        outcome: null,
        outcome_note: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', target.id)
      .execute();
    await audit({ action: 'commons.need-reopened', subjectType: 'commons_need', subjectId: target.id });
    return { ok: true, id: target.id } as const;
  });
}
