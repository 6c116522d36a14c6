import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Ranking, rankApplications } from '../../../algorithms/ranking/index.js';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import { applicationLabels, isInTheRunning } from '../../applications/index.js';
import { listMembers } from '../jury.js';
import { listSeasonReviewWork } from './queries.js';
import { loadRubric, type SeasonRubric } from './rubric.js';
import './tables.js';

export interface SeasonRanking {
  rubric: SeasonRubric;
  ranking: Ranking;
  /** False while no seed was recorded: the ranking then uses a seed derived from the season id. */
  seedRecorded: boolean;
  labels: Map<string, { title: string; trackCode: string; state: string }>;
  /** True when the rows are those of some tracks only (staff limited to them). */
  trackLimited: boolean;
  /** memberId → name, for the biases table (staff only). */
  reviewerNames: Map<string, string>;
  /** Assigned applications without any submitted review yet: not ranked. */
  unranked: string[];
  /** Reviewed applications no longer in the running (withdrawn, ineligible): not ranked, their reviews still calibrate. */
  outOfTheRunning: string[];
}

/** Until staff record one, a season's seed is read from its id: stable, and shown on the page. */
export function defaultSeed(seasonId: string): number {
  return Number.parseInt(seasonId.replace(/-/g, '').slice(0, 7), 16) || 0;
}

/**
 * The jury's ranking of a season from its submitted reviews: those of the published assignment and those
 * written without an assignment in a phase open to all. Staff limited to tracks see the rows of their
 * tracks only; the model is always fitted on every review.
 */
export async function seasonRanking(
  db: Kysely<DB>,
  seasonId: string,
  tracks?: readonly string[],
): Promise<SeasonRanking | null> {
  const rubric = await loadRubric(db, seasonId);
  if (!rubric) return null;
  const stored = await db
    .selectFrom('review_ranking_seeds')
    .select('seed')
    .where('season_id', '=', seasonId)
    .executeTakeFirst();
  const seed = stored ? Number(stored.seed) : defaultSeed(seasonId);
  const assignments = await listSeasonReviewWork(db, seasonId);
  const submitted = assignments.filter((a) => a.review?.submittedAt);
  const labels = await applicationLabels(
    db,
    assignments.map((a) => a.applicationId),
  );
  const inTheRunning = (id: string) => isInTheRunning(labels.get(id)?.state ?? '');
  // Every submitted review calibrates its reviewer, even on an application withdrawn since; only
  // the applications still in the running are ranked against the selection line.
  const ranking = rankApplications(
    submitted.map((a) => ({ application: a.applicationId, reviewer: a.memberId, scores: a.review!.scores })),
    {
      criteria: rubric.criteria,
      selectionSize: rubric.laureatesSought,
      seed,
      candidates: new Set([...labels.keys()].filter(inTheRunning)),
    },
  );
  const visible = (id: string) => !tracks || tracks.includes(labels.get(id)?.trackCode ?? '');
  ranking.applications = ranking.applications.filter((a) => visible(a.application));
  const ids = [...new Set(assignments.map((a) => a.applicationId))].filter(visible);
  const unranked = ids.filter((id) => inTheRunning(id) && !submitted.some((s) => s.applicationId === id));
  const outOfTheRunning = ids.filter((id) => !inTheRunning(id));
  if (tracks)
    ranking.biases = biasesOnTracks(
      ranking.biases,
      submitted.filter((a) => visible(a.applicationId)),
    );
  const reviewerNames = new Map((await listMembers(db, seasonId, { includeRemoved: true })).map((m) => [m.id, m.name]));
  return {
    rubric,
    ranking,
    seedRecorded: Boolean(stored),
    trackLimited: tracks !== undefined,
    labels,
    reviewerNames,
    unranked,
    outOfTheRunning,
  };
}

/**
 * The harshness table for staff limited to some tracks: only the members who reviewed those tracks'
 * applications, with the number of those reviews. The offset stays the one fitted on every review (it
 * is what calibrates the scores they see); who reviewed the other tracks, and how much, is not theirs.
 */
function biasesOnTracks(biases: Ranking['biases'], visibleReviews: readonly { memberId: string }[]): Ranking['biases'] {
  const counts = new Map<string, number>();
  for (const review of visibleReviews) counts.set(review.memberId, (counts.get(review.memberId) ?? 0) + 1);
  return biases.filter((b) => counts.has(b.reviewer)).map((b) => ({ ...b, reviews: counts.get(b.reviewer)! }));
}

/** Draws and records a new seed for the season's ranking (ties and bootstrap follow it); audited. */
export async function recordRankingSeed(
  services: Services,
  actor: Actor,
  input: { seasonId: string; userId: string },
): Promise<number | null> {
  const now = services.clock.now();
  const seed = randomInt(0, 2 ** 31 - 1);
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const rubric = await loadRubric(trx, input.seasonId);
    if (!rubric) return null;
    await trx
      .insertInto('review_ranking_seeds')
      .values({ season_id: input.seasonId, seed, recorded_at: now, recorded_by: input.userId })
      .onConflict((oc) => oc.column('season_id').doUpdateSet({ seed, recorded_at: now, recorded_by: input.userId }))
      .execute();
    await audit({ action: 'review.ranking_seed', subjectType: 'season', subjectId: input.seasonId, summary: { seed } });
    return seed;
  });
}

/** The ranking as CSV rows (header first); cells are neutralised by the caller's CSV writer. */
export function rankingRows(data: SeasonRanking): string[][] {
  const header = [
    'rang',
    'rang_min',
    'rang_max',
    'franchit_la_ligne',
    'candidature',
    'titre',
    'parcours',
    'evaluations',
    'moyenne',
    'mediane',
    'score_calibre',
    'graine',
  ];
  const rows = data.ranking.applications.map((a) => [
    String(a.rank),
    String(a.rankLow),
    String(a.rankHigh),
    a.crossesLine ? 'oui' : 'non',
    a.application,
    data.labels.get(a.application)?.title ?? '',
    data.labels.get(a.application)?.trackCode ?? '',
    String(a.reviews),
    a.mean.toFixed(3),
    a.median.toFixed(3),
    a.calibrated.toFixed(3),
    String(data.ranking.seed),
  ]);
  return [header, ...rows];
}
