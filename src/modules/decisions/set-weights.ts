import type { Transaction } from 'kysely';
import { combineSelection } from '../../algorithms/selection/index.js';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { departsFromOrder } from './board-data.js';
import { boardMessages as bm } from './board-messages.js';
import { loadDecisions } from './board-queries.js';
import { type Deliberation, loadDeliberation } from './deliberation.js';
import { bumpVersion, DeliberationRefused, lockOpenDeliberation } from './deliberation-guard.js';
import { gatherSources } from './inputs.js';

export interface WeightsInput {
  seasonId: string;
  /** Percent, whole numbers 0–100, not both 0. */
  juryWeight: number;
  panelWeight: number;
  /** Panel criterion code → weight (whole number 0–100); a criterion left out keeps its weight. */
  panelCriteriaWeights: Record<string, number>;
  /** The version the form was read at: a stale form is refused (409). */
  version?: number;
}

const isWeight = (value: number) => Number.isInteger(value) && value >= 0 && value <= 100;

/** Why these weights cannot be saved (a message for the whole form), or null. */
export function weightsProblem(input: Pick<WeightsInput, 'juryWeight' | 'panelWeight' | 'panelCriteriaWeights'>) {
  if (!isWeight(input.juryWeight) || !isWeight(input.panelWeight)) return bm.weightRange;
  if (Object.values(input.panelCriteriaWeights).some((w) => !isWeight(w))) return bm.weightRange;
  if (input.juryWeight + input.panelWeight === 0) return bm.weightsZero;
  return null;
}

/**
 * Stores the decisions' "departs from the order" flag against the order these weights give, so that the
 * board, the close and the minutes agree on which decisions override the ranking.
 */
export async function refreshDepartures(trx: Transaction<DB>, deliberation: Deliberation): Promise<void> {
  const sources = await gatherSources(trx, deliberation);
  if (!sources) return;
  const rows = combineSelection(sources.inputs).rows;
  const rankOf = new Map(rows.map((r) => [r.application, r.rank]));
  for (const decision of await loadDecisions(trx, deliberation.id)) {
    const rank = rankOf.get(decision.applicationId);
    if (rank === undefined) continue;
    const departs = departsFromOrder(decision.outcome, rank, sources.inputs.selectionSize);
    if (departs !== decision.departsFromOrder)
      await trx
        .updateTable('decisions')
        .set({ departs_from_order: departs })
        .where('application_id', '=', decision.applicationId)
        .execute();
  }
}

/**
 * Changes the weights of the combination (the jury's and the panel's parts, and each panel criterion's),
 * records the change in deliberation_weight_changes and the audit log, and re-flags the decisions that
 * now depart from the order. Refused once closed, and for a form read at another version.
 */
export async function setWeights(services: Services, actor: Actor, input: WeightsInput): Promise<Deliberation> {
  const problem = weightsProblem(input);
  if (problem) throw new DeliberationRefused(400, problem);
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const deliberation = await lockOpenDeliberation(trx, input.seasonId, input.version);
    const sources = await gatherSources(trx, deliberation);
    // Without a panel only the jury counts: its weight may not be zero.
    if (!sources?.panel && input.juryWeight === 0) throw new DeliberationRefused(400, bm.weightsZero);
    const known = new Set((sources?.panel?.criteria ?? []).map((c) => c.code));
    const criteria: Record<string, number> = {};
    for (const code of known)
      criteria[code] = input.panelCriteriaWeights[code] ?? deliberation.panelCriteriaWeights[code] ?? 1;
    if (sources?.panel && input.panelWeight > 0 && known.size > 0 && Object.values(criteria).every((w) => w === 0))
      throw new DeliberationRefused(400, bm.criteriaZero);
    await trx
      .updateTable('deliberations')
      .set({
        jury_weight: input.juryWeight,
        panel_weight: input.panelWeight,
        panel_criteria_weights: JSON.stringify(criteria),
      })
      .where('id', '=', deliberation.id)
      .execute();
    await bumpVersion(trx, deliberation.id, now);
    await trx
      .insertInto('deliberation_weight_changes')
      .values({
        deliberation_id: deliberation.id,
        jury_weight: input.juryWeight,
        panel_weight: input.panelWeight,
        panel_criteria_weights: JSON.stringify(criteria),
        changed_at: now,
        changed_by: actor.id,
      })
      .execute();
    await refreshDepartures(trx, {
      ...deliberation,
      juryWeight: input.juryWeight,
      panelWeight: input.panelWeight,
      panelCriteriaWeights: criteria,
    });
    await audit({
      action: 'decisions.weights-changed',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: {
        before: {
          juryWeight: deliberation.juryWeight,
          panelWeight: deliberation.panelWeight,
          panelCriteriaWeights: deliberation.panelCriteriaWeights,
        },
        after: { juryWeight: input.juryWeight, panelWeight: input.panelWeight, panelCriteriaWeights: criteria },
      },
    });
  });
  return (await loadDeliberation(services.db, input.seasonId))!;
}
