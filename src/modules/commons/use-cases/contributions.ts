import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { isAdministrationMember } from '../membership.js';
import type { ContributionInput } from './forms.js';

/** A use case keeps at most this many contributions (a bound on the page and on a flood of posts). */
export const MAX_CONTRIBUTIONS = 100;

export type ContributionResult =
  | { ok: true; id: string }
  | { ok: false; problem: 'not_found' | 'not_member' | 'too_many' };

/**
 * Adds what the administration gave back to the commons through a use case. Contributions are added and
 * removed one by one, without the use case's version: they do not conflict with an edit of its text.
 */
export async function addContribution(
  services: Services,
  actor: Actor,
  useCaseId: string,
  input: ContributionInput,
): Promise<ContributionResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const useCase = await trx
      .selectFrom('commons_use_cases')
      .select(['administration_id'])
      .where('id', '=', useCaseId)
      .forUpdate()
      .executeTakeFirst();
    if (!useCase) return { ok: false, problem: 'not_found' } as const;
    if (!actor.id || !(await isAdministrationMember(trx, useCase.administration_id, actor.id)))
      return { ok: false, problem: 'not_member' } as const;
    const { n } = await trx
      .selectFrom('commons_contributions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('use_case_id', '=', useCaseId)
      .executeTakeFirstOrThrow();
    if (Number(n) >= MAX_CONTRIBUTIONS) return { ok: false, problem: 'too_many' } as const;
    const row = await trx
      .insertInto('commons_contributions')
      .values({
        use_case_id: useCaseId,
        kind: input.kind,
        description: input.description,
        amount_cents: input.amountCents,
        occurred_on: input.occurredOn,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('commons_use_cases').set({ updated_at: now }).where('id', '=', useCaseId).execute();
    await audit({
      action: 'commons.contribution-added',
      subjectType: 'commons_use_case',
      subjectId: useCaseId,
      summary: { contributionId: row.id, kind: input.kind, amountCents: input.amountCents },
    });
    return { ok: true, id: row.id } as const;
  });
}

export async function removeContribution(
  services: Services,
  actor: Actor,
  useCaseId: string,
  contributionId: string,
): Promise<{ ok: true } | { ok: false; problem: 'not_found' | 'not_member' }> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const useCase = await trx
      .selectFrom('commons_use_cases')
      .select(['administration_id'])
      .where('id', '=', useCaseId)
      .executeTakeFirst();
    if (!useCase) return { ok: false, problem: 'not_found' } as const;
    if (!actor.id || !(await isAdministrationMember(trx, useCase.administration_id, actor.id)))
      return { ok: false, problem: 'not_member' } as const;
    const removed = await trx
      .deleteFrom('commons_contributions')
      .where('id', '=', contributionId)
      .where('use_case_id', '=', useCaseId)
      .returning(['kind', 'amount_cents'])
      .executeTakeFirst();
    if (!removed) return { ok: false, problem: 'not_found' } as const;
    await trx.updateTable('commons_use_cases').set({ updated_at: now }).where('id', '=', useCaseId).execute();
    await audit({
      action: 'commons.contribution-removed',
      subjectType: 'commons_use_case',
      subjectId: useCaseId,
      summary: { contributionId, kind: removed.kind, amountCents: removed.amount_cents },
    });
    return { ok: true } as const;
  });
}
