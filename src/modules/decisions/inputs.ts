import type { Kysely, Transaction } from 'kysely';
import type { CombinedSelection, SelectionInputs } from '../../algorithms/selection/index.js';
import type { DB } from '../../core/db/schema.js';
import {
  type ApplicationForDecision,
  DELIBERATION_STATES,
  listApplicationsForDecision,
} from '../applications/index.js';
import { type PanelForDeliberation, panelForDeliberation } from '../panel/index.js';
import { type JuryForDeliberation, juryForDeliberation } from '../review/index.js';
import type { Deliberation } from './deliberation.js';
import type { Outcome } from './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Bootstrap replicates and coverage of the combined order's intervals (the same as the jury's ranking). */
export const REPLICATES = 200;
export const LEVEL = 0.9;
export const RIDGE = 1;

/** Everything the deliberation works from, gathered from the other modules (read-only). */
export interface DeliberationSources {
  jury: JuryForDeliberation;
  panel: PanelForDeliberation | null;
  /** Every submitted application of the season (the board shows those before the deliberation). */
  applications: ApplicationForDecision[];
  /** The applications competing: eligible, in review, or already decided. */
  candidates: ApplicationForDecision[];
  inputs: SelectionInputs;
}

export async function gatherSources(
  db: Db,
  deliberation: Pick<Deliberation, 'seasonId' | 'juryWeight' | 'panelWeight' | 'panelCriteriaWeights'>,
): Promise<DeliberationSources | null> {
  const jury = await juryForDeliberation(db, deliberation.seasonId);
  if (!jury) return null;
  const panel = await panelForDeliberation(db, deliberation.seasonId);
  const applications = await listApplicationsForDecision(db, deliberation.seasonId);
  const states: readonly string[] = DELIBERATION_STATES;
  const candidates = applications.filter((a) => states.includes(a.state));
  const candidateIds = new Set(candidates.map((a) => a.id));
  return {
    jury,
    panel,
    applications,
    candidates,
    inputs: {
      juryCriteria: jury.criteria.map((c) => ({ code: c.code, weight: c.weight })),
      juryScale: jury.scale,
      panelCriteria: (panel?.criteria ?? []).map((c) => ({
        code: c.code,
        weight: deliberation.panelCriteriaWeights[c.code] ?? 1,
      })),
      panelScale: panel?.scale ?? { min: 1, max: 5 },
      weights: { jury: deliberation.juryWeight, panel: panel ? deliberation.panelWeight : 0 },
      seed: jury.seed,
      replicates: REPLICATES,
      level: LEVEL,
      ridge: RIDGE,
      selectionSize: jury.laureatesSought,
      candidates: [...candidateIds].sort(),
      reviews: jury.reviews,
      opinions: (panel?.opinions ?? []).filter((o) => candidateIds.has(o.application)),
    },
  };
}

/** A decision as frozen at the close. */
export interface FrozenDecision {
  application: string;
  outcome: Outcome;
  waitlistPosition: number | null;
  reasonCodes: string[];
  departsFromOrder: boolean;
  amountCents: number | null;
}

/**
 * What closing the deliberation freezes (stored as `deliberations.frozen`): the exact inputs of the
 * combination, its result, the decisions and who sat. The minutes and the transparency bundle are made
 * from this and nothing else, so they never move when a score, an opinion or a weight changes later.
 * Ids are internal (applications, jury members, panel members); the bundle replaces them by public
 * references and pseudonyms.
 */
export interface FrozenDeliberation {
  format: 1;
  seasonId: string;
  frozenAt: string;
  inputs: SelectionInputs;
  result: CombinedSelection;
  decisions: FrozenDecision[];
  attendance: { memberId: string; name: string; present: boolean }[];
  /** Present members recused on an application (a declared or detected conflict). */
  recusals: { memberId: string; applicationId: string; source: string }[];
  panel: { panelId: string; size: number; transparencyPath: string } | null;
  /** Application id → the random public reference the bundle uses. */
  publicRefs: Record<string, string>;
}
