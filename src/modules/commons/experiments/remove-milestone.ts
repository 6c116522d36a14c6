import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import { lockExperiment } from './milestone-rules.js';

export type RemoveMilestoneResult = { ok: true } | { ok: false; problem: 'not_found' | 'ended' | 'validated' };

/** A party or staff take a milestone off an experiment; a validated one stays (it counts in the progress). */
export async function removeMilestone(
  services: Services,
  actor: Actor,
  input: { experimentId: string; milestoneId: string },
): Promise<RemoveMilestoneResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(
    services.db,
    actor,
    now,
    async (trx, audit): Promise<RemoveMilestoneResult> => {
      const experiment = await lockExperiment(trx, input.experimentId);
      if (!experiment) return { ok: false, problem: 'not_found' };
      if (experiment.ended) return { ok: false, problem: 'ended' };
      const milestone = await trx
        .selectFrom('commons_experiment_milestones')
        .select(['id', 'state', 'title'])
        .where('id', '=', input.milestoneId)
        .where('experiment_id', '=', experiment.id)
        .forUpdate()
        .executeTakeFirst();
      if (!milestone) return { ok: false, problem: 'not_found' };
      if (milestone.state === 'validated') return { ok: false, problem: 'validated' };
      await trx.deleteFrom('commons_experiment_milestones').where('id', '=', milestone.id).execute();
      await audit({
        action: 'commons.experiment-milestone-removed',
        subjectType: 'commons_experiment',
        subjectId: experiment.id,
        summary: { milestoneId: milestone.id, title: milestone.title, state: milestone.state },
      });
      await announcePublicChange(trx, services);
      return { ok: true };
    },
  );
  if (result.ok) afterPublicChange(services);
  return result;
}
