import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import { lockExperiment } from './milestone-rules.js';

export interface MilestoneInput {
  title: string;
  description: string;
  dueOn: string | null;
}

export type SaveMilestoneResult =
  | { ok: true; id: string }
  | { ok: false; problem: 'not_found' | 'ended' | 'validated' };

/**
 * A party or staff add a milestone to an experiment (last in order, upcoming) or change one's title,
 * description and due date. A validated milestone no longer changes; an ended experiment's milestones neither.
 */
export async function saveMilestone(
  services: Services,
  actor: Actor,
  input: MilestoneInput & { experimentId: string; milestoneId: string | null },
): Promise<SaveMilestoneResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveMilestoneResult> => {
    const experiment = await lockExperiment(trx, input.experimentId);
    if (!experiment) return { ok: false, problem: 'not_found' };
    if (experiment.ended) return { ok: false, problem: 'ended' };
    const values = { title: input.title, description: input.description, due_on: input.dueOn, updated_at: now };
    let id: string;
    if (input.milestoneId === null) {
      const last = await trx
        .selectFrom('commons_experiment_milestones')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('experiment_id', '=', experiment.id)
        .executeTakeFirst();
      const row = await trx
        .insertInto('commons_experiment_milestones')
        .values({ ...values, experiment_id: experiment.id, position: Number(last?.max ?? 0) + 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      const milestone = await trx
        .selectFrom('commons_experiment_milestones')
        .select(['id', 'state'])
        .where('id', '=', input.milestoneId)
        .where('experiment_id', '=', experiment.id)
        .forUpdate()
        .executeTakeFirst();
      if (!milestone) return { ok: false, problem: 'not_found' };
      if (milestone.state === 'validated') return { ok: false, problem: 'validated' };
      await trx.updateTable('commons_experiment_milestones').set(values).where('id', '=', milestone.id).execute();
      id = milestone.id;
    }
    await audit({
      action:
        input.milestoneId === null ? 'commons.experiment-milestone-added' : 'commons.experiment-milestone-updated',
      subjectType: 'commons_experiment',
      subjectId: experiment.id,
      summary: { milestoneId: id, title: input.title, dueOn: input.dueOn },
    });
    await announcePublicChange(trx, services);
    return { ok: true, id };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
