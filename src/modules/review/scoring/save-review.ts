import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import {
  loadGoverningPhase,
  loadReviewerAssignment,
  loadReviewTarget,
  type ReviewRecord,
  reviewState,
} from './queries.js';
import { scheduleReviewReminders } from './reminders.js';

/** What a reviewer sends: their scores (criterion code → level 0–5, checked by the form reader) and texts. */
export interface ReviewInput extends Pick<ReviewRecord, 'scores' | 'comments' | 'overall' | 'opinion' | 'confidence'> {
  userId: string;
  /** The review is reached by its assignment, or (an unassigned application in a phase open to all) by its application. */
  assignmentId?: string;
  applicationId?: string;
  /** Submit (final) rather than save a draft. A submitted review stays submitted when changed. */
  submit: boolean;
}

export type SaveReviewResult =
  | { ok: true; submitted: boolean; reviewId: string }
  | { ok: false; problem: 'not_found' | 'closed' | 'incomplete' };

/**
 * Saves a reviewer's draft or submits their review, in one audited transaction. What they review is read
 * again inside it (their published assignment, or an application an 'all' phase opens to them; never a
 * conflict) and the phase must allow editing at this moment. One review per member and application.
 * A submitted review, when the phase still allows changes, can only be submitted again (complete).
 */
export async function saveReview(
  services: Services,
  actor: Actor,
  input: ReviewInput,
  criteria: readonly string[],
): Promise<SaveReviewResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const assignment = input.assignmentId
      ? await loadReviewerAssignment(trx, input.userId, input.assignmentId)
      : input.applicationId
        ? await loadReviewTarget(trx, input.userId, input.applicationId, now)
        : null;
    if (!assignment) return { ok: false, problem: 'not_found' } as const;
    const { phase, rules } = await loadGoverningPhase(trx, assignment.seasonId, now);
    if (!phase || !rules.canEdit) return { ok: false, problem: 'closed' } as const;
    const final = input.submit || reviewState(assignment.review) === 'submitted';
    if (final && (criteria.some((c) => typeof input.scores[c] !== 'number') || !input.opinion || !input.confidence)) {
      return { ok: false, problem: 'incomplete' } as const;
    }
    const values = {
      phase_id: phase.id,
      scores: JSON.stringify(input.scores),
      comments: JSON.stringify(input.comments),
      overall: input.overall,
      opinion: input.opinion,
      confidence: input.confidence,
      updated_at: now,
      submitted_at: final ? (assignment.review?.submittedAt ?? now) : null,
    };
    const row = await trx
      .insertInto('reviews')
      .values({
        member_id: assignment.memberId,
        application_id: assignment.applicationId,
        assignment_id: assignment.assignmentId,
        ...values,
      })
      .onConflict((oc) =>
        oc.columns(['member_id', 'application_id']).doUpdateSet({ ...values, assignment_id: assignment.assignmentId }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!final) await scheduleReviewReminders(trx, { id: phase.id, endsAt: phase.ends_at }, now);
    await audit({
      action: final ? (assignment.review?.submittedAt ? 'review.resubmit' : 'review.submit') : 'review.save_draft',
      subjectType: 'review',
      subjectId: row.id,
      summary: {
        assignment: assignment.assignmentId,
        assigned: assignment.assignmentId !== null,
        application: assignment.applicationId,
        criteria: Object.keys(input.scores).length,
      },
    });
    return { ok: true, submitted: final, reviewId: row.id } as const;
  });
}
