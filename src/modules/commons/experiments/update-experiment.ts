import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import { isMaintainer } from '../membership.js';
import {
  administrationsExist,
  type ExperimentInput,
  type ExperimentProblem,
  inputProblem,
  memberOfAny,
} from './experiment-input.js';

export type UpdateResult = { ok: true } | { ok: false; problem: ExperimentProblem };

/**
 * A party or staff change an experiment: its texts, dates, status (an outcome is required to finish or stop
 * it), visibility and administrations (at least one). Optimistic concurrency: `version` is the one the form
 * was opened with; a change in between answers `stale` and writes nothing. A party may not take themself out
 * of the experiment (they must stay a member of one of its administrations, or maintain its commons).
 */
export async function updateExperiment(
  services: Services,
  actor: Actor,
  input: ExperimentInput & { experimentId: string; version: number; byStaff: boolean },
): Promise<UpdateResult> {
  const problem = inputProblem(input);
  if (problem) return { ok: false, problem };
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<UpdateResult> => {
    const current = await trx
      .selectFrom('commons_experiments')
      .select(['id', 'version', 'status', 'visibility', 'commons_id'])
      .where('id', '=', input.experimentId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { ok: false, problem: 'not_found' };
    if (current.version !== input.version) return { ok: false, problem: 'stale' };
    const before = (
      await trx
        .selectFrom('commons_experiment_administrations')
        .select('administration_id')
        .where('experiment_id', '=', current.id)
        .execute()
    ).map((r) => r.administration_id);
    const administrationIds = [...new Set(input.administrationIds)];
    if (!(await administrationsExist(trx, administrationIds, before))) return { ok: false, problem: 'administrations' };
    if (
      !input.byStaff &&
      !(
        actor.id &&
        ((await memberOfAny(trx, actor.id, administrationIds)) ||
          (await isMaintainer(trx, current.commons_id, actor.id)))
      )
    )
      return { ok: false, problem: 'would_leave' };
    await trx
      .updateTable('commons_experiments')
      .set({
        title: input.title,
        goal: input.goal,
        territory: input.territory,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        status: input.status,
        outcome: input.outcome.trim() === '' ? null : input.outcome,
        visibility: input.visibility,
        version: current.version + 1,
        updated_at: now,
      })
      .where('id', '=', current.id)
      .execute();
    const added = administrationIds.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !administrationIds.includes(id));
    if (removed.length > 0)
      await trx
        .deleteFrom('commons_experiment_administrations')
        .where('experiment_id', '=', current.id)
        .where('administration_id', 'in', removed)
        .execute();
    if (added.length > 0)
      await trx
        .insertInto('commons_experiment_administrations')
        .values(added.map((id) => ({ experiment_id: current.id, administration_id: id })))
        .execute();
    await audit({
      action: 'commons.experiment-updated',
      subjectType: 'commons_experiment',
      subjectId: current.id,
      summary: {
        version: current.version + 1,
        ...(current.status !== input.status ? { status: { from: current.status, to: input.status } } : {}),
        ...(current.visibility !== input.visibility ? { visibility: input.visibility } : {}),
        ...(added.length > 0 ? { administrationsAdded: added } : {}),
        ...(removed.length > 0 ? { administrationsRemoved: removed } : {}),
      },
    });
    await announcePublicChange(trx, services);
    return { ok: true };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
