import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import { lockExperiment, PARTY_MOVES, type PartyMove } from './milestone-rules.js';

export type MoveResult = { ok: true } | { ok: false; problem: 'not_found' | 'ended' | 'changed' };

/**
 * A party moves a milestone forward: starts it (à venir or à revoir → en cours) or marks it submitted
 * (→ remis), for staff to review. The move applies only from the states it allows, so a second click, or a
 * move crossing staff's review, finds the milestone changed (`changed`) and writes nothing.
 */
export async function moveMilestone(
  services: Services,
  actor: Actor,
  input: { experimentId: string; milestoneId: string; move: PartyMove },
): Promise<MoveResult> {
  const rule = PARTY_MOVES[input.move];
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<MoveResult> => {
    const experiment = await lockExperiment(trx, input.experimentId);
    if (!experiment) return { ok: false, problem: 'not_found' };
    const milestone = await trx
      .selectFrom('commons_experiment_milestones')
      .select(['id', 'state'])
      .where('id', '=', input.milestoneId)
      .where('experiment_id', '=', experiment.id)
      .forUpdate()
      .executeTakeFirst();
    if (!milestone) return { ok: false, problem: 'not_found' };
    if (experiment.ended) return { ok: false, problem: 'ended' };
    if (!rule.from.includes(milestone.state)) return { ok: false, problem: 'changed' };
    await trx
      .updateTable('commons_experiment_milestones')
      .set({ state: rule.to, updated_at: now })
      .where('id', '=', milestone.id)
      .execute();
    await audit({
      action:
        input.move === 'start' ? 'commons.experiment-milestone-started' : 'commons.experiment-milestone-submitted',
      subjectType: 'commons_experiment',
      subjectId: experiment.id,
      summary: { milestoneId: milestone.id, from: milestone.state, to: rule.to },
    });
    await announcePublicChange(trx, services);
    return { ok: true };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
