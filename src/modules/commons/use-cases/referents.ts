import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { isAdministrationMember } from '../membership.js';

/**
 * The version of "what a referent commits to" (messages.ts, commitment*): raise it when that text changes in
 * substance, so that each referent's row says which text they accepted (catalogi#242).
 */
export const REFERENT_COMMITMENT_VERSION = 1;

export type ReferentResult = { ok: true; changed: boolean } | { ok: false; problem: 'not_found' | 'not_member' };

/**
 * A member of the use case's administration accepts to be its referent, having ticked the commitment: stored
 * with the commitment's version and whether they declare expertise on the commons. Accepting again updates
 * both (and the date).
 */
export async function acceptReferent(
  services: Services,
  actor: Actor,
  useCaseId: string,
  input: { isExpert: boolean },
): Promise<ReferentResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const useCase = await trx
      .selectFrom('commons_use_cases')
      .select('administration_id')
      .where('id', '=', useCaseId)
      .executeTakeFirst();
    if (!useCase) return { ok: false, problem: 'not_found' } as const;
    if (!actor.id || !(await isAdministrationMember(trx, useCase.administration_id, actor.id)))
      return { ok: false, problem: 'not_member' } as const;
    await trx
      .insertInto('commons_referents')
      .values({
        use_case_id: useCaseId,
        user_id: actor.id,
        is_expert: input.isExpert,
        commitment_version: REFERENT_COMMITMENT_VERSION,
        accepted_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['use_case_id', 'user_id']).doUpdateSet({
          is_expert: input.isExpert,
          commitment_version: REFERENT_COMMITMENT_VERSION,
          accepted_at: now,
        }),
      )
      .execute();
    await audit({
      action: 'commons.referent-accepted',
      subjectType: 'commons_use_case',
      subjectId: useCaseId,
      summary: { userId: actor.id, isExpert: input.isExpert, commitmentVersion: REFERENT_COMMITMENT_VERSION },
    });
    return { ok: true, changed: true } as const;
  });
}

/** The person stops being a referent of the use case (nothing happens if they were not one). */
export async function withdrawReferent(services: Services, actor: Actor, useCaseId: string): Promise<ReferentResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    if (!actor.id) return { ok: false, problem: 'not_member' } as const;
    const removed = await trx
      .deleteFrom('commons_referents')
      .where('use_case_id', '=', useCaseId)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return { ok: true, changed: false } as const;
    await audit({
      action: 'commons.referent-withdrawn',
      subjectType: 'commons_use_case',
      subjectId: useCaseId,
      summary: { userId: actor.id },
    });
    return { ok: true, changed: true } as const;
  });
}
