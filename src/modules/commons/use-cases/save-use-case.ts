import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { isAdministrationMember } from '../membership.js';
import type { UseCaseInput } from './forms.js';

export type SaveUseCaseResult =
  | { ok: true; id: string }
  | { ok: false; problem: 'not_found' | 'not_member' | 'stale' | 'commons_unavailable' };

function auditSummary(input: UseCaseInput) {
  return {
    title: input.title,
    status: input.status,
    administrationId: input.administrationId,
    commonsId: input.commonsId,
    visibility: input.visibility,
  };
}

function columns(input: UseCaseInput) {
  return {
    commons_id: input.commonsId,
    service_id: input.serviceId,
    title: input.title,
    description: input.description,
    status: input.status,
    abandon_reason: input.abandonReason,
    service_url: input.serviceUrl,
    audience: input.audience,
    territory: input.territory,
    started_on: input.startedOn,
    ended_on: input.endedOn,
    visibility: input.visibility,
  };
}

/**
 * Declares a use case for an administration the actor is a member of (checked again in the transaction: a
 * membership may end between the form and the save), of a commons of the catalogue.
 */
export async function createUseCase(services: Services, actor: Actor, input: UseCaseInput): Promise<SaveUseCaseResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    if (!actor.id || !(await isAdministrationMember(trx, input.administrationId, actor.id)))
      return { ok: false, problem: 'not_member' } as const;
    const commons = await trx
      .selectFrom('commons')
      .select('id')
      .where('id', '=', input.commonsId)
      .where('hidden', '=', false)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    if (!commons) return { ok: false, problem: 'commons_unavailable' } as const;
    const row = await trx
      .insertInto('commons_use_cases')
      .values({
        ...columns(input),
        administration_id: input.administrationId,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'commons.use-case-created',
      subjectType: 'commons_use_case',
      subjectId: row.id,
      summary: auditSummary(input),
    });
    return { ok: true, id: row.id } as const;
  });
}

/**
 * Changes a use case at the version its form was read at: a change made meanwhile by someone else makes this
 * one stale (nothing written). Its administration does not change; the commons may (a wrong choice fixed),
 * to one of the catalogue, or stay a commons hidden since.
 */
export async function updateUseCase(
  services: Services,
  actor: Actor,
  target: { id: string; version: number },
  input: UseCaseInput,
): Promise<SaveUseCaseResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const current = await trx
      .selectFrom('commons_use_cases')
      .select(['administration_id', 'commons_id', 'status', 'version'])
      .where('id', '=', target.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, problem: 'not_found' } as const;
    if (!actor.id || !(await isAdministrationMember(trx, current.administration_id, actor.id)))
      return { ok: false, problem: 'not_member' } as const;
    if (current.version !== target.version) return { ok: false, problem: 'stale' } as const;
    if (input.commonsId !== current.commons_id) {
      const commons = await trx
        .selectFrom('commons')
        .select('id')
        .where('id', '=', input.commonsId)
        .where('hidden', '=', false)
        .where('merged_into', 'is', null)
        .executeTakeFirst();
      if (!commons) return { ok: false, problem: 'commons_unavailable' } as const;
    }
    await trx
      .updateTable('commons_use_cases')
      .set((eb) => ({ ...columns(input), updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .execute();
    await audit({
      action: 'commons.use-case-updated',
      subjectType: 'commons_use_case',
      subjectId: target.id,
      summary: {
        ...auditSummary({ ...input, administrationId: current.administration_id }),
        previousStatus: current.status,
        version: target.version + 1,
      },
    });
    return { ok: true, id: target.id } as const;
  });
}
