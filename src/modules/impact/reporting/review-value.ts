import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { teamRecipients } from '../../applications/index.js';
import { confirmedLaureates } from '../../decisions/index.js';
import { loadLaureates } from '../../seasons/index.js';
import { spaceHref } from '../../support/index.js';
import type { ValueState } from '../tables.js';
import { VALUE_RETURNED_MAIL } from './mails.js';
import { approveReplacing } from './report-value.js';
import { nextState } from './value-cycle.js';

export type ReviewResult =
  | { ok: true }
  | { ok: false; problem: 'not_found' | 'comment_required' }
  | { ok: false; problem: 'illegal'; state: ValueState };

/** The application of a laureate decided through the platform (its team's space), or null for a hand-typed one. */
export async function applicationOfLaureate(
  services: Services,
  laureateId: string,
): Promise<{ applicationId: string; name: string } | null> {
  const [laureate] = await loadLaureates(services.db, { id: laureateId });
  if (!laureate?.applicationRef) return null;
  const confirmed = await confirmedLaureates(services.db, { seasonId: laureate.seasonId });
  const found = confirmed.find((c) => c.publicRef === laureate.applicationRef);
  return found ? { applicationId: found.applicationId, name: laureate.name } : null;
}

/**
 * Staff review a submitted value: approve it (it counts and becomes public, replacing an earlier approved
 * value of the same period, in the same transaction) or return it with a comment the team gets by mail.
 * Only a pending value is reviewed: a second click or a second reviewer finds it done (409).
 */
export async function reviewValue(
  services: Services,
  actor: Actor,
  input: { valueId: string; verdict: 'approve' | 'return'; comment: string },
): Promise<ReviewResult> {
  const comment = input.comment.trim();
  if (input.verdict === 'return' && comment === '') return { ok: false, problem: 'comment_required' };
  const now = services.clock.now();
  const context = await services.db
    .selectFrom('impact_values as v')
    .innerJoin('impact_indicators as i', 'i.id', 'v.indicator_id')
    .select(['i.laureate_id', 'i.name'])
    .where('v.id', '=', input.valueId)
    .executeTakeFirst();
  if (!context) return { ok: false, problem: 'not_found' };
  const team = input.verdict === 'return' ? await applicationOfLaureate(services, context.laureate_id) : null;
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ReviewResult> => {
    const value = await trx
      .selectFrom('impact_values')
      .select(['id', 'indicator_id', 'state', 'period_start', 'period_end', 'value'])
      .where('id', '=', input.valueId)
      .forUpdate()
      .executeTakeFirst();
    if (!value) return { ok: false, problem: 'not_found' };
    const state = nextState(value.state, input.verdict);
    if (!state) return { ok: false, problem: 'illegal', state: value.state };
    const periodEnd = String(value.period_end);
    if (state === 'approved')
      await approveReplacing(trx, audit, { id: value.id, indicatorId: value.indicator_id, periodEnd });
    await trx
      .updateTable('impact_values')
      .set((eb) => ({
        state,
        review_comment: comment,
        reviewed_by: actor.id,
        reviewed_at: now,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', value.id)
      .execute();
    if (state === 'returned' && team) {
      const url = `${services.config.baseUrl}${spaceHref('team', team.applicationId, 'impact')}`;
      for (const recipient of await teamRecipients(trx, team.applicationId))
        await queueMail(
          trx,
          {
            to: recipient.email,
            template: VALUE_RETURNED_MAIL,
            locale: recipient.locale,
            data: {
              indicator: context.name,
              title: team.name,
              start: String(value.period_start),
              end: periodEnd,
              comment,
              url,
            },
          },
          now,
        );
    }
    await audit({
      action: state === 'approved' ? 'impact.value-approved' : 'impact.value-returned',
      subjectType: 'impact_value',
      subjectId: value.id,
      summary: { from: value.state, to: state, comment, value: String(value.value) },
    });
    if (state === 'approved') await announcePublicChange(trx, services);
    return { ok: true };
  });
  if (result.ok && input.verdict === 'approve') afterPublicChange(services);
  return result;
}
