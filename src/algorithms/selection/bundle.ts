import { hash32, type ReviewScores } from '../ranking/ranking.js';
import { seededRandom } from '../sortition/prng.js';
import { type CombinedSelection, combineSelection, type PanelOpinion, type SelectionInputs } from './combine.js';
import { writeCsv } from './csv.js';
import {
  calibrationTable,
  DECISION_COLUMNS,
  FILES,
  methodOf,
  OPINION_COLUMNS,
  type Outcome,
  REASON_SEPARATOR,
  REVIEW_COLUMNS,
  resultsTable,
} from './format.js';
import { readme } from './readme.js';

/**
 * The transparency bundle of a closed deliberation: the exact inputs of the combination (scores,
 * opinions, weights, seed) and its results, with no personal data — applications by a random public
 * reference, reviewers and panelists by pseudonyms (R01…, P01…) numbered in a seeded random order, so
 * the numbering tells nothing of who or of any id; reasons as codes, never the free text; only the
 * laureates named, by their project. Pure: the same frozen deliberation always gives the same files.
 */

/** A decision as the close froze it (decisions module's FrozenDecision). */
export interface DecisionToPublish {
  application: string;
  outcome: Outcome;
  waitlistPosition: number | null;
  reasonCodes: string[];
  departsFromOrder: boolean;
  amountCents: number | null;
}

/** What publishing needs of the frozen deliberation (the decisions module's FrozenDeliberation fits). */
export interface DeliberationToPublish {
  /** Keys the pseudonyms' order and the references of applications without one; never published. */
  seasonId: string;
  frozenAt: string;
  inputs: SelectionInputs;
  result: CombinedSelection;
  decisions: readonly DecisionToPublish[];
  /** Application id → its random public reference. */
  publicRefs: Readonly<Record<string, string>>;
}

/** Pseudonyms `${prefix}01`… for the given ids, numbered in a random order keyed by `key`. */
export function pseudonyms(ids: Iterable<string>, prefix: string, key: string): Map<string, string> {
  const distinct = [...new Set(ids)].sort();
  const random = seededRandom(hash32(`${prefix}:${key}`));
  for (let i = distinct.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [distinct[i], distinct[j]] = [distinct[j], distinct[i]];
  }
  const width = Math.max(2, String(distinct.length).length);
  return new Map(distinct.map((id, i) => [id, `${prefix}${String(i + 1).padStart(width, '0')}`]));
}

/** A UUID-shaped reference for an application the close gave none (a reviewed one that no longer competes). */
function derivedRef(key: string, id: string): string {
  const random = seededRandom(hash32(`ref:${key}:${id}`));
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** The inputs with public references and pseudonyms in place of ids, the reviews kept in their order. */
export function publicInputs(deliberation: DeliberationToPublish): {
  inputs: SelectionInputs;
  refOf: (application: string) => string;
} {
  const key = `${deliberation.seasonId}:${deliberation.frozenAt}`;
  const { inputs } = deliberation;
  const refs = new Map<string, string>();
  const refOf = (application: string) => {
    let ref = refs.get(application);
    if (!ref) {
      ref = deliberation.publicRefs[application] ?? derivedRef(key, application);
      refs.set(application, ref);
    }
    return ref;
  };
  const reviewers = pseudonyms(
    inputs.reviews.map((r) => r.reviewer),
    'R',
    key,
  );
  const panelists = pseudonyms(
    inputs.opinions.map((o) => o.panelist),
    'P',
    key,
  );
  const reviews: ReviewScores[] = inputs.reviews.map((r) => ({
    application: refOf(r.application),
    reviewer: reviewers.get(r.reviewer)!,
    scores: { ...r.scores },
  }));
  const opinions: PanelOpinion[] = inputs.opinions
    .map((o) => ({ application: refOf(o.application), panelist: panelists.get(o.panelist)!, scores: { ...o.scores } }))
    .sort((x, y) => compare(x.application, y.application) || compare(x.panelist, y.panelist));
  return {
    inputs: { ...inputs, candidates: inputs.candidates.map(refOf).sort(), reviews, opinions },
    refOf,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function scoreCell(value: number | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** A text a spreadsheet would read as a formula gets a leading apostrophe (a project name is the applicant's text). */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The bundle's files (name → text): README, method.json, reviews.csv, opinions.csv, results.csv,
 * decisions.csv. `laureateNames` gives the project name of each laureate (application id → name); no
 * other application is named.
 */
export function publish(
  deliberation: DeliberationToPublish,
  laureateNames: Readonly<Record<string, string>>,
): Map<string, string> {
  const { inputs, refOf } = publicInputs(deliberation);
  const result = combineSelection(inputs);
  const juryCodes = inputs.juryCriteria.map((c) => c.code);
  const panelCodes = inputs.panelCriteria.map((c) => c.code);
  const files = new Map<string, string>();
  files.set(FILES.readme, readme(methodOf(inputs)));
  files.set(FILES.method, `${JSON.stringify(methodOf(inputs), null, 2)}\n`);
  files.set(
    FILES.reviews,
    writeCsv(
      [...REVIEW_COLUMNS, ...juryCodes],
      inputs.reviews.map((r) => [r.application, r.reviewer, ...juryCodes.map((c) => scoreCell(r.scores[c]))]),
    ),
  );
  files.set(
    FILES.opinions,
    writeCsv(
      [...OPINION_COLUMNS, ...panelCodes],
      inputs.opinions.map((o) => [o.application, o.panelist, ...panelCodes.map((c) => scoreCell(o.scores[c]))]),
    ),
  );
  const calibration = calibrationTable(inputs);
  files.set(FILES.calibration, writeCsv(calibration.header, calibration.rows));
  const table = resultsTable(inputs, result);
  files.set(FILES.results, writeCsv(table.header, table.rows));
  const rankOf = new Map(result.rows.map((r) => [r.application, r.rank]));
  const decisions = deliberation.decisions
    .map((d) => ({ d, ref: refOf(d.application) }))
    .sort((x, y) => (rankOf.get(x.ref) ?? Infinity) - (rankOf.get(y.ref) ?? Infinity) || compare(x.ref, y.ref));
  files.set(
    FILES.decisions,
    writeCsv(
      DECISION_COLUMNS,
      decisions.map(({ d, ref }) => [
        ref,
        d.outcome,
        d.outcome === 'waiting_list' && d.waitlistPosition !== null ? String(d.waitlistPosition) : '',
        [...d.reasonCodes].join(REASON_SEPARATOR),
        String(d.departsFromOrder),
        d.outcome === 'laureate' && d.amountCents !== null ? (d.amountCents / 100).toFixed(2) : '',
        d.outcome === 'laureate' ? textCell(laureateNames[d.application] ?? '') : '',
      ]),
    ),
  );
  return files;
}

/**
 * The combination exactly as the bundle will publish it, keyed back by internal ids: computed on the
 * public references and pseudonyms, because the tie-break keys and the panel bootstrap's draws follow the
 * names. The close should freeze this as `result` (with the publicRefs and frozenAt it stores), so that the
 * minutes and the published results.csv show the same ranks and intervals.
 */
export function resultAsPublished(
  deliberation: Omit<DeliberationToPublish, 'result' | 'decisions'>,
): CombinedSelection {
  const { inputs, refOf } = publicInputs({ ...deliberation, result: { rows: [] }, decisions: [] });
  const idOf = new Map(deliberation.inputs.candidates.map((id) => [refOf(id), id]));
  return {
    rows: combineSelection(inputs).rows.map((row) => ({
      ...row,
      application: idOf.get(row.application) ?? row.application,
    })),
  };
}

/**
 * The applications whose published rank or rank interval differs from the frozen result's: empty when the
 * close froze `resultAsPublished`; otherwise exact ties and the bootstrap intervals may come out otherwise.
 */
export function publicationDrift(deliberation: DeliberationToPublish): string[] {
  const published = new Map(resultAsPublished(deliberation).rows.map((r) => [r.application, r]));
  return deliberation.result.rows
    .filter((r) => {
      const p = published.get(r.application);
      return !p || p.rank !== r.rank || p.rankLow !== r.rankLow || p.rankHigh !== r.rankHigh;
    })
    .map((r) => r.application);
}
