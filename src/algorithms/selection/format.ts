import { fitJury, orderIndices, tieKey } from '../ranking/ranking.js';
import type { CombinedRow, CombinedSelection, SelectionInputs } from './combine.js';

/**
 * The transparency bundle's file formats, shared by the publisher (./bundle.ts) and the verifier
 * (./verify.ts): the method file and the table of results are written by the same functions on both
 * sides, so a verification compares text with text and needs no tolerance.
 */

export const FORMAT = 'accelerateur-selection';
export const FORMAT_VERSION = 1;

export const FILES = {
  readme: 'README.md',
  method: 'method.json',
  reviews: 'reviews.csv',
  opinions: 'opinions.csv',
  calibration: 'calibration.csv',
  results: 'results.csv',
  decisions: 'decisions.csv',
} as const;

export type Outcome = 'laureate' | 'waiting_list' | 'not_selected';
export const OUTCOMES: readonly Outcome[] = ['laureate', 'waiting_list', 'not_selected'];

/** method.json: everything the combination needs besides the scores, opinions and the list of candidates. */
export interface MethodFile {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  weights: { jury: number; panel: number };
  juryCriteria: { code: string; weight: number }[];
  juryScale: { min: number; max: number };
  panelCriteria: { code: string; weight: number }[];
  panelScale: { min: number; max: number };
  seed: number;
  replicates: number;
  level: number;
  ridge: number;
  selectionSize: number;
  /** How many applications compete (the lines of results.csv). */
  candidates: number;
}

export function methodOf(inputs: SelectionInputs): MethodFile {
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    weights: { jury: inputs.weights.jury, panel: inputs.weights.panel },
    juryCriteria: inputs.juryCriteria.map((c) => ({ code: c.code, weight: c.weight })),
    juryScale: { min: inputs.juryScale.min, max: inputs.juryScale.max },
    panelCriteria: inputs.panelCriteria.map((c) => ({ code: c.code, weight: c.weight })),
    panelScale: { min: inputs.panelScale.min, max: inputs.panelScale.max },
    seed: inputs.seed,
    replicates: inputs.replicates,
    level: inputs.level,
    ridge: inputs.ridge,
    selectionSize: inputs.selectionSize,
    candidates: new Set(inputs.candidates).size,
  };
}

/** Decimals printed for every computed number: enough to tell any real change, stable across machines. */
export const DECIMALS = 6;

export function fixed(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = value.toFixed(DECIMALS);
  // −0.000000 and 0.000000 are the same number: print one of them.
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

export const REVIEW_COLUMNS = ['application', 'reviewer'] as const;
export const OPINION_COLUMNS = ['application', 'panelist'] as const;

export function resultsHeader(panelCodes: readonly string[]): string[] {
  return [
    'rank',
    'application',
    'rank_low',
    'rank_high',
    'crosses_line',
    'combined',
    'complete',
    'jury_calibrated',
    'jury_rank',
    'jury_normalised',
    'jury_reviews',
    'jury_mean',
    ...panelCodes.map((code) => `panel_${code}`),
    'panel_score',
    'panel_normalised',
    'panelists',
    'panel_spread',
    'tie_key',
  ];
}

function resultRow(
  row: CombinedRow,
  panelCodes: readonly string[],
  seed: number,
  juryRank: number | undefined,
): string[] {
  return [
    String(row.rank),
    row.application,
    String(row.rankLow),
    String(row.rankHigh),
    String(row.crossesLine),
    fixed(row.combined),
    String(row.complete),
    fixed(row.jury?.calibrated),
    juryRank === undefined ? '' : String(juryRank),
    fixed(row.jury?.normalised),
    row.jury ? String(row.jury.reviews) : '',
    fixed(row.jury?.mean),
    ...panelCodes.map((code) => fixed(row.panel?.means[code])),
    fixed(row.panel?.score),
    fixed(row.panel?.normalised),
    row.panel ? String(row.panel.panelists) : '',
    fixed(row.panel?.spread),
    fixed(tieKey(seed, row.application)),
  ];
}

/** results.csv as a table: one line per candidate, best first. */
export function resultsTable(
  inputs: SelectionInputs,
  result: CombinedSelection,
): { header: string[]; rows: string[][] } {
  const codes = inputs.panelCriteria.map((c) => c.code);
  // The jury's own rank among the candidates it reviewed (calibrated score alone, the same tie-break).
  const reviewed = result.rows.filter((r) => r.jury !== null);
  const ids = reviewed.map((r) => r.application);
  const juryRank = new Map<string, number>();
  orderIndices(
    [...ids.keys()],
    reviewed.map((r) => r.jury!.calibrated),
    inputs.seed,
    ids,
  ).forEach((i, rank) => juryRank.set(ids[i], rank + 1));
  return {
    header: resultsHeader(codes),
    rows: result.rows.map((r) => resultRow(r, codes, inputs.seed, juryRank.get(r.application))),
  };
}

export const CALIBRATION_COLUMNS = ['application', 'reviews', 'jury_mean', 'jury_calibrated'] as const;

/**
 * calibration.csv: the jury's calibrated score of every reviewed application, competing or not (a withdrawn
 * application's reviews still inform the reviewers' biases), so that every published review is checked.
 */
export function calibrationTable(inputs: SelectionInputs): { header: string[]; rows: string[][] } {
  const fit = fitJury(inputs.reviews, {
    criteria: inputs.juryCriteria,
    seed: inputs.seed,
    replicates: 0,
    ridge: inputs.ridge,
  });
  const rows = fit.ids
    .map((id, i) => [
      id,
      String(fit.scoresOf[i].length),
      fixed(fit.scoresOf[i].reduce((a, b) => a + b, 0) / fit.scoresOf[i].length),
      fixed(fit.quality[i]),
    ])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { header: [...CALIBRATION_COLUMNS], rows };
}

export const DECISION_COLUMNS = [
  'application',
  'outcome',
  'waitlist_position',
  'reason_codes',
  'departs_from_order',
  'amount_eur',
  'project',
] as const;

/** Reason codes in one cell, separated by a space (a code holds no space). */
export const REASON_SEPARATOR = ' ';

/** Outcome order: a laureate before the waiting list (by position), the waiting list before the others. */
export function outcomeLevel(outcome: Outcome, waitlistPosition: number | null): number {
  if (outcome === 'laureate') return 0;
  if (outcome === 'waiting_list') return 1 + (waitlistPosition ?? 0) / 1e6;
  return 2;
}

/** How close two combined scores may be and still count as tied (the ranking's own tolerance). */
const TIE = 1e-9;

export interface OrderedDecision {
  application: string;
  outcome: Outcome;
  waitlistPosition: number | null;
  rank: number;
  combined: number | null;
  complete: boolean;
}

/**
 * The pairs of decisions that go against the combined order: a is strictly ahead of b (a better score, or
 * complete against incomplete; never an exact tie) but got a lesser outcome (not selected below waiting
 * list below laureate; a later waiting-list position below an earlier one). In such a pair b passed a.
 */
export function inversions(decisions: readonly OrderedDecision[]): [OrderedDecision, OrderedDecision][] {
  const strictlyAhead = (a: OrderedDecision, b: OrderedDecision) => {
    if (a.complete !== b.complete) return a.complete;
    if (a.combined === null || b.combined === null) return a.combined !== null && b.combined === null;
    return a.combined - b.combined > TIE;
  };
  const pairs: [OrderedDecision, OrderedDecision][] = [];
  for (const a of decisions) {
    for (const b of decisions) {
      if (a === b || !strictlyAhead(a, b)) continue;
      if (outcomeLevel(a.outcome, a.waitlistPosition) > outcomeLevel(b.outcome, b.waitlistPosition)) pairs.push([a, b]);
    }
  }
  return pairs;
}

/**
 * The decisions that depart from the combined order, as the deliberation should mark them: both of every
 * inverted pair (b passed a, a was passed over). The verifier asks less: at least one of each pair marked.
 */
export function departures(decisions: readonly OrderedDecision[]): Set<string> {
  const out = new Set<string>();
  for (const [a, b] of inversions(decisions)) {
    out.add(a.application);
    out.add(b.application);
  }
  return out;
}
