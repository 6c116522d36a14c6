import { combineSelection } from '../../algorithms/selection/index.js';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { tracksInclude } from '../../core/auth/permissions.js';
import type { FieldError } from '../../core/http/forms.js';
import type { Services } from '../../core/services.js';
import { formatEuros } from '../seasons/index.js';
import { departsFromOrder, needsReasons } from './board-data.js';
import { boardMessages as bm } from './board-messages.js';
import { loadDecisions } from './board-queries.js';
import { bumpVersion, DeliberationRefused, lockOpenDeliberation } from './deliberation-guard.js';
import { gatherSources } from './inputs.js';
import { reasonCodes } from './reasons.js';
import type { Outcome } from './tables.js';

export const OUTCOMES = ['laureate', 'waiting_list', 'not_selected'] as const satisfies readonly Outcome[];

/** No grant above this (10 M€) is taken for a typing slip rather than a decision. */
export const MAX_AMOUNT_CENTS = 1_000_000_000;
export const MAX_WAITLIST_POSITION = 999;

export interface DecisionInput {
  seasonId: string;
  applicationId: string;
  outcome: Outcome;
  /** Required for the waiting list (1 = first), unique in the deliberation; null otherwise. */
  waitlistPosition?: number | null;
  /** Codes from reasons.ts (`criterion:<code>`, budget, out_of_scope, maturity, other). */
  reasonCodes?: readonly string[];
  reasonText?: string;
  /** Integer cents, for a laureate or the waiting list; null for none. */
  amountCents?: number | null;
}

/** Field names of the decision form, so that a use-case error lands on its field. */
export type DecisionField = 'outcome' | 'waitlist_position' | 'reasons' | 'reason_text' | 'amount_euros';

export type DecisionResult =
  | { ok: true; departsFromOrder: boolean; rank: number }
  | { ok: false; errors: Partial<Record<DecisionField, FieldError>> };

/**
 * Records (or changes) the decision on one application of an open deliberation: laureate, waiting list
 * (with a unique position) or not selected, its reasons, an optional amount. Reasons are required for
 * "not selected" and for any decision that departs from the combined order, which is flagged. `tracks`
 * limits the applications the actor may decide (undefined: every track); another track's application
 * is refused as if it did not exist (404). Errors of the input are returned on their fields; a closed
 * or unopened deliberation is refused with DeliberationRefused.
 */
export async function recordDecision(
  services: Services,
  actor: Actor,
  input: DecisionInput,
  options: { tracks?: readonly string[] } = {},
): Promise<DecisionResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<DecisionResult> => {
    const deliberation = await lockOpenDeliberation(trx, input.seasonId);
    const sources = await gatherSources(trx, deliberation);
    const candidate = sources?.candidates.find((a) => a.id === input.applicationId);
    if (!sources || !candidate || !tracksInclude(options.tracks, candidate.trackCode))
      throw new DeliberationRefused(404, bm.notCandidate);
    const rows = combineSelection(sources.inputs).rows;
    const rank = rows.find((r) => r.application === input.applicationId)?.rank ?? rows.length;
    const departs = departsFromOrder(input.outcome, rank, sources.inputs.selectionSize);

    const errors: Partial<Record<DecisionField, FieldError>> = {};
    const fail = (field: DecisionField, message: FieldError['message'], params?: FieldError['params']) => {
      if (!errors[field]) errors[field] = { message, ...(params ? { params } : {}) };
    };
    if (!(OUTCOMES as readonly string[]).includes(input.outcome)) fail('outcome', bm.outcomeRequired);
    const codes = [...new Set(input.reasonCodes ?? [])];
    const text = (input.reasonText ?? '').trim();
    const allowed = new Set(reasonCodes(sources.jury.criteria));
    if (codes.some((c) => !allowed.has(c))) fail('reasons', bm.reasonUnknown);
    if (needsReasons(input.outcome, departs) && codes.length === 0)
      fail('reasons', input.outcome === 'not_selected' && !departs ? bm.reasonsRequired : bm.reasonsRequiredDeparture);
    if (departs && text === '') fail('reason_text', bm.textRequiredDeparture);
    if (codes.includes('other') && text === '') fail('reason_text', bm.textRequiredOther);

    const position = input.waitlistPosition ?? null;
    const decisions = await loadDecisions(trx, deliberation.id);
    if (input.outcome === 'waiting_list') {
      if (position === null || !Number.isInteger(position) || position < 1 || position > MAX_WAITLIST_POSITION)
        fail('waitlist_position', bm.waitlistRequired);
      else {
        const taken = decisions.find(
          (d) =>
            d.outcome === 'waiting_list' && d.waitlistPosition === position && d.applicationId !== input.applicationId,
        );
        if (taken) {
          const title = sources.applications.find((a) => a.id === taken.applicationId)?.title ?? '';
          fail('waitlist_position', bm.waitlistTaken, { n: position, title });
        }
      }
    } else if (position !== null) fail('waitlist_position', bm.waitlistOnlyThere);

    const amount = input.amountCents ?? null;
    if (amount !== null) {
      if (!Number.isInteger(amount) || amount < 0) fail('amount_euros', bm.amountInvalid);
      else if (amount > MAX_AMOUNT_CENTS)
        fail('amount_euros', bm.amountTooLarge, { max: formatEuros('fr', MAX_AMOUNT_CENTS) });
      else if (input.outcome === 'not_selected' && amount > 0) fail('amount_euros', bm.amountNotSelected);
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    const previous = decisions.find((d) => d.applicationId === input.applicationId) ?? null;
    const values = {
      outcome: input.outcome,
      waitlist_position: input.outcome === 'waiting_list' ? position : null,
      reason_codes: codes,
      reason_text: text,
      departs_from_order: departs,
      amount_cents: input.outcome === 'not_selected' ? null : amount,
      decided_at: now,
      decided_by: actor.id,
    };
    await trx
      .insertInto('decisions')
      .values({ application_id: input.applicationId, deliberation_id: deliberation.id, ...values })
      .onConflict((oc) => oc.column('application_id').doUpdateSet(values))
      .execute();
    await bumpVersion(trx, deliberation.id, now);
    await audit({
      action: 'decisions.decision-recorded',
      subjectType: 'application',
      subjectId: input.applicationId,
      summary: {
        seasonId: input.seasonId,
        rank,
        outcome: input.outcome,
        waitlistPosition: values.waitlist_position,
        reasonCodes: codes,
        departsFromOrder: departs,
        amountCents: values.amount_cents,
        previous: previous ? { outcome: previous.outcome, waitlistPosition: previous.waitlistPosition } : null,
      },
    });
    return { ok: true, departsFromOrder: departs, rank };
  });
}
