import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { combineSelection, type PanelOpinion, resultAsPublished } from '../../algorithms/selection/index.js';
import { systemActor } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { openDeliberation } from './deliberation.js';
import { type DeliberationSources, type FrozenDecision, type FrozenDeliberation, gatherSources } from './inputs.js';
import type { DeliberationStatus, Outcome } from './tables.js';
import './tables.js';
/**
 * Test support: a season's deliberation already closed, with its decisions, written straight into this module's
 * tables (the deliberation board and its close are tested on their own). Notices exist only for a closed
 * deliberation; the frozen JSON is the minimum the check constraint asks for.
 */
export interface DecisionSeed {
  applicationId: string;
  outcome: Outcome;
  waitlistPosition?: number;
  reasonCodes?: string[];
  reasonText?: string;
  amountCents?: number | null;
}

export async function seedClosedDeliberation(
  db: Kysely<DB>,
  options: {
    seasonId: string;
    now: Date;
    decisions: DecisionSeed[];
    confirmDays?: number;
    shareJuryComments?: boolean;
    status?: 'open' | 'closed';
  },
): Promise<{ deliberationId: string }> {
  const closed = (options.status ?? 'closed') === 'closed';
  const deliberation = await db
    .insertInto('deliberations')
    .values({
      season_id: options.seasonId,
      status: closed ? 'closed' : 'open',
      jury_weight: 70,
      panel_weight: 30,
      panel_criteria_weights: '{}',
      created_at: options.now,
      updated_at: options.now,
      closed_at: closed ? options.now : null,
      frozen: closed ? JSON.stringify({ format: 1, seasonId: options.seasonId, decisions: [] }) : null,
      confirm_days: options.confirmDays ?? 15,
      share_jury_comments: options.shareJuryComments ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const decision of options.decisions) {
    await db
      .insertInto('decisions')
      .values({
        application_id: decision.applicationId,
        deliberation_id: deliberation.id,
        outcome: decision.outcome,
        waitlist_position: decision.waitlistPosition ?? null,
        reason_codes: decision.reasonCodes ?? [],
        reason_text: decision.reasonText ?? '',
        amount_cents: decision.amountCents ?? null,
        decided_at: options.now,
      })
      .execute();
  }
  return { deliberationId: deliberation.id };
}

/** A decision's row as stored (to check what a use case wrote). */
export async function decisionRow(db: Kysely<DB>, applicationId: string) {
  return db.selectFrom('decisions').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
}

/** The season's notices as stored. */
export async function noticeRows(db: Kysely<DB>, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .selectFrom('decision_notices')
    .selectAll()
    .where('application_id', 'in', applicationIds)
    .orderBy('created_at')
    .execute();
}

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

/**
 * Test support for the publication: a season's deliberation (closed, as H1's close leaves it, or still open)
 * with its decisions, written directly — the close and the decisions are tested where they are made.
 */

export interface DecisionForPublication {
  applicationId: string;
  outcome: Outcome;
  waitlistPosition?: number;
  confirmedAt?: Date | null;
  declinedAt?: Date | null;
  lapsedAt?: Date | null;
}

export async function insertClosedDeliberationForPublication(
  db: Kysely<DB>,
  input: {
    seasonId: string;
    now: Date;
    status?: DeliberationStatus;
    decisions: DecisionForPublication[];
  },
): Promise<{ deliberationId: string; publicRefs: Map<string, string> }> {
  const status = input.status ?? 'closed';
  const { id } = await db
    .insertInto('deliberations')
    .values({
      season_id: input.seasonId,
      status,
      jury_weight: 70,
      panel_weight: 30,
      panel_criteria_weights: '{}',
      created_at: input.now,
      updated_at: input.now,
      closed_at: status === 'closed' ? input.now : null,
      frozen: status === 'closed' ? '{}' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const publicRefs = new Map<string, string>();
  for (const d of input.decisions) {
    const row = await db
      .insertInto('decisions')
      .values({
        application_id: d.applicationId,
        deliberation_id: id,
        outcome: d.outcome,
        waitlist_position: d.outcome === 'waiting_list' ? (d.waitlistPosition ?? 1) : null,
        decided_at: input.now,
        confirmed_at: d.confirmedAt ?? null,
        declined_at: d.declinedAt ?? null,
        lapsed_at: d.lapsedAt ?? null,
      })
      .returning('public_ref')
      .executeTakeFirstOrThrow();
    publicRefs.set(d.applicationId, row.public_ref);
  }
  return { deliberationId: id, publicRefs };
}

/** Changes a decision as the confirmation and the waiting list would (a decline, a place offered). */
export async function updateDecisionForPublication(
  db: Kysely<DB>,
  applicationId: string,
  patch: Partial<Pick<DecisionForPublication, 'outcome' | 'confirmedAt' | 'declinedAt' | 'lapsedAt'>>,
): Promise<void> {
  await db
    .updateTable('decisions')
    .set({
      ...(patch.outcome ? { outcome: patch.outcome, waitlist_position: null } : {}),
      ...(patch.confirmedAt !== undefined ? { confirmed_at: patch.confirmedAt } : {}),
      ...(patch.declinedAt !== undefined ? { declined_at: patch.declinedAt } : {}),
      ...(patch.lapsedAt !== undefined ? { lapsed_at: patch.lapsedAt } : {}),
    })
    .where('application_id', '=', applicationId)
    .execute();
}

/** What the publication recorded on the deliberation and the decisions' public texts. */
export async function publicationRecordOf(db: Kysely<DB>, seasonId: string) {
  const deliberation = await db
    .selectFrom('deliberations')
    .select(['id', 'publish_at', 'published_at', 'published_by'])
    .where('season_id', '=', seasonId)
    .executeTakeFirstOrThrow();
  const decisions = await db
    .selectFrom('decisions')
    .select(['application_id', 'public_ref', 'public_summary', 'public_summary_en'])
    .where('deliberation_id', '=', deliberation.id)
    .execute();
  return { deliberation, decisions };
}

/** Marks laureates' places as confirmed at `at` (the confirmation itself is tested with the notices). */
export async function confirmPlacesForTest(db: Kysely<DB>, applicationIds: string[], at: Date): Promise<void> {
  if (applicationIds.length === 0) return;
  await db
    .updateTable('decisions')
    .set({ notified_at: at, confirm_by: at, confirmed_at: at })
    .where('application_id', 'in', applicationIds)
    .execute();
}
