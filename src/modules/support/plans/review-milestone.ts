import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange } from '../../../core/cache/public-page.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { laureateApplications, teamRecipients } from '../../applications/index.js';
import { spaceHref } from '../views/space-layout.js';
import { MILESTONE_RETURNED_MAIL, MILESTONE_VALIDATED_MAIL } from './mails.js';
import { syncPublicProgress } from './public-progress.js';

export type ReviewResult = { ok: true } | { ok: false; problem: 'not_found' | 'not_submitted' | 'comment_required' };

/**
 * Staff review what the team handed in: validate it (validé, counts in the progress) or return it with a
 * comment (à revoir, the team resubmits). Only a submitted milestone is reviewed, so a second click or a
 * second reviewer finds it done. The team is told by mail, in each member's language, in the same transaction.
 */
export async function reviewMilestone(
  services: Services,
  actor: Actor,
  input: { applicationId: string; milestoneId: string; verdict: 'validate' | 'return'; comment: string },
): Promise<ReviewResult> {
  if (input.verdict === 'return' && input.comment.trim() === '') return { ok: false, problem: 'comment_required' };
  const now = services.clock.now();
  let publicChanged = false;
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ReviewResult> => {
    const milestone = await trx
      .selectFrom('support_milestones as m')
      .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
      .select(['m.id', 'm.state', 'm.title', 'm.plan_id'])
      .where('m.id', '=', input.milestoneId)
      .where('p.application_id', '=', input.applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!milestone) return { ok: false, problem: 'not_found' };
    if (milestone.state !== 'submitted') return { ok: false, problem: 'not_submitted' };
    const validate = input.verdict === 'validate';
    await trx
      .updateTable('support_milestones')
      .set((eb) => ({
        state: validate ? 'validated' : 'returned',
        review_comment: input.comment,
        reviewed_at: now,
        reviewed_by: actor.id,
        validated_at: validate ? now : null,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', milestone.id)
      .execute();
    const application = (await laureateApplications(trx, [input.applicationId])).get(input.applicationId);
    const url = `${services.config.baseUrl}${spaceHref('team', input.applicationId, 'milestones')}`;
    for (const recipient of await teamRecipients(trx, input.applicationId))
      await queueMail(
        trx,
        {
          to: recipient.email,
          template: validate ? MILESTONE_VALIDATED_MAIL : MILESTONE_RETURNED_MAIL,
          locale: recipient.locale,
          data: { title: application?.title ?? '—', milestone: milestone.title, comment: input.comment, url },
        },
        now,
      );
    await audit({
      action: validate ? 'support.milestone-validated' : 'support.milestone-returned',
      subjectType: 'application',
      subjectId: input.applicationId,
      summary: { milestoneId: milestone.id, comment: input.comment },
    });
    publicChanged = await syncPublicProgress(trx, services, milestone.plan_id);
    return { ok: true };
  });
  if (publicChanged) afterPublicChange(services);
  return result;
}
