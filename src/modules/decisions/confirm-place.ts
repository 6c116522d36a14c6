import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { changeStateIn } from '../applications/index.js';
import './tables.js';

export type PlaceAnswer = 'confirm' | 'decline';

export type RespondResult =
  | { ok: true; answer: PlaceAnswer }
  | { ok: false; problem: 'no_place' | 'too_late' | 'already'; answered?: PlaceAnswer | 'lapsed' };

/**
 * A laureate (or an applicant offered a freed place) confirms or declines the place, before the deadline of
 * their notice. The answer is written once (`… WHERE confirmed_at IS NULL AND declined_at IS NULL …`): a
 * repeated click finds it given. Declining frees the place; staff then offer it to the next on the waiting
 * list. The caller has checked the person is one of the application's applicants.
 */
export async function respondToPlace(
  services: Services,
  actor: Actor,
  input: { applicationId: string; answer: PlaceAnswer },
): Promise<RespondResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<RespondResult> => {
    const decision = await trx
      .selectFrom('decisions')
      .select(['outcome', 'notified_at', 'confirm_by', 'confirmed_at', 'declined_at', 'lapsed_at'])
      .where('application_id', '=', input.applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (decision?.outcome !== 'laureate' || !decision.notified_at || !decision.confirm_by)
      return { ok: false, problem: 'no_place' };
    if (decision.confirmed_at) return { ok: false, problem: 'already', answered: 'confirm' };
    if (decision.declined_at) return { ok: false, problem: 'already', answered: 'decline' };
    if (decision.lapsed_at || new Date(decision.confirm_by).getTime() <= now.getTime())
      return { ok: false, problem: 'too_late', answered: 'lapsed' };
    await trx
      .updateTable('decisions')
      .set(input.answer === 'confirm' ? { confirmed_at: now } : { declined_at: now })
      .where('application_id', '=', input.applicationId)
      .where('confirmed_at', 'is', null)
      .where('declined_at', 'is', null)
      .where('lapsed_at', 'is', null)
      .execute();
    // Declining is the applicant withdrawing from the programme: the application says so everywhere.
    if (input.answer === 'decline')
      await changeStateIn(
        trx,
        now,
        {
          applicationId: input.applicationId,
          to: 'withdrawn',
          by: 'applicant',
          reason: 'Place de lauréat déclinée / Laureate place declined',
          actorUserId: actor.id,
        },
        audit,
      );
    await audit({
      action: input.answer === 'confirm' ? 'decisions.place-confirmed' : 'decisions.place-declined',
      subjectType: 'application',
      subjectId: input.applicationId,
    });
    return { ok: true, answer: input.answer };
  });
}
