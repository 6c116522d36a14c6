import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { listConflicts } from './conflicts.js';
import { listMembers } from './jury.js';
import { listSeasonReviewWork } from './scoring/queries.js';
import { loadRubric } from './scoring/rubric.js';
import { RUBRIC_LEVELS } from './scoring/rubric-defaults.js';
import { defaultSeed } from './scoring/season-ranking.js';
import './scoring/tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What the jury brings to a season's deliberation: the rubric's weights, the submitted reviews, members and conflicts. */
export interface JuryForDeliberation {
  criteria: { code: string; label: string; labelEn: string; weight: number }[];
  /** The scale of the jury's levels. */
  scale: { min: number; max: number };
  laureatesSought: number;
  /** The ranking's recorded seed, else the one derived from the season id (as the ranking page shows). */
  seed: number;
  reviews: { application: string; reviewer: string; scores: Record<string, number> }[];
  /** Every member ever invited (removed ones too: their reviews still count), with their organisation's SIREN. */
  members: { id: string; userId: string; name: string; siren: string; erased: boolean; removed: boolean }[];
  /** Declared and detected conflicts of interest (member × application). */
  conflicts: { memberId: string; applicationId: string; source: string }[];
  /** Submitted comments per application, without the reviewer (for an anonymised notice). */
  comments: { application: string; comment: string }[];
}

/** The jury's side of a deliberation; null when the season does not exist. Read-only. */
export async function juryForDeliberation(db: Db, seasonId: string): Promise<JuryForDeliberation | null> {
  const rubric = await loadRubric(db, seasonId);
  if (!rubric) return null;
  const stored = await db
    .selectFrom('review_ranking_seeds')
    .select('seed')
    .where('season_id', '=', seasonId)
    .executeTakeFirst();
  const work = (await listSeasonReviewWork(db, seasonId)).filter((w) => w.review?.submittedAt);
  const members = await listMembers(db, seasonId, { includeRemoved: true });
  const conflicts = await listConflicts(db, seasonId);
  return {
    criteria: rubric.criteria.map((c) => ({ code: c.code, label: c.label, labelEn: c.labelEn, weight: c.weight })),
    scale: { min: RUBRIC_LEVELS[0], max: RUBRIC_LEVELS[RUBRIC_LEVELS.length - 1] },
    laureatesSought: rubric.laureatesSought,
    seed: stored ? Number(stored.seed) : defaultSeed(seasonId),
    reviews: work.map((w) => ({ application: w.applicationId, reviewer: w.memberId, scores: w.review!.scores })),
    members: members.map((m) => ({
      id: m.id,
      userId: m.userId,
      name: m.name,
      siren: m.siren,
      erased: m.erased,
      removed: m.removedAt !== null,
    })),
    conflicts: conflicts.map((c) => ({ memberId: c.memberId, applicationId: c.applicationId, source: c.source })),
    comments: work.flatMap((w) =>
      [w.review!.overall, ...Object.values(w.review!.comments)]
        .map((text) => text.trim())
        .filter((text) => text !== '')
        .map((comment) => ({ application: w.applicationId, comment })),
    ),
  };
}
