import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { isInTheRunning } from '../applications/index.js';
import { loadDeliberation } from './deliberation.js';
import { decisionOf, decisionsOf, loadNoticeContext } from './notice-queries.js';
import { loadTemplates } from './notice-templates.js';
import { draftFor, ownerLocales } from './prepare-notices.js';
import { sendNoticeIn } from './send-notices.js';

export type OfferResult =
  | { ok: true; offeredTo: string; noticeId: string }
  | { ok: false; problem: 'not_found' | 'not_closed' | 'not_free' | 'none_waiting' };

/** A laureate's place that was declined or lapsed and not yet offered to anyone. */
export function isFreedPlace(decision: {
  outcome: string;
  declinedAt: Date | null;
  lapsedAt: Date | null;
  placeOfferedTo: string | null;
}): boolean {
  return (
    decision.outcome === 'laureate' &&
    (decision.declinedAt !== null || decision.lapsedAt !== null) &&
    !decision.placeOfferedTo
  );
}

/**
 * In one action, offers a freed place to the first application still waiting on the list (the lowest
 * position): its decision becomes `laureate` (audited), its `offer` notice is written from the season's
 * template and sent at once, with its own deadline to confirm. The deliberation's row is locked, so two
 * staff clicking at once offer the place once.
 */
export async function offerNextPlace(
  services: Services,
  actor: Actor,
  input: { seasonId: string; freedApplicationId: string },
): Promise<OfferResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<OfferResult> => {
    const deliberation = await loadDeliberation(trx, input.seasonId, { forUpdate: true });
    if (!deliberation) return { ok: false, problem: 'not_found' };
    if (deliberation.status !== 'closed') return { ok: false, problem: 'not_closed' };
    const freed = await decisionOf(trx, input.freedApplicationId, { forUpdate: true });
    if (!freed || freed.deliberationId !== deliberation.id) return { ok: false, problem: 'not_found' };
    if (!isFreedPlace(freed)) return { ok: false, problem: 'not_free' };
    const context = (await loadNoticeContext(trx, input.seasonId))!;
    const next = (await decisionsOf(trx, deliberation.id))
      .filter((d) => d.outcome === 'waiting_list' && d.declinedAt === null && d.waitlistPosition !== null)
      .filter((d) => {
        const application = context.applications.get(d.applicationId);
        return application !== undefined && isInTheRunning(application.state);
      })
      .sort((a, b) => a.waitlistPosition! - b.waitlistPosition! || a.applicationId.localeCompare(b.applicationId))[0];
    if (!next) return { ok: false, problem: 'none_waiting' };

    // Its waiting-list notice, if still a draft, would now say the opposite of the offer: it goes. (First, as a
    // send locks a notice before its decision: the same order here cannot deadlock with one.)
    await trx
      .deleteFrom('decision_notices')
      .where('application_id', '=', next.applicationId)
      .where('kind', '=', 'waiting_list')
      .where('status', '=', 'draft')
      .execute();
    await trx
      .updateTable('decisions')
      .set({ outcome: 'laureate', decided_at: now, decided_by: actor.id })
      .where('application_id', '=', next.applicationId)
      .where('outcome', '=', 'waiting_list')
      .execute();
    await trx
      .updateTable('decisions')
      .set({ place_offered_to: next.applicationId })
      .where('application_id', '=', freed.applicationId)
      .execute();
    await audit({
      action: 'decisions.place-offered',
      subjectType: 'application',
      subjectId: next.applicationId,
      summary: {
        freed: freed.applicationId,
        waitlistPosition: next.waitlistPosition,
        from: 'waiting_list',
        to: 'laureate',
      },
    });

    const owner = context.applications.get(next.applicationId)?.ownerId;
    const locale = (owner && (await ownerLocales(trx, [owner])).get(owner)) || 'fr';
    const templates = await loadTemplates(trx, input.seasonId);
    const draft = draftFor(
      context,
      templates,
      { ...next, outcome: 'laureate' },
      'offer',
      locale,
      services.config.baseUrl,
    );
    const notice = await trx
      .insertInto('decision_notices')
      .values({
        application_id: next.applicationId,
        kind: 'offer',
        locale,
        subject: draft.subject,
        body: draft.body,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['application_id', 'kind']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!notice) throw new Error('offerNextPlace: an offer notice already exists for the next application');
    await sendNoticeIn(trx, services, now, actor, context, notice.id, audit);
    return { ok: true, offeredTo: next.applicationId, noticeId: notice.id };
  });
}
