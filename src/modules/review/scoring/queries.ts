import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import {
  type ApplicationForReview,
  listApplicationsForReview,
  listApplicationsForReviewByIds,
} from '../../applications/for-review.js';
import { applicationsOutOfTheRunning } from '../../applications/for-scoring.js';
import { detectConflicts } from '../conflicts.js';
import { type JuryMember, membershipsOfUser } from '../jury.js';
import { type PhaseRules, phaseRules, REVIEWED_STATES, type ReviewPhase } from '../phases.js';
import './tables.js';
import { isUuid } from '../../../core/ids.js';

type Db = Kysely<DB> | Transaction<DB>;

export const OPINIONS = ['strong_accept', 'accept', 'reject', 'strong_reject'] as const;
export type Opinion = (typeof OPINIONS)[number];

export interface ReviewRecord {
  id: string;
  /** The published pair the review was last written on; null for a review of an unassigned application. */
  assignmentId: string | null;
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

/**
 * What a reviewer may score: an application of their season, either assigned to them in the latest
 * published run (assignmentId set) or open to them because the governing phase's visibility is 'all'
 * (assignmentId null). Never an application they conflict with.
 */
export interface ReviewTarget {
  applicationId: string;
  seasonId: string;
  memberId: string;
  assignmentId: string | null;
  review: ReviewRecord | null;
}

/** A reviewer's assignment in the latest published run of its season, with their review if any. */
export interface ReviewerAssignment extends ReviewTarget {
  assignmentId: string;
  runId: string;
}

/** The reviewer's page of one target: by its assignment when there is one, else by its application. */
export function reviewPath(target: Pick<ReviewTarget, 'assignmentId' | 'applicationId'>): string {
  return target.assignmentId
    ? `/jury/evaluations/${target.assignmentId}`
    : `/jury/evaluations/candidatures/${target.applicationId}`;
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
  review_assignment_id: string | null;
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
    assignmentId: row.review_assignment_id,
    scores: jsonObject<number>(row.scores),
    comments: jsonObject<string>(row.comments),
    overall: row.overall ?? '',
    opinion: (OPINIONS as readonly string[]).includes(row.opinion ?? '') ? (row.opinion as Opinion) : null,
    confidence: row.confidence === null ? null : Number(row.confidence),
    updatedAt: new Date(row.updated_at!),
    submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
  };
}

const REVIEW_COLUMNS = [
  'rv.id as review_id',
  'rv.assignment_id as review_assignment_id',
  'rv.scores',
  'rv.comments',
  'rv.overall',
  'rv.opinion',
  'rv.confidence',
  'rv.updated_at',
  'rv.submitted_at',
] as const;

/**
 * Assignments of the latest published run of each season, joined to their member's (optional) review of
 * the application. Removed jury members and pairs with a conflict of interest (declared, recused, set by
 * staff or detected) are left out: a reviewer never reaches an application they conflict with.
 */
function publishedAssignments(db: Db) {
  return db
    .selectFrom('review_assignments as ra')
    .innerJoin('assignment_runs as run', 'run.id', 'ra.run_id')
    .innerJoin('jury_members as jm', 'jm.id', 'ra.member_id')
    .leftJoin('reviews as rv', (j) =>
      j.onRef('rv.member_id', '=', 'ra.member_id').onRef('rv.application_id', '=', 'ra.application_id'),
    )
    .where('run.published_at', 'is not', null)
    .where(
      'run.id',
      '=',
      sql<string>`(select r2.id from assignment_runs r2 where r2.season_id = run.season_id and r2.published_at is not null order by r2.seq desc limit 1)`,
    )
    .where('jm.removed_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('review_conflicts as rc')
            .select('rc.id')
            .whereRef('rc.application_id', '=', 'ra.application_id')
            .whereRef('rc.member_id', '=', 'ra.member_id'),
        ),
      ),
    )
    .select([
      'ra.id as assignment_id',
      'ra.application_id',
      'ra.season_id',
      'ra.member_id',
      'ra.run_id',
      'jm.user_id',
      ...REVIEW_COLUMNS,
    ]);
}

/** Reviews of active members of their season with no conflict of interest on the application: what counts. */
function countedReviews(db: Db) {
  return db
    .selectFrom('reviews as rv')
    .innerJoin('jury_members as jm', 'jm.id', 'rv.member_id')
    .where('jm.removed_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('review_conflicts as rc')
            .select('rc.id')
            .whereRef('rc.application_id', '=', 'rv.application_id')
            .whereRef('rc.member_id', '=', 'rv.member_id'),
        ),
      ),
    )
    .select(['rv.application_id', 'rv.member_id', 'jm.season_id', 'jm.user_id', ...REVIEW_COLUMNS]);
}

type AssignmentRow = ReviewRow & {
  assignment_id: string;
  application_id: string;
  season_id: string;
  member_id: string;
  run_id: string;
  user_id: string;
};

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

/**
 * The entries whose application is still in the running: a withdrawn or ineligible application is
 * no longer work for the jury (no list, no reminder, no progress line), though its submitted reviews
 * still calibrate the ranking.
 */
export async function inTheRunning<T extends { applicationId: string }>(db: Db, entries: T[]): Promise<T[]> {
  const out = await applicationsOutOfTheRunning(
    db,
    entries.map((e) => e.applicationId),
  );
  return out.size === 0 ? entries : entries.filter((e) => !out.has(e.applicationId));
}

/** The signed-in reviewer's assignments in published runs, on applications still in the running. */
export async function listReviewerAssignments(db: Db, userId: string): Promise<ReviewerAssignment[]> {
  const rows = await publishedAssignments(db)
    .where('jm.user_id', '=', userId)
    .orderBy('ra.created_at')
    .orderBy('ra.id')
    .execute();
  return inTheRunning(db, rows.map(toAssignment));
}

/** One assignment of this reviewer; null for anyone else's, an unpublished one, a conflict, or an application out of the running. */
export async function loadReviewerAssignment(
  db: Db,
  userId: string,
  assignmentId: string,
): Promise<ReviewerAssignment | null> {
  if (!isUuid(assignmentId)) return null;
  const row = await publishedAssignments(db)
    .where('jm.user_id', '=', userId)
    .where('ra.id', '=', assignmentId)
    .executeTakeFirst();
  return row ? ((await inTheRunning(db, [toAssignment(row)]))[0] ?? null) : null;
}

/**
 * Applications a member must never reach, among `applications`: every stored conflict (declared, recusal,
 * staff, detected), a 'conflict' bid, and what the detection rules find now, before staff refresh them.
 */
async function conflictedApplications(
  db: Db,
  member: JuryMember,
  applications: ApplicationForReview[],
): Promise<Set<string>> {
  const [stored, bids] = await Promise.all([
    db.selectFrom('review_conflicts').select('application_id').where('member_id', '=', member.id).execute(),
    db
      .selectFrom('review_bids')
      .select('application_id')
      .where('member_id', '=', member.id)
      .where('bid', '=', 'conflict')
      .execute(),
  ]);
  return new Set([
    ...stored.map((r) => r.application_id),
    ...bids.map((r) => r.application_id),
    ...detectConflicts(applications, [member]).map((c) => c.applicationId),
  ]);
}

/**
 * What an 'all' phase opens to a member beyond their assignments: every application of the season in the
 * reviewed states (eligible, in review) they do not conflict with (only among `ids` when given, to open or
 * save one). Nothing when the governing phase's visibility is 'assigned' (or there is no phase).
 */
async function openApplications(
  db: Db,
  member: JuryMember,
  now: Date,
  ids?: readonly string[],
): Promise<ApplicationForReview[]> {
  const { rules } = await loadGoverningPhase(db, member.seasonId, now);
  if (rules.visibility !== 'all') return [];
  const applications = ids
    ? await listApplicationsForReviewByIds(db, member.seasonId, REVIEWED_STATES, ids)
    : await listApplicationsForReview(db, member.seasonId, REVIEWED_STATES);
  const blocked = await conflictedApplications(db, member, applications);
  return applications.filter((a) => !blocked.has(a.id));
}

async function memberReviews(
  db: Db,
  memberId: string,
  applicationIds: readonly string[],
): Promise<Map<string, ReviewRecord>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reviews as rv')
    .select(['rv.application_id', ...REVIEW_COLUMNS])
    .where('rv.member_id', '=', memberId)
    .where('rv.application_id', 'in', [...applicationIds])
    .execute();
  return new Map(rows.map((r) => [r.application_id, toReview(r)!]));
}

/**
 * Everything the signed-in reviewer may score: their published assignments first (in assignment order),
 * then, in seasons whose governing phase is open to all, the other applications they do not conflict with
 * (by title).
 */
export async function listReviewerTargets(db: Db, userId: string, now: Date): Promise<ReviewTarget[]> {
  const assigned = await listReviewerAssignments(db, userId);
  const targets: ReviewTarget[] = [...assigned];
  for (const member of await membershipsOfUser(db, userId)) {
    const open = await openApplications(db, member, now);
    const have = new Set(assigned.filter((a) => a.memberId === member.id).map((a) => a.applicationId));
    const extra = open.filter((a) => !have.has(a.id));
    const reviews = await memberReviews(
      db,
      member.id,
      extra.map((a) => a.id),
    );
    for (const a of extra)
      targets.push({
        applicationId: a.id,
        seasonId: member.seasonId,
        memberId: member.id,
        assignmentId: null,
        review: reviews.get(a.id) ?? null,
      });
  }
  return targets;
}

/**
 * One application the reviewer may score: their published assignment of it, else the application when
 * an 'all' phase opens it to them. Null for a conflict, another season, a state outside the review, or
 * an 'assigned' phase without an assignment.
 */
export async function loadReviewTarget(
  db: Db,
  userId: string,
  applicationId: string,
  now: Date,
): Promise<ReviewTarget | null> {
  if (!isUuid(applicationId)) return null;
  const row = await publishedAssignments(db)
    .where('jm.user_id', '=', userId)
    .where('ra.application_id', '=', applicationId)
    .orderBy('ra.id')
    .executeTakeFirst();
  if (row) return (await inTheRunning(db, [toAssignment(row)]))[0] ?? null;
  for (const member of await membershipsOfUser(db, userId)) {
    if ((await openApplications(db, member, now, [applicationId])).length === 0) continue;
    const review = (await memberReviews(db, member.id, [applicationId])).get(applicationId) ?? null;
    return { applicationId, seasonId: member.seasonId, memberId: member.id, assignmentId: null, review };
  }
  return null;
}

/** Every published assignment of a season with its review (the demo reviews these). */
export async function listSeasonAssignments(
  db: Db,
  seasonId: string,
): Promise<(ReviewerAssignment & { userId: string })[]> {
  if (!isUuid(seasonId)) return [];
  const rows = await publishedAssignments(db)
    .where('ra.season_id', '=', seasonId)
    .orderBy('ra.application_id')
    .orderBy('ra.id')
    .execute();
  return rows.map((row) => ({ ...toAssignment(row), userId: row.user_id }));
}

/** One line of a season's review work: a published assignment (reviewed or not), or a review written without one. */
export interface SeasonReviewEntry extends ReviewTarget {
  userId: string;
}

/**
 * A season's review work for staff progress, reminders and the ranking: every published assignment with
 * its review, and every review written without an assignment (a phase open to all), by active members
 * without a conflict of interest.
 */
export async function listSeasonReviewWork(db: Db, seasonId: string): Promise<SeasonReviewEntry[]> {
  if (!isUuid(seasonId)) return [];
  const assigned = await listSeasonAssignments(db, seasonId);
  const pairs = new Set(assigned.map((a) => `${a.applicationId}|${a.memberId}`));
  const reviews = await countedReviews(db)
    .where('jm.season_id', '=', seasonId)
    .orderBy('rv.application_id')
    .orderBy('rv.id')
    .execute();
  const unassigned = reviews
    .filter((r) => !pairs.has(`${r.application_id}|${r.member_id}`))
    .map((r) => ({
      applicationId: r.application_id,
      seasonId: r.season_id,
      memberId: r.member_id,
      userId: r.user_id,
      assignmentId: null,
      review: toReview(r),
    }));
  return [...assigned, ...unassigned];
}

/** The other submitted reviews of an application in its season (for a reviewer, when the phase allows). */
export async function listOtherSubmittedReviews(db: Db, target: ReviewTarget): Promise<ReviewRecord[]> {
  const rows = await countedReviews(db)
    .where('jm.season_id', '=', target.seasonId)
    .where('rv.application_id', '=', target.applicationId)
    .where('rv.member_id', '!=', target.memberId)
    .where('rv.submitted_at', 'is not', null)
    .orderBy('rv.submitted_at')
    .orderBy('rv.id')
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
export function governingPhase<P extends { starts_at: Date; ends_at: Date; position: number }>(
  phases: readonly P[],
  now: Date,
): P | null {
  const t = now.getTime();
  const open = phases
    .filter((p) => new Date(p.starts_at).getTime() <= t && t < new Date(p.ends_at).getTime())
    .sort((a, b) => a.position - b.position);
  if (open.length) return open[0];
  const ended = phases
    .filter((p) => new Date(p.ends_at).getTime() <= t)
    .sort((a, b) => new Date(b.ends_at).getTime() - new Date(a.ends_at).getTime());
  if (ended.length) return ended[0];
  const upcoming = [...phases].sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime());
  return upcoming[0] ?? null;
}

export interface GoverningPhase {
  phase: PhaseRecord | null;
  rules: PhaseRules;
}

/** Without any phase nothing can be scored, nobody sees others' reviews, and identities stay hidden. */
const NO_PHASE: PhaseRules = {
  status: 'upcoming',
  canEdit: false,
  visibility: 'assigned',
  blind: true,
  canSeeOthersReviews: () => false,
};

export async function seasonPhases(db: Db, seasonId: string): Promise<PhaseRecord[]> {
  const rows = await db
    .selectFrom('review_phases')
    .select([
      'id',
      'name',
      'name_en',
      'starts_at',
      'ends_at',
      'visibility',
      'others_reviews',
      'blind',
      'editable_after_end',
      'position',
    ])
    .where('season_id', '=', seasonId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at), ends_at: new Date(r.ends_at) }));
}

export async function loadGoverningPhase(db: Db, seasonId: string, now: Date): Promise<GoverningPhase> {
  const phase = governingPhase(await seasonPhases(db, seasonId), now);
  return { phase, rules: phase ? phaseRules(phase, now) : NO_PHASE };
}
