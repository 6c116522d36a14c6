import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { peopleByIds } from '../../accounts/index.js';
import { EXPERIMENT_MILESTONE_RETURNED_MAIL, EXPERIMENT_MILESTONE_VALIDATED_MAIL } from './mails.js';
import type { Verdict } from './milestone-rules.js';
import { partyIdsOf } from './queries.js';

export type ReviewResult = { ok: true } | { ok: false; problem: 'not_found' | 'changed' | 'comment_required' };

/**
 * Staff review a submitted milestone: validate it (validé: it counts in the progress) or return it with a
 * comment (à revoir: the parties rework it and submit again). Only a submitted milestone is reviewed, so a
 * second reviewer, or a second click, finds it done (`changed`). The comment is kept on the milestone and in
 * the audit log. The people of the experiment who have an account (all its parties when none is listed) are
 * told by mail, in their language, in the same transaction.
 */
export async function reviewMilestone(
  services: Services,
  actor: Actor,
  input: { experimentId: string; milestoneId: string; verdict: Verdict; comment: string },
): Promise<ReviewResult> {
  const comment = input.comment.trim();
  if (input.verdict === 'return' && comment === '') return { ok: false, problem: 'comment_required' };
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ReviewResult> => {
    const milestone = await trx
      .selectFrom('commons_experiment_milestones')
      .select(['id', 'state', 'title'])
      .where('id', '=', input.milestoneId)
      .where('experiment_id', '=', input.experimentId)
      .forUpdate()
      .executeTakeFirst();
    if (!milestone) return { ok: false, problem: 'not_found' };
    if (milestone.state !== 'submitted') return { ok: false, problem: 'changed' };
    const validate = input.verdict === 'validate';
    await trx
      .updateTable('commons_experiment_milestones')
      .set({ state: validate ? 'validated' : 'returned', comment: comment === '' ? null : comment, updated_at: now })
      .where('id', '=', milestone.id)
      .execute();
    const experiment = await trx
      .selectFrom('commons_experiments')
      .select('title')
      .where('id', '=', input.experimentId)
      .executeTakeFirstOrThrow();
    const listed = await trx
      .selectFrom('commons_experiment_people')
      .select('user_id')
      .where('experiment_id', '=', input.experimentId)
      .where('user_id', 'is not', null)
      .execute();
    const ids = listed.length > 0 ? listed.map((p) => p.user_id!) : await partyIdsOf(trx, input.experimentId);
    const url = `${services.config.baseUrl}/cooperation/experimentations/${input.experimentId}#milestones`;
    for (const person of (await peopleByIds(trx, ids)).values()) {
      if (!person.email || person.erased) continue;
      await queueMail(
        trx,
        {
          to: person.email,
          template: validate ? EXPERIMENT_MILESTONE_VALIDATED_MAIL : EXPERIMENT_MILESTONE_RETURNED_MAIL,
          locale: person.locale,
          data: { title: experiment.title, milestone: milestone.title, comment, url },
        },
        now,
      );
    }
    await audit({
      action: validate ? 'commons.experiment-milestone-validated' : 'commons.experiment-milestone-returned',
      subjectType: 'commons_experiment',
      subjectId: input.experimentId,
      summary: { milestoneId: milestone.id, comment },
    });
    await announcePublicChange(trx, services);
    return { ok: true };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
