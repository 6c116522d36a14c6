import type { DataSubject, ErasureContext, ErasureCounts } from '../../core/module.js';
import type { Services } from '../../core/services.js';
import { seasonNameColumn } from '../seasons/index.js';
import './tables.js';
import './scoring/tables.js';

/**
 * What the jury holds about a person, for their "my data" export (right of access): each season they were
 * a member of, with the profile staff and they set, the pairs they were assigned, their reviews with
 * scores and comments, the conflicts of interest recorded for them and their wishes (bids).
 */
export async function juryDataOf(services: Services, person: DataSubject) {
  const { db } = services;
  const memberships = await db
    .selectFrom('jury_members as j')
    .select([
      'j.id',
      seasonNameColumn('j.season_id').as('season'),
      'j.expertise',
      'j.topics',
      'j.min_load',
      'j.max_load',
      'j.siren',
      'j.invited_at',
      'j.removed_at',
    ])
    .where('j.user_id', '=', person.id)
    .orderBy('j.invited_at')
    .execute();
  const ids = memberships.map((m) => m.id);
  if (ids.length === 0) return { memberships: [], assignments: [], reviews: [], conflicts: [], bids: [] };
  const [assignments, reviews, conflicts, bids] = await Promise.all([
    db
      .selectFrom('review_assignments as a')
      .innerJoin('assignment_runs as r', 'r.id', 'a.run_id')
      .select(['a.member_id', 'a.application_id', 'a.run_id', 'a.origin', 'a.created_at', 'r.published_at'])
      .where('a.member_id', 'in', ids)
      .orderBy('a.created_at')
      .execute(),
    db
      .selectFrom('reviews')
      .select([
        'member_id',
        'application_id',
        'phase_id',
        'scores',
        'comments',
        'overall',
        'opinion',
        'confidence',
        'updated_at',
        'submitted_at',
      ])
      .where('member_id', 'in', ids)
      .orderBy('updated_at')
      .execute(),
    db
      .selectFrom('review_conflicts')
      .select(['member_id', 'application_id', 'source', 'reason', 'created_at'])
      .where('member_id', 'in', ids)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('review_bids')
      .select(['member_id', 'application_id', 'bid', 'updated_at'])
      .where('member_id', 'in', ids)
      .orderBy('updated_at')
      .execute(),
  ]);
  return {
    memberships: memberships.map((m) => ({
      memberId: m.id,
      season: m.season,
      expertise: m.expertise,
      topics: m.topics,
      minLoad: m.min_load,
      maxLoad: m.max_load,
      siren: m.siren,
      invitedAt: m.invited_at,
      removedAt: m.removed_at,
    })),
    assignments: assignments.map((a) => ({
      memberId: a.member_id,
      applicationId: a.application_id,
      runId: a.run_id,
      origin: a.origin,
      createdAt: a.created_at,
      publishedAt: a.published_at,
    })),
    reviews: reviews.map((r) => ({
      memberId: r.member_id,
      applicationId: r.application_id,
      phaseId: r.phase_id,
      scores: r.scores,
      comments: r.comments,
      overall: r.overall,
      opinion: r.opinion,
      confidence: r.confidence,
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
    })),
    conflicts: conflicts.map((c) => ({
      memberId: c.member_id,
      applicationId: c.application_id,
      source: c.source,
      reason: c.reason,
      createdAt: c.created_at,
    })),
    bids: bids.map((b) => ({
      memberId: b.member_id,
      applicationId: b.application_id,
      bid: b.bid,
      updatedAt: b.updated_at,
    })),
  };
}

/**
 * Erasure of a jury member: their reviews, conflicts, bids and assignments are the programme's records and
 * stay as they are, under the pseudonymous account, so the ranking does not move. What only described the
 * person (the expertise they wrote, their topics, their organisation's SIREN) goes: an erased member gets no
 * new work, and their detected conflicts are kept as found (conflicts.ts), so nothing needs it any more.
 */
export async function eraseJuryData({ trx }: ErasureContext, person: DataSubject): Promise<ErasureCounts> {
  const members = await trx
    .updateTable('jury_members')
    .set({ expertise: '', topics: [], siren: '' })
    .where('user_id', '=', person.id)
    .returning('id')
    .execute();
  const ids = members.map((m) => m.id);
  if (ids.length === 0) return { memberships: 0, reviews: 0, conflicts: 0, bids: 0, assignments: 0 };
  const count = async (table: 'reviews' | 'review_conflicts' | 'review_bids' | 'review_assignments') =>
    Number(
      (
        await trx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('member_id', 'in', ids)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    memberships: ids.length,
    reviews: await count('reviews'),
    conflicts: await count('review_conflicts'),
    bids: await count('review_bids'),
    assignments: await count('review_assignments'),
  };
}
