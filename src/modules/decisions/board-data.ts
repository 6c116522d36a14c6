import type { Kysely, Transaction } from 'kysely';
import { type CombinedRow, combineSelection } from '../../algorithms/selection/index.js';
import { tracksInclude } from '../../core/auth/permissions.js';
import type { DB } from '../../core/db/schema.js';
import type { ApplicationForDecision } from '../applications/index.js';
import { panelForDeliberation } from '../panel/index.js';
import { loadSeasons, type SeasonRecord } from '../seasons/index.js';
import { type DecisionRecord, loadAttendance, loadDecisions, loadFrozen } from './board-queries.js';
import { type Deliberation, loadDeliberation } from './deliberation.js';
import { type DeliberationSources, type FrozenDeliberation, gatherSources } from './inputs.js';
import type { ReasonCriterion } from './reasons.js';
import type { Outcome } from './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

export type BoardStatus = 'none' | 'open' | 'closed' | 'published';

/**
 * Whether an outcome departs from the combined order: a laureate ranked below the selection line, or a
 * candidate on the waiting list or not selected ranked above it. Such a decision must say why.
 */
export function departsFromOrder(outcome: Outcome, rank: number, selectionSize: number): boolean {
  const above = rank <= selectionSize;
  return outcome === 'laureate' ? !above : above;
}

/** One row of the board: the combination's row, the application's labels, the decision and who is recused. */
export interface BoardRow {
  combined: CombinedRow;
  application: Pick<ApplicationForDecision, 'id' | 'title' | 'trackCode' | 'organisationName' | 'requestedCents'>;
  decision: DecisionRecord | null;
  /** Computed from the current order (open) or as frozen (closed). */
  departs: boolean;
  recused: { memberId: string; name: string }[];
}

export interface BoardMember {
  id: string;
  name: string;
  present: boolean;
}

export interface Board {
  season: SeasonRecord;
  deliberation: Deliberation | null;
  status: BoardStatus;
  /** The board reads the close's frozen record, not the live scores. */
  frozen: FrozenDeliberation | null;
  selectionSize: number;
  weights: {
    jury: number;
    panel: number;
    panelCriteria: { code: string; label: string; labelEn: string; weight: number }[];
  };
  hasPanel: boolean;
  juryCriteria: ReasonCriterion[];
  /** The rows the person may see (their tracks), in combined order. */
  rows: BoardRow[];
  /** Every candidate of every track: the combination is computed on all of them. */
  candidateCount: number;
  /** Candidates of every track without a decision. */
  undecided: string[];
  /** Decisions whose reasons are missing though required (not selected, or a departure from the order). */
  unexplained: string[];
  members: BoardMember[];
  budget: { envelopeCents: number; grantedCents: number; leftCents: number };
  /** The combination could not run (e.g. every weight on a source that is missing). */
  problem: string | null;
}

/** A decision needs reasons: every "not selected", and every departure from the combined order. */
export function needsReasons(outcome: Outcome, departs: boolean): boolean {
  return outcome === 'not_selected' || departs;
}

export function hasReasons(decision: Pick<DecisionRecord, 'reasonCodes'>): boolean {
  return decision.reasonCodes.length > 0;
}

type WeightsOf = Pick<Deliberation, 'seasonId' | 'juryWeight' | 'panelWeight' | 'panelCriteriaWeights'>;

/** The weights a deliberation opens with (see openDeliberation): the panel's own weight, every criterion 1. */
async function defaultWeights(db: Db, seasonId: string): Promise<WeightsOf> {
  const panel = await panelForDeliberation(db, seasonId);
  const panelWeight = panel ? Math.min(100, Math.max(0, Math.round(panel.opinionWeight))) : 0;
  return { seasonId, juryWeight: panelWeight >= 100 ? 0 : 100 - panelWeight, panelWeight, panelCriteriaWeights: {} };
}

/** The live combination of an open deliberation (or of the default weights before it opens). */
export async function liveCombination(
  db: Db,
  deliberation: WeightsOf,
  options: { combine?: boolean } = {},
): Promise<{ sources: DeliberationSources; rows: CombinedRow[]; problem: string | null } | null> {
  const sources = await gatherSources(db, deliberation);
  if (!sources) return null;
  if (options.combine === false) return { sources, rows: [], problem: null };
  try {
    return { sources, rows: combineSelection(sources.inputs).rows, problem: null };
  } catch (error) {
    return { sources, rows: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Present members with a conflict on each application (declared or detected). */
export function recusalsOf(
  conflicts: readonly { memberId: string; applicationId: string; source: string }[],
  present: ReadonlySet<string>,
): { memberId: string; applicationId: string; source: string }[] {
  return conflicts
    .filter((c) => present.has(c.memberId))
    .map((c) => ({ memberId: c.memberId, applicationId: c.applicationId, source: c.source }))
    .sort((a, b) => (a.applicationId + a.memberId < b.applicationId + b.memberId ? -1 : 1));
}

function grantedCents(decisions: readonly { outcome: Outcome; amountCents: number | null }[]): number {
  return decisions.reduce((sum, d) => sum + (d.outcome === 'laureate' ? (d.amountCents ?? 0) : 0), 0);
}

/**
 * Everything the board shows for a season, as seen by someone limited to `tracks` (undefined: every
 * track). Open: computed from the live scores and opinions under the deliberation's weights. Closed: read
 * from what the close froze, so that a later change of a review or an opinion never moves it. Null when
 * the season does not exist.
 */
export async function loadBoard(
  db: Db,
  seasonId: string,
  tracks: readonly string[] | undefined,
): Promise<Board | null> {
  const [season] = await loadSeasons(db, { id: seasonId });
  if (!season) return null;
  const deliberation = await loadDeliberation(db, seasonId);
  const status: BoardStatus = !deliberation
    ? 'none'
    : deliberation.publishedAt
      ? 'published'
      : deliberation.status === 'closed'
        ? 'closed'
        : 'open';
  const frozen = deliberation?.status === 'closed' ? await loadFrozen(db, seasonId) : null;
  // Labels (titles, members' names, criteria) are read live; numbers come from the frozen record once closed.
  // Before the deliberation opens, the board previews the weights it will open with.
  const weightsOf = deliberation ?? (await defaultWeights(db, seasonId));
  const live = await liveCombination(db, weightsOf, { combine: !frozen });
  if (!live) return null;
  const { sources } = live;
  const inputs = frozen?.inputs ?? live.sources.inputs;
  const rows = frozen?.result.rows ?? live.rows;
  const selectionSize = inputs.selectionSize;
  const decisions: DecisionRecord[] = deliberation ? await loadDecisions(db, deliberation.id) : [];
  const decisionOf = new Map(decisions.map((d) => [d.applicationId, d]));
  const frozenDecisionOf = new Map((frozen?.decisions ?? []).map((d) => [d.application, d]));

  const memberName = new Map(sources.jury.members.map((m) => [m.id, m.name]));
  let members: BoardMember[];
  let recusals: { memberId: string; applicationId: string }[];
  if (frozen) {
    members = frozen.attendance.map((a) => ({ id: a.memberId, name: a.name, present: a.present }));
    recusals = frozen.recusals;
    for (const a of frozen.attendance) memberName.set(a.memberId, a.name);
  } else {
    const attendance = deliberation ? await loadAttendance(db, deliberation.id) : new Map<string, boolean>();
    members = sources.jury.members
      .filter((m) => !m.removed || attendance.get(m.id))
      .map((m) => ({ id: m.id, name: m.name, present: attendance.get(m.id) ?? false }));
    recusals = recusalsOf(sources.jury.conflicts, new Set(members.filter((m) => m.present).map((m) => m.id)));
  }

  const applicationOf = new Map(sources.applications.map((a) => [a.id, a]));
  const boardRows: BoardRow[] = [];
  const undecided: string[] = [];
  const unexplained: string[] = [];
  for (const combined of rows) {
    const application = applicationOf.get(combined.application);
    const stored = decisionOf.get(combined.application) ?? null;
    const frozenDecision = frozenDecisionOf.get(combined.application);
    const decision: DecisionRecord | null =
      frozen && stored && frozenDecision
        ? {
            ...stored,
            outcome: frozenDecision.outcome,
            waitlistPosition: frozenDecision.waitlistPosition,
            reasonCodes: frozenDecision.reasonCodes,
            departsFromOrder: frozenDecision.departsFromOrder,
            amountCents: frozenDecision.amountCents,
          }
        : stored;
    const departs = decision
      ? frozen
        ? decision.departsFromOrder
        : departsFromOrder(decision.outcome, combined.rank, selectionSize)
      : false;
    if (!decision) undecided.push(combined.application);
    else if (needsReasons(decision.outcome, departs) && !hasReasons(decision)) unexplained.push(combined.application);
    if (!tracksInclude(tracks, application?.trackCode)) continue;
    boardRows.push({
      combined,
      application: {
        id: combined.application,
        title: application?.title ?? combined.application,
        trackCode: application?.trackCode ?? '',
        organisationName: application?.organisationName ?? '',
        requestedCents: application?.requestedCents ?? null,
      },
      decision,
      departs,
      recused: recusals
        .filter((r) => r.applicationId === combined.application)
        .map((r) => ({ memberId: r.memberId, name: memberName.get(r.memberId) ?? '' })),
    });
  }

  const panelCriteria = (sources.panel?.criteria ?? []).map((c) => ({
    ...c,
    weight: inputs.panelCriteria.find((p) => p.code === c.code)?.weight ?? 1,
  }));
  const granted = grantedCents(
    frozen
      ? frozen.decisions.map((d) => ({ outcome: d.outcome, amountCents: d.amountCents }))
      : decisions.filter((d) => rows.some((r) => r.application === d.applicationId)),
  );
  return {
    season,
    deliberation,
    status,
    frozen,
    selectionSize,
    weights: { jury: inputs.weights.jury, panel: inputs.weights.panel, panelCriteria },
    hasPanel: sources.panel !== null,
    juryCriteria: sources.jury.criteria.map((c) => ({ code: c.code, label: c.label, labelEn: c.labelEn })),
    rows: boardRows,
    candidateCount: rows.length,
    undecided,
    unexplained,
    members,
    budget: {
      envelopeCents: season.grantEnvelopeCents,
      grantedCents: granted,
      leftCents: season.grantEnvelopeCents - granted,
    },
    problem: frozen ? null : live.problem,
  };
}
