import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import {
  administrationsExist,
  type ExperimentInput,
  type ExperimentProblem,
  inputProblem,
  memberOfAny,
} from './experiment-input.js';

export type CreateResult = { ok: true; id: string } | { ok: false; problem: ExperimentProblem };

/**
 * Creates an experiment between administrations and a commons. Staff may create any; anyone else must be a
 * member of at least one of the chosen administrations (an administration agrees to an experiment through
 * its own members). The commons must be visible and not merged.
 */
export async function createExperiment(
  services: Services,
  actor: Actor,
  input: ExperimentInput & { commonsId: string; byStaff: boolean },
): Promise<CreateResult> {
  const problem = inputProblem(input);
  if (problem) return { ok: false, problem };
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<CreateResult> => {
    const commons = await trx
      .selectFrom('commons')
      .select('id')
      .where('id', '=', input.commonsId)
      .where('hidden', '=', false)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    if (!commons) return { ok: false, problem: 'commons' };
    const administrationIds = [...new Set(input.administrationIds)];
    if (!(await administrationsExist(trx, administrationIds))) return { ok: false, problem: 'administrations' };
    if (!input.byStaff && !(actor.id && (await memberOfAny(trx, actor.id, administrationIds))))
      return { ok: false, problem: 'not_member' };
    const row = await trx
      .insertInto('commons_experiments')
      .values({
        commons_id: commons.id,
        title: input.title,
        goal: input.goal,
        territory: input.territory,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        status: input.status,
        outcome: input.outcome.trim() === '' ? null : input.outcome,
        visibility: input.visibility,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('commons_experiment_administrations')
      .values(administrationIds.map((id) => ({ experiment_id: row.id, administration_id: id })))
      .execute();
    await audit({
      action: 'commons.experiment-created',
      subjectType: 'commons_experiment',
      subjectId: row.id,
      summary: { commonsId: commons.id, administrationIds, status: input.status, visibility: input.visibility },
    });
    await announcePublicChange(trx, services);
    return { ok: true, id: row.id };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
