import { randomUUID } from 'node:crypto';
import { resultAsPublished } from '../../algorithms/selection/bundle.js';
import { combineSelection, type PanelOpinion } from '../../algorithms/selection/combine.js';
import { systemActor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { openDeliberation } from './deliberation.js';
import { type DeliberationSources, type FrozenDecision, type FrozenDeliberation, gatherSources } from './inputs.js';

/**
 * Test factory (not used by the app): a closed deliberation frozen from a season's real sources, with
 * made-up decisions that follow the combined order, written as the close would write it. Lets the
 * transparency tests run before, and independently of, the deliberation's own close.
 */

/** Decisions following the order: the top `laureates` laureates, `waiting` on the waiting list, the rest not selected. */
export function decisionsFollowingOrder(
  order: readonly string[],
  laureates: number,
  waiting = 2,
  amountCents = 2_500_000,
): FrozenDecision[] {
  return order.map((application, i) => {
    const outcome = i < laureates ? 'laureate' : i < laureates + waiting ? 'waiting_list' : 'not_selected';
    return {
      application,
      outcome,
      waitlistPosition: outcome === 'waiting_list' ? i - laureates + 1 : null,
      reasonCodes: outcome === 'not_selected' ? ['lower_combined_score'] : [],
      departsFromOrder: false,
      amountCents: outcome === 'laureate' ? amountCents : null,
    };
  });
}

export interface FreezeOptions {
  replicates?: number;
  laureates?: number;
  /** Opinions added to the panel's (a season whose panel has not given any yet). */
  extraOpinions?: PanelOpinion[];
}

/** The frozen deliberation of the given sources, with options as the close would fill them. */
export function freezeForTest(
  seasonId: string,
  sources: DeliberationSources,
  options: FreezeOptions & { frozenAt?: Date } = {},
): FrozenDeliberation {
  const inputs = {
    ...sources.inputs,
    replicates: options.replicates ?? sources.inputs.replicates,
    opinions: [...sources.inputs.opinions, ...(options.extraOpinions ?? [])],
  };
  const frozenAt = (options.frozenAt ?? new Date()).toISOString();
  const order = combineSelection(inputs).rows.map((r) => r.application);
  const publicRefs = Object.fromEntries(order.map((id) => [id, randomUUID()]));
  // As the close should: the result computed under the public names, the very one the bundle publishes.
  const result = resultAsPublished({ seasonId, frozenAt, inputs, publicRefs });
  return {
    format: 1,
    seasonId,
    frozenAt,
    inputs,
    result,
    decisions: decisionsFollowingOrder(
      result.rows.map((r) => r.application),
      Math.min(options.laureates ?? inputs.selectionSize, order.length),
    ),
    attendance: sources.jury.members.map((m) => ({ memberId: m.id, name: m.name, present: !m.removed })),
    recusals: [],
    panel: sources.panel
      ? { panelId: sources.panel.panelId, size: sources.panel.size, transparencyPath: sources.panel.transparencyPath }
      : null,
    publicRefs,
  };
}

/** Opens, freezes and closes the season's deliberation; publishes it at `publishedAt` when given. */
export async function closeDeliberationForTest(
  services: Services,
  seasonId: string,
  options: FreezeOptions & { publishedAt?: Date | null } = {},
): Promise<FrozenDeliberation> {
  const deliberation = await openDeliberation(services, systemActor, seasonId);
  const sources = await gatherSources(services.db, deliberation);
  if (!sources) throw new Error(`no jury for season ${seasonId}`);
  const now = services.clock.now();
  const frozen = freezeForTest(seasonId, sources, { frozenAt: now, ...options });
  await services.db
    .updateTable('deliberations')
    .set({
      status: 'closed',
      closed_at: now,
      frozen: JSON.stringify(frozen),
      published_at: options.publishedAt ?? null,
    })
    .where('id', '=', deliberation.id)
    .execute();
  return frozen;
}
