import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { isUuid } from '../../applications/queries.js';
import { phaseRules, type PhaseRules, type ReviewPhase } from '../phases.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

export const OPINIONS = ['strong_accept', 'accept', 'reject', 'strong_reject'] as const;
export type Opinion = (typeof OPINIONS)[number];

export interface ReviewRecord {
  id: string;
  assignmentId: string;
  scores: Record<string, number>;
  comments: Record<string, string>;
  overall: string;
  opinion: Opinion | null;
  confidence: number | null;
  updatedAt: Date;
  submittedAt: Date | null;
}

export type ReviewState = 'todo' | 'draft' | 'submitted';

export function reviewState(review: Pick<ReviewRecord, 'submittedAt'> | null): ReviewState {
  return !review ? 'todo' : review.submittedAt ? 'submitted' : 'draft';
}

/** A reviewer's assignment in the latest published run of its season, with their review if any. */
export interface ReviewerAssignment {
  assignmentId: string;
  applicationId: string;
  seasonId: string;
  memberId: string;
  runId: string;
  review: ReviewRecord | null;
}

function jsonObject<T>(value: unknown): Record<string, T> {
  if (typeof value === 'string') {
    try {
      return jsonObject<T>(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {};
}

type ReviewRow = {
  review_id: string | null;
  assignment_id: string;
  scores: unknown;
  comments: unknown;
  overall: string | null;
  opinion: string | null;
  confidence: number | null;
  updated_at: Date | string | null;
  submitted_at: Date | string | null;
};

function toReview(row: ReviewRow): ReviewRecord | null {
  if (!row.review_id) return null;
  return {
    id: row.review_id,
    assignmentId: row.assignment_id,
    scores: jsonObject<number>(row.scores),
    comments: jsonObject<string>(row.comments),
    overall: row.overall ?? '',
    opinion: (OPINIONS as readonly string[]).includes(row.opinion ?? '') ? (row.opinion as Opinion) : null,
    confidence: row.confidence === null ? null : Number(row.confidence),
    updatedAt: new Date(row.updated_at!),
    submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
  };
}

/**
 * Assignments of the latest published run of each season, joined to their (optional) review. Removed
 * jury members and pairs with a conflict of interest (declared, recused, set by staff or detected) are
 * left out: a reviewer never reaches an application they conflict with.
 */
function publishedAssignments(db: Db) {
  return db
    .selectFrom('review_assignments as ra')
    .innerJoin('assignment_runs as run', 'run.id', 'ra.run_id')
    .innerJoin('jury_members as jm', 'jm.id', 'ra.member_id')
    .leftJoin('reviews as rv', 'rv.assignment_id', 'ra.id')
    .where('run.published_at', 'is not', null)
    .where(
      'run.id',
      '=',
      sql<string>`(select r2.id from assignment_runs r2 where r2.season_id = run.season_id and r2.published_at is not null order by r2.seq desc limit 1)`,
    )
    .where('jm.removed_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('review_conflicts as rc').select('rc.id').whereRef('rc.application_id', '=', 'ra.application_id').whereRef('rc.member_id', '=', 'ra.member_id'))),
    )
    .select([
      'ra.id as assignment_id',
      'ra.application_id',
      'ra.season_id',
      'ra.member_id',
      'ra.run_id',
      'jm.user_id',
      'rv.id as review_id',
      'rv.scores',
      'rv.comments',
      'rv.overall',
      'rv.opinion',
      'rv.confidence',
      'rv.updated_at',
      'rv.submitted_at',
    ]);
}

type AssignmentRow = ReviewRow & { application_id: string; season_id: string; member_id: string; run_id: string; user_id: string };

function toAssignment(row: AssignmentRow): ReviewerAssignment {
  return {
    assignmentId: row.assignment_id,
    applicationId: row.application_id,
    seasonId: row.season_id,
    memberId: row.member_id,
    runId: row.run_id,
    review: toReview(row),
  };
}

/** The signed-in reviewer's assignments in published runs. */
export async function listReviewerAssignments(db: Db, userId: string): Promise<ReviewerAssignment[]> {
  const rows = await publishedAssignments(db).where('jm.user_id', '=', userId).orderBy('ra.created_at').orderBy('ra.id').execute();
  return rows.map(toAssignment);
}

/** One assignment of this reviewer; null for anyone else's, an unpublished one, or a conflict. */
export async function loadReviewerAssignment(db: Db, userId: string, assignmentId: string): Promise<ReviewerAssignment | null> {
  if (!isUuid(assignmentId)) return null;
  const row = await publishedAssignments(db).where('jm.user_id', '=', userId).where('ra.id', '=', assignmentId).executeTakeFirst();
  return row ? toAssignment(row) : null;
}

/** Every published assignment of a season with its review: the staff dashboards and the ranking. */
export async function listSeasonAssignments(db: Db, seasonId: string): Promise<(ReviewerAssignment & { userId: string })[]> {
  if (!isUuid(seasonId)) return [];
  const rows = await publishedAssignments(db).where('ra.season_id', '=', seasonId).orderBy('ra.application_id').orderBy('ra.id').execute();
  return rows.map((row) => ({ ...toAssignment(row), userId: row.user_id }));
}

/** The other submitted reviews of an application in the same run (for a reviewer, when the phase allows). */
export async function listOtherSubmittedReviews(db: Db, assignment: ReviewerAssignment): Promise<ReviewRecord[]> {
  const rows = await publishedAssignments(db)
    .where('ra.run_id', '=', assignment.runId)
    .where('ra.application_id', '=', assignment.applicationId)
    .where('ra.id', '!=', assignment.assignmentId)
    .where('rv.submitted_at', 'is not', null)
    .orderBy('rv.submitted_at')
    .execute();
  return rows.map(toReview).filter((r): r is ReviewRecord => r !== null);
}

export interface PhaseRecord extends ReviewPhase {
  id: string;
  name: string;
  name_en: string;
  position: number;
}

/**
 * The phase that governs scoring at `now`: the open one (first by position), else the one that ended
 * last, else the next to come. Null when the season has no phase.
 */
export function governingPhase<P extends { starts_at: Date; ends_at: Date; position: number }>(phases: readonly P[], now: Date): P | null {
  const t = now.getTime();
  const open = phases.filter((p) => new Date(p.starts_at).getTime() <= t && t < new Date(p.ends_at).getTime()).sort((a, b) => a.position - b.position);
  if (open.length) return open[0];
  const ended = phases.filter((p) => new Date(p.ends_at).getTime() <= t).sort((a, b) => new Date(b.ends_at).getTime() - new Date(a.ends_at).getTime());
  if (ended.length) return ended[0];
  const upcoming = [...phases].sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime());
  return upcoming[0] ?? null;
}

export interface GoverningPhase {
  phase: PhaseRecord | null;
  rules: PhaseRules;
}

/** Without any phase nothing can be scored, nobody sees others' reviews, and identities stay hidden. */
const NO_PHASE: PhaseRules = { status: 'upcoming', canEdit: false, visibility: 'assigned', blind: true, canSeeOthersReviews: () => false };

export async function seasonPhases(db: Db, seasonId: string): Promise<PhaseRecord[]> {
  const rows = await db
    .selectFrom('review_phases')
    .select(['id', 'name', 'name_en', 'starts_at', 'ends_at', 'visibility', 'others_reviews', 'blind', 'editable_after_end', 'position'])
    .where('season_id', '=', seasonId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at), ends_at: new Date(r.ends_at) }));
}

export async function loadGoverningPhase(db: Db, seasonId: string, now: Date): Promise<GoverningPhase> {
  const phase = governingPhase(await seasonPhases(db, seasonId), now);
  return { phase, rules: phase ? phaseRules(phase, now) : NO_PHASE };
}
