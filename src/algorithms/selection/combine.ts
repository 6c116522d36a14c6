import {
  type CriterionWeight,
  fitJury,
  hash32,
  mean,
  orderIndices,
  type ReviewScores,
  rankInterval,
} from '../ranking/ranking.js';
import { seededRandom } from '../sortition/prng.js';

/**
 * The selection's combined order: the jury's calibrated score (../ranking) and the citizen panel's
 * opinion, each brought to a 0–1 scale, weighted by staff (e.g. jury 70 % / panel 30 %), give a combined
 * score out of 100. Its uncertainty carries both sources: each bootstrap replicate takes the jury's
 * replicate (residual bootstrap) and redraws, per application, the panelists' opinions with replacement.
 * Pure and deterministic given the inputs: the transparency bundle publishes exactly these inputs, and
 * the verifiers recompute this function from them.
 */

export interface PanelOpinion {
  application: string;
  panelist: string;
  /** panel criterion code → score on the panel scale. */
  scores: Record<string, number>;
}

export interface Scale {
  min: number;
  max: number;
}

export interface SelectionInputs {
  /** The jury's criteria with their weights, scored on `juryScale`. */
  juryCriteria: CriterionWeight[];
  juryScale: Scale;
  /** The panel's criteria with the weights staff set, scored on `panelScale`. */
  panelCriteria: CriterionWeight[];
  panelScale: Scale;
  /** Relative weights of the two sources (percent, need not sum to 100; both ≥ 0, not both 0). */
  weights: { jury: number; panel: number };
  /** Breaks ties and drives the bootstraps. */
  seed: number;
  replicates: number;
  /** Coverage of the rank intervals. */
  level: number;
  /** Ridge weight of the jury's calibration. */
  ridge: number;
  /** The selection line: laureates sought. */
  selectionSize: number;
  /** The applications competing for the selection (in the running); the others' reviews still calibrate. */
  candidates: string[];
  reviews: ReviewScores[];
  opinions: PanelOpinion[];
}

export interface CombinedRow {
  application: string;
  /** Null when no complete review. */
  jury: { calibrated: number; normalised: number; reviews: number; mean: number } | null;
  /** Null when no panelist gave an opinion. */
  panel: {
    /** Mean per criterion code. */
    means: Record<string, number>;
    /** The weighted panel score (per panelist, then averaged). */
    score: number;
    normalised: number;
    panelists: number;
    /** Standard deviation of the panelists' weighted scores (0 with one panelist). */
    spread: number;
  } | null;
  /** Out of 100. Null when the application has neither source. */
  combined: number | null;
  /** Both sources are there (or the missing one weighs nothing). Incomplete rows rank after complete ones. */
  complete: boolean;
  rank: number;
  rankLow: number;
  rankHigh: number;
  crossesLine: boolean;
}

export interface CombinedSelection {
  rows: CombinedRow[];
}

/** A panelist's weighted score on the panel scale; null when a weighted criterion is missing. */
export function panelistScore(scores: Record<string, number>, criteria: readonly CriterionWeight[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    if (!(c.weight > 0)) continue;
    const s = scores[c.code];
    if (typeof s !== 'number' || !Number.isFinite(s)) return null;
    sum += c.weight * s;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : null;
}

function normalise(value: number, scale: Scale): number {
  return scale.max > scale.min ? (value - scale.min) / (scale.max - scale.min) : 0;
}

function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

/** The combined score out of 100 from the available normalised parts; null with no part. */
function combinedScore(jury: number | null, panel: number | null, weights: SelectionInputs['weights']): number | null {
  let sum = 0;
  let total = 0;
  if (jury !== null && weights.jury > 0) {
    sum += weights.jury * jury;
    total += weights.jury;
  }
  if (panel !== null && weights.panel > 0) {
    sum += weights.panel * panel;
    total += weights.panel;
  }
  return total > 0 ? (100 * sum) / total : null;
}

export function checkInputs(inputs: SelectionInputs): string | null {
  const { jury, panel } = inputs.weights;
  if (!(Number.isFinite(jury) && Number.isFinite(panel) && jury >= 0 && panel >= 0 && jury + panel > 0))
    return 'weights must be non-negative numbers, not both zero';
  if (!(Number.isInteger(inputs.replicates) && inputs.replicates >= 0)) return 'replicates must be a whole number';
  if (!(inputs.level > 0 && inputs.level < 1)) return 'level must be between 0 and 1';
  if (!(Number.isInteger(inputs.selectionSize) && inputs.selectionSize >= 0))
    return 'selectionSize must be a whole number';
  return null;
}

/** The combined order of the candidates, best first. */
export function combineSelection(inputs: SelectionInputs): CombinedSelection {
  const problem = checkInputs(inputs);
  if (problem) throw new Error(problem);
  const ids = [...new Set(inputs.candidates)].sort();
  // The calibration's bootstrap draws residuals in the order of the reviews: put them in one canonical order, so
  // the result does not depend on how the reviews were listed (a verifier reads them from a published file).
  const reviews = [...inputs.reviews].sort((x, y) =>
    x.application === y.application ? cmp(x.reviewer, y.reviewer) : cmp(x.application, y.application),
  );
  const jury = fitJury(reviews, {
    criteria: inputs.juryCriteria,
    seed: inputs.seed,
    replicates: inputs.replicates,
    ridge: inputs.ridge,
  });
  const juryIndex = new Map(jury.ids.map((id, i) => [id, i]));

  // Each panelist's weighted score per application; opinions with a missing weighted criterion are left out.
  const panelScores = ids.map((): number[] => []);
  const panelRaw = ids.map((): Record<string, number>[] => []);
  const index = new Map(ids.map((id, i) => [id, i]));
  const opinions = [...inputs.opinions].sort((x, y) =>
    x.application === y.application ? cmp(x.panelist, y.panelist) : cmp(x.application, y.application),
  );
  for (const o of opinions) {
    const i = index.get(o.application);
    if (i === undefined) continue;
    const score = panelistScore(o.scores, inputs.panelCriteria);
    if (score === null) continue;
    panelScores[i].push(score);
    panelRaw[i].push(o.scores);
  }

  const juryPoint = ids.map((id) => {
    const j = juryIndex.get(id);
    return j === undefined ? null : normalise(jury.quality[j], inputs.juryScale);
  });
  const panelPoint = ids.map((_, i) =>
    panelScores[i].length > 0 ? normalise(mean(panelScores[i]), inputs.panelScale) : null,
  );
  const complete = ids.map(
    (_, i) =>
      (juryPoint[i] !== null || inputs.weights.jury === 0) && (panelPoint[i] !== null || inputs.weights.panel === 0),
  );
  const sortKey = (combined: (number | null)[]) =>
    // Complete rows first, then by score; a row with no score at all comes last.
    combined.map((c, i) => (c === null ? -2e9 : c + (complete[i] ? 1e6 : 0)));
  const point = ids.map((_, i) => combinedScore(juryPoint[i], panelPoint[i], inputs.weights));
  const all = [...ids.keys()];
  const order = orderIndices(all, sortKey(point), inputs.seed, ids);
  const rankOf = new Int32Array(ids.length);
  order.forEach((a, r) => (rankOf[a] = r + 1));

  const ranks = ids.map((): number[] => []);
  const random = seededRandom(hash32(`panel-bootstrap:${inputs.seed >>> 0}`));
  for (const quality of jury.replicates) {
    const replicate = ids.map((id, i) => {
      const j = juryIndex.get(id);
      const juryPart = j === undefined ? null : normalise(quality[j], inputs.juryScale);
      const scores = panelScores[i];
      let panelPart: number | null = null;
      if (scores.length > 0) {
        let sum = 0;
        for (let k = 0; k < scores.length; k++) sum += scores[Math.floor(random() * scores.length)];
        panelPart = normalise(sum / scores.length, inputs.panelScale);
      }
      return combinedScore(juryPart, panelPart, inputs.weights);
    });
    orderIndices(all, sortKey(replicate), inputs.seed, ids).forEach((a, r) => ranks[a].push(r + 1));
  }

  const rows = order.map((i): CombinedRow => {
    const id = ids[i];
    const j = juryIndex.get(id);
    const [rankLow, rankHigh] = rankInterval(rankOf[i], ranks[i], inputs.level);
    const means: Record<string, number> = {};
    for (const c of inputs.panelCriteria) {
      const values = panelRaw[i].map((s) => s[c.code]).filter((v): v is number => typeof v === 'number');
      if (values.length > 0) means[c.code] = mean(values);
    }
    return {
      application: id,
      jury:
        j === undefined
          ? null
          : {
              calibrated: jury.quality[j],
              normalised: juryPoint[i]!,
              reviews: jury.scoresOf[j].length,
              mean: mean(jury.scoresOf[j]),
            },
      panel:
        panelScores[i].length === 0
          ? null
          : {
              means,
              score: mean(panelScores[i]),
              normalised: panelPoint[i]!,
              panelists: panelScores[i].length,
              spread: standardDeviation(panelScores[i]),
            },
      combined: point[i],
      complete: complete[i],
      rank: rankOf[i],
      rankLow,
      rankHigh,
      crossesLine: rankLow <= inputs.selectionSize && rankHigh > inputs.selectionSize,
    };
  });
  return { rows };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
