import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Pair } from '../../algorithms/assignment/index.js';
import { assignById, type Bid, computeAffinities } from '../../algorithms/assignment/index.js';
import { highsRuntime } from '../../algorithms/highs.js';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import { UUID_PATTERN } from '../../core/ids.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import {
  type ApplicationForReview,
  listApplicationsForReview,
  listApplicationsForReviewByIds,
  moveApplicationsToReview,
} from '../applications/index.js';
import { type ConflictRow, listBids, listConflicts, refreshDetectedConflicts } from './conflicts.js';
import { type JuryMember, listMembers } from './jury.js';
import { ASSIGNMENT_PUBLISHED_MAIL } from './mails.js';
import { REVIEWED_STATES } from './phases.js';
import { scheduleReviewReminders } from './scoring/reminders.js';
import type { AssignmentRunsTable } from './tables.js';

/** Every id inside an engine's explanation (the shared pattern without its anchors). */
const UUIDS_IN_TEXT = new RegExp(UUID_PATTERN.slice(1, -1), 'g');

type Db = Kysely<DB> | Transaction<DB>;
export type RunRow = Selectable<AssignmentRunsTable>;

export { REVIEWED_STATES } from './phases.js';

export interface AssignedPair {
  id: string;
  applicationId: string;
  memberId: string;
  origin: 'engine' | 'manual';
  affinity: number;
  reviewed: boolean;
}

export async function latestRun(db: Db, seasonId: string): Promise<RunRow | undefined> {
  return db
    .selectFrom('assignment_runs')
    .selectAll()
    .where('season_id', '=', seasonId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The latest published run of a season: what reviewers work on (and what the scoring pages read). */
export async function latestPublishedRun(db: Db, seasonId: string): Promise<RunRow | undefined> {
  return db
    .selectFrom('assignment_runs')
    .selectAll()
    .where('season_id', '=', seasonId)
    .where('published_at', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function runPairs(db: Db, runId: string): Promise<AssignedPair[]> {
  const rows = await db
    .selectFrom('review_assignments as a')
    .leftJoin('reviews as r', (j) =>
      j.onRef('r.member_id', '=', 'a.member_id').onRef('r.application_id', '=', 'a.application_id'),
    )
    .select(['a.id', 'a.application_id', 'a.member_id', 'a.origin', 'a.affinity', 'r.id as review_id'])
    .where('a.run_id', '=', runId)
    .orderBy('a.application_id')
    .orderBy('a.member_id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    memberId: r.member_id,
    origin: r.origin,
    affinity: r.affinity,
    reviewed: r.review_id !== null,
  }));
}

/**
 * The published assignments of a reviewer (member) in the season's current published run: the
 * applications they review. The scoring pages use this.
 */
export async function publishedAssignmentsOf(db: Db, seasonId: string, memberId: string): Promise<AssignedPair[]> {
  const run = await latestPublishedRun(db, seasonId);
  if (!run) return [];
  return (await runPairs(db, run.id)).filter((p) => p.memberId === memberId);
}

/**
 * Pairs of any run of the season whose member reviewed the application: a new run must keep them. A review
 * written without an assignment (a phase open to all) does not force its pair into a run.
 */
async function reviewedPairs(db: Db, seasonId: string): Promise<Pair[]> {
  const rows = await db
    .selectFrom('review_assignments as a')
    .innerJoin('reviews as r', (j) =>
      j.onRef('r.member_id', '=', 'a.member_id').onRef('r.application_id', '=', 'a.application_id'),
    )
    .select(['a.application_id', 'a.member_id'])
    .distinct()
    .where('a.season_id', '=', seasonId)
    .execute();
  return rows.map((r) => ({ application: r.application_id, reviewer: r.member_id }));
}

const key = (application: string, reviewer: string) => `${application}|${reviewer}`;

function toBid(bid: string): Bid {
  return bid === 'not_willing' ? 'not-willing' : (bid as Bid);
}

export interface AssignmentInputs {
  applications: ApplicationForReview[];
  members: JuryMember[];
  conflicts: ConflictRow[];
}

/** What the assignment page and a run start from; detected conflicts are refreshed first. */
export async function assignmentInputs(services: Services, actor: Actor, seasonId: string): Promise<AssignmentInputs> {
  const applications = await listApplicationsForReview(services.db, seasonId, REVIEWED_STATES);
  const members = await listMembers(services.db, seasonId);
  await refreshDetectedConflicts(services, actor, seasonId, applications, members);
  return { applications, members, conflicts: await listConflicts(services.db, seasonId) };
}

/** The affinity of every (application, member) pair from expertise, topics and bids (affinity.ts). */
async function affinitiesFor(db: Db, seasonId: string, applications: ApplicationForReview[], members: JuryMember[]) {
  const bids = (await listBids(db, seasonId)).map((b) => ({
    application: b.applicationId,
    reviewer: b.memberId,
    bid: toBid(b.bid),
  }));
  return computeAffinities(
    applications.map((a) => ({ id: a.id, text: a.text, topics: a.topics })),
    members.map((m) => ({ id: m.id, expertise: m.expertise, topics: m.topics })),
    bids,
  );
}

export type RunOutcome =
  | { ok: true; runId: string }
  | { ok: false; problem: 'nothing_to_assign' }
  | { ok: false; problem: 'infeasible'; explanations: Array<{ fr: string; en: string }> };

/**
 * Runs the engine on the season's eligible (or in review) applications and active members, with every
 * conflict excluded and forced pairs kept: the manual pairs of the latest run and every pair that already has
 * a review. Stores the run and its pairs; an impossible instance stores nothing and says why.
 * `requireTopics`: every topic of an application (its track and choices, `ApplicationForReview.topics`) must
 * be covered by at least one assigned member declaring it (`jury_members.topics`); off unless asked (no page
 * offers it yet).
 */
export async function runAssignment(
  services: Services,
  actor: Actor,
  input: { seasonId: string; perApplication: number; fair: boolean; requireTopics?: boolean },
): Promise<RunOutcome> {
  const { db } = services;
  const { applications, members, conflicts } = await assignmentInputs(services, actor, input.seasonId);
  if (applications.length === 0 || members.length === 0) return { ok: false, problem: 'nothing_to_assign' };
  const appIds = new Set(applications.map((a) => a.id));
  const memberIds = new Set(members.map((m) => m.id));
  const inScope = (p: Pair) => appIds.has(p.application) && memberIds.has(p.reviewer);
  const previous = await latestRun(db, input.seasonId);
  // A member who erased their account keeps the pairs they reviewed (their reviews still count) and gets no other.
  const erased = new Set(members.filter((m) => m.erased).map((m) => m.id));
  const manual = previous
    ? (await runPairs(db, previous.id))
        .filter((p) => p.origin === 'manual' && !erased.has(p.memberId))
        .map((p) => ({ application: p.applicationId, reviewer: p.memberId }))
    : [];
  const reviewed = await reviewedPairs(db, input.seasonId);
  const forcedKeys = new Set<string>();
  const forced: Pair[] = [];
  for (const p of [...manual, ...reviewed].filter(inScope)) {
    if (forcedKeys.has(key(p.application, p.reviewer))) continue;
    forcedKeys.add(key(p.application, p.reviewer));
    forced.push(p);
  }
  const { affinities, conflicts: bidConflicts } = await affinitiesFor(db, input.seasonId, applications, members);
  const allConflicts = [
    ...conflicts.map((c) => ({ application: c.applicationId, reviewer: c.memberId })),
    ...bidConflicts,
  ].filter(inScope);
  const result = assignById({
    affinities,
    conflicts: allConflicts,
    forced,
    applications: applications.map((a) => a.id),
    reviewers: members.map((m) => m.id),
    perApplication: input.perApplication,
    minLoad: Object.fromEntries(members.map((m) => [m.id, m.erased ? 0 : m.minLoad])),
    maxLoad: Object.fromEntries(
      members.map((m) => [m.id, m.erased ? forced.filter((p) => p.reviewer === m.id).length : m.maxLoad]),
    ),
    fair: input.fair,
    ...(input.requireTopics
      ? {
          requiredTopics: Object.fromEntries(applications.map((a) => [a.id, a.topics])),
          reviewerExpertise: Object.fromEntries(members.map((m) => [m.id, m.topics])),
          highs: applications.some((a) => a.topics.length > 1) ? await highsRuntime() : undefined,
        }
      : {}),
  });
  if (!result.feasible) {
    // The engine names applications and reviewers by id: show titles and emails instead.
    const labels = new Map<string, string>([
      ...applications.map((a) => [a.id, `« ${a.title || a.id} »`] as const),
      ...members.map((m) => [m.id, m.email] as const),
    ]);
    const relabel = (text: string) => text.replace(UUIDS_IN_TEXT, (id) => labels.get(id) ?? id);
    return {
      ok: false,
      problem: 'infeasible',
      explanations: result.explanations.map((e) => ({ fr: relabel(e.fr), en: relabel(e.en) })),
    };
  }
  const score = new Map(affinities.map((a) => [key(a.application, a.reviewer), a.score]));
  const now = services.clock.now();
  const runId = await auditedTransaction(db, actor, now, async (trx, audit) => {
    const run = await trx
      .insertInto('assignment_runs')
      .values({
        season_id: input.seasonId,
        per_application: input.perApplication,
        fair: input.fair,
        total_affinity: result.totalAffinity,
        min_application_affinity: result.minApplicationAffinity,
        optimal: result.optimal,
        seconds: result.seconds,
        created_at: now,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (result.assignments.length > 0) {
      await trx
        .insertInto('review_assignments')
        .values(
          result.assignments.map((p) => ({
            run_id: run.id,
            season_id: input.seasonId,
            application_id: p.application,
            member_id: p.reviewer,
            origin: forcedKeys.has(key(p.application, p.reviewer)) ? ('manual' as const) : ('engine' as const),
            affinity: score.get(key(p.application, p.reviewer)) ?? 0,
            created_at: now,
          })),
        )
        .execute();
    }
    await audit({
      action: 'review.assignment-run',
      subjectType: 'assignment_run',
      subjectId: run.id,
      summary: {
        season: input.seasonId,
        perApplication: input.perApplication,
        fair: input.fair,
        pairs: result.assignments.length,
        forced: forced.length,
        totalAffinity: result.totalAffinity,
        optimal: result.optimal,
      },
    });
    return run.id;
  });
  return { ok: true, runId };
}

export type PairChange =
  | { ok: true }
  | { ok: false; problem: 'no_run' | 'conflict' | 'exists' | 'reviewed' | 'not_found' };

/** Adds a pair by hand to the latest run (origin 'manual': forced in every re-solve). */
export async function addManualPair(
  services: Services,
  actor: Actor,
  input: { seasonId: string; applicationId: string; memberId: string },
): Promise<PairChange> {
  const { db } = services;
  const applications = await listApplicationsForReviewByIds(db, input.seasonId, REVIEWED_STATES, [input.applicationId]);
  const members = (await listMembers(db, input.seasonId)).filter((m) => m.id === input.memberId && !m.erased);
  if (applications.length === 0 || members.length === 0) return { ok: false, problem: 'not_found' };
  const conflicts = await listConflicts(db, input.seasonId);
  const { affinities, conflicts: bidConflicts } = await affinitiesFor(db, input.seasonId, applications, members);
  if (
    bidConflicts.length > 0 ||
    conflicts.some((c) => c.applicationId === input.applicationId && c.memberId === input.memberId)
  )
    return { ok: false, problem: 'conflict' };
  const now = services.clock.now();
  return auditedTransaction(db, actor, now, async (trx, audit): Promise<PairChange> => {
    const run = await trx
      .selectFrom('assignment_runs')
      .select('id')
      .where('season_id', '=', input.seasonId)
      .orderBy('seq', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!run) return { ok: false, problem: 'no_run' };
    const inserted = await trx
      .insertInto('review_assignments')
      .values({
        run_id: run.id,
        season_id: input.seasonId,
        application_id: input.applicationId,
        member_id: input.memberId,
        origin: 'manual',
        affinity: affinities[0]?.score ?? 0,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['run_id', 'application_id', 'member_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { ok: false, problem: 'exists' };
    await audit({
      action: 'review.pair-added',
      subjectType: 'review_assignment',
      subjectId: inserted.id,
      summary: { run: run.id, application: input.applicationId, member: input.memberId },
    });
    return { ok: true };
  });
}

/** The application of one pair of the season (any run); null when there is no such pair. */
export async function applicationOfPair(db: Db, seasonId: string, assignmentId: string): Promise<string | null> {
  const row = await db
    .selectFrom('review_assignments')
    .select('application_id')
    .where('id', '=', assignmentId)
    .where('season_id', '=', seasonId)
    .executeTakeFirst();
  return row?.application_id ?? null;
}

/** Removes a pair from the latest run by hand; a pair that already has a review stays. */
export async function removePair(
  services: Services,
  actor: Actor,
  input: { seasonId: string; assignmentId: string },
): Promise<PairChange> {
  return auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit): Promise<PairChange> => {
    const run = await trx
      .selectFrom('assignment_runs')
      .select('id')
      .where('season_id', '=', input.seasonId)
      .orderBy('seq', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!run) return { ok: false, problem: 'no_run' };
    const pair = await trx
      .selectFrom('review_assignments')
      .select(['id', 'application_id', 'member_id'])
      .where('id', '=', input.assignmentId)
      .where('run_id', '=', run.id)
      .executeTakeFirst();
    if (!pair) return { ok: false, problem: 'not_found' };
    const review = await trx
      .selectFrom('reviews')
      .select('id')
      .where('member_id', '=', pair.member_id)
      .where('application_id', '=', pair.application_id)
      .executeTakeFirst();
    if (review) return { ok: false, problem: 'reviewed' };
    await trx.deleteFrom('review_assignments').where('id', '=', pair.id).execute();
    await audit({
      action: 'review.pair-removed',
      subjectType: 'review_assignment',
      subjectId: pair.id,
      summary: { run: run.id, application: pair.application_id, member: pair.member_id },
    });
    return { ok: true };
  });
}

export type PublishOutcome = { ok: true; notified: number } | { ok: false; problem: 'no_run' | 'already_published' };

/**
 * Publishes the latest run: marks it published, carries the existing reviews over to its pairs, moves its
 * applications to `in_review`, and mails each reviewer their list, all in one transaction.
 */
export async function publishAssignment(
  services: Services,
  actor: Actor,
  input: { seasonId: string; seasonName: string },
): Promise<PublishOutcome> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<PublishOutcome> => {
    const run = await trx
      .selectFrom('assignment_runs')
      .select(['id', 'published_at'])
      .where('season_id', '=', input.seasonId)
      .orderBy('seq', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!run) return { ok: false, problem: 'no_run' };
    if (run.published_at) return { ok: false, problem: 'already_published' };
    await trx.updateTable('assignment_runs').set({ published_at: now }).where('id', '=', run.id).execute();
    const pairs = await runPairs(trx, run.id);
    // A review belongs to its member and application; it now names this run's pair when there is one.
    await sql`update reviews r set assignment_id = a.id from review_assignments a
      where a.run_id = ${run.id} and a.member_id = r.member_id and a.application_id = r.application_id`.execute(trx);
    const applicationIds = [...new Set(pairs.map((p) => p.applicationId))];
    const moved = await moveApplicationsToReview(
      trx,
      applicationIds,
      actor.id,
      now,
      'Affectation du jury publiée / Jury assignment published',
      services,
    );
    const applications = new Map(
      (await listApplicationsForReviewByIds(trx, input.seasonId, REVIEWED_STATES, applicationIds)).map((a) => [
        a.id,
        a,
      ]),
    );
    const members = await listMembers(trx, input.seasonId);
    const link = new URL('/jury/evaluations', services.config.baseUrl).toString();
    // The season's phases that have not ended remind their reviewers before the end.
    const phases = await trx
      .selectFrom('review_phases')
      .select(['id', 'ends_at'])
      .where('season_id', '=', input.seasonId)
      .where('ends_at', '>', now)
      .execute();
    for (const phase of phases) await scheduleReviewReminders(trx, { id: phase.id, endsAt: phase.ends_at }, now);
    let notified = 0;
    for (const member of members) {
      const titles = pairs
        .filter((p) => p.memberId === member.id)
        .map((p) => applications.get(p.applicationId)?.title ?? '');
      if (titles.length === 0 || member.erased) continue;
      await queueMail(
        trx,
        {
          to: member.email,
          template: ASSIGNMENT_PUBLISHED_MAIL,
          locale: member.locale,
          data: { season: input.seasonName, titles: titles.join('\n'), link },
        },
        now,
      );
      notified++;
    }
    await audit({
      action: 'review.assignment-published',
      subjectType: 'assignment_run',
      subjectId: run.id,
      summary: { pairs: pairs.length, movedToReview: moved.length, notified },
    });
    return { ok: true, notified };
  });
}
