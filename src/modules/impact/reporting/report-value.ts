import type { Transaction } from 'kysely';
import { type Actor, type AuditRecorder, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { DB } from '../../../core/db/schema.js';
import { displayFileName, storeFile } from '../../../core/files/store-file.js';
import { lockSubmissionKey } from '../../../core/http/submission-keys.js';
import type { Services } from '../../../core/services.js';
import type { ValueState } from '../tables.js';
import { checkEvidence, type FileProblem } from './files.js';
import { nextState } from './value-cycle.js';

/** A value as a form gives it; `value` is canonical decimal text (numbers.ts). */
export interface ValueInput {
  periodStart: string;
  periodEnd: string;
  value: string;
  source: string;
  comment: string;
}

export interface Evidence {
  data: Buffer;
  name: string;
}

export type ReportResult =
  | { ok: true; id: string; state: ValueState }
  | { ok: false; problem: 'not_found' | 'stale' | 'illegal'; state?: ValueState }
  | { ok: false; problem: FileProblem };

async function storeEvidence(
  trx: Transaction<DB>,
  services: Services,
  actor: Actor,
  evidence: Evidence,
  contentType: string,
): Promise<string> {
  const file = await storeFile(trx, services.config.filesDir, {
    data: evidence.data,
    originalName: displayFileName(evidence.name),
    ownerId: actor.id,
    contentType,
    purpose: 'impact',
  });
  return file.id;
}

/**
 * Makes `id` the one approved value of its indicator and period end, in the caller's transaction: an earlier
 * approved value of the same period is removed (its figures kept in the audit event), since a correction
 * replaces what counted. The unique index impact_values_one_approved guarantees there is never two.
 */
export async function approveReplacing(
  trx: Transaction<DB>,
  audit: AuditRecorder,
  value: { id: string; indicatorId: string; periodEnd: string },
): Promise<void> {
  const earlier = await trx
    .selectFrom('impact_values')
    .select(['id', 'period_start', 'period_end', 'value', 'source', 'reported_by', 'reviewed_by', 'reviewed_at'])
    .where('indicator_id', '=', value.indicatorId)
    .where('period_end', '=', value.periodEnd)
    .where('state', '=', 'approved')
    .where('id', '<>', value.id)
    .forUpdate()
    .execute();
  for (const old of earlier) {
    await trx.deleteFrom('impact_values').where('id', '=', old.id).execute();
    await audit({
      action: 'impact.value-replaced',
      subjectType: 'impact_value',
      subjectId: old.id,
      summary: {
        replacedBy: value.id,
        indicatorId: value.indicatorId,
        periodStart: String(old.period_start),
        periodEnd: String(old.period_end),
        value: String(old.value),
        source: old.source,
        reportedBy: old.reported_by,
        reviewedBy: old.reviewed_by,
      },
    });
  }
}

/**
 * The team reports a value of one of its indicators: a new one (saved as a draft, or submitted for approval),
 * or a draft or returned one changed (subject to `version`: a stale edit is refused). An evidence file
 * replaces the one before. A repeated send of the same new form finds the first value.
 */
export async function reportValue(
  services: Services,
  actor: Actor,
  input: {
    indicatorId: string;
    valueId?: string;
    version?: number;
    submit: boolean;
    value: ValueInput;
    evidence?: Evidence;
    submissionKey?: string | null;
  },
): Promise<ReportResult> {
  let contentType: string | undefined;
  if (input.evidence) {
    const checked = checkEvidence(input.evidence.data);
    if (!checked.ok) return checked;
    contentType = checked.contentType;
  }
  const action = input.submit ? 'submit' : 'save';
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ReportResult> => {
    const v = input.value;
    if (!input.valueId) {
      if (input.submissionKey) {
        await lockSubmissionKey(trx, input.submissionKey);
        const done = await trx
          .selectFrom('impact_values')
          .select(['id', 'state'])
          .where('submission_key', '=', input.submissionKey)
          .executeTakeFirst();
        if (done) return { ok: true, id: done.id, state: done.state };
      }
      const state = nextState('new', action)!;
      const fileId = input.evidence ? await storeEvidence(trx, services, actor, input.evidence, contentType!) : null;
      const { id } = await trx
        .insertInto('impact_values')
        .values({
          indicator_id: input.indicatorId,
          period_start: v.periodStart,
          period_end: v.periodEnd,
          value: v.value,
          source: v.source,
          comment: v.comment,
          file_id: fileId,
          state,
          reported_by: actor.id,
          submitted_at: state === 'pending' ? now : null,
          created_at: now,
          updated_at: now,
          submission_key: input.submissionKey ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: state === 'pending' ? 'impact.value-submitted' : 'impact.value-drafted',
        subjectType: 'impact_value',
        subjectId: id,
        summary: { indicatorId: input.indicatorId, from: 'new', to: state, ...v, fileId },
      });
      return { ok: true, id, state };
    }
    const before = await trx
      .selectFrom('impact_values')
      .select(['id', 'state', 'version', 'file_id', 'value'])
      .where('id', '=', input.valueId)
      .where('indicator_id', '=', input.indicatorId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return { ok: false, problem: 'not_found' };
    const state = nextState(before.state, action);
    if (!state) return { ok: false, problem: 'illegal', state: before.state };
    if (input.version !== undefined && before.version !== input.version) return { ok: false, problem: 'stale' };
    const fileId = input.evidence
      ? await storeEvidence(trx, services, actor, input.evidence, contentType!)
      : before.file_id;
    await trx
      .updateTable('impact_values')
      .set({
        period_start: v.periodStart,
        period_end: v.periodEnd,
        value: v.value,
        source: v.source,
        comment: v.comment,
        file_id: fileId,
        state,
        submitted_at: state === 'pending' ? now : null,
        version: before.version + 1,
        updated_at: now,
      })
      .where('id', '=', before.id)
      .execute();
    await audit({
      action: state === 'pending' ? 'impact.value-submitted' : 'impact.value-drafted',
      subjectType: 'impact_value',
      subjectId: before.id,
      summary: {
        indicatorId: input.indicatorId,
        from: before.state,
        to: state,
        before: String(before.value),
        ...v,
        fileId,
      },
    });
    return { ok: true, id: before.id, state };
  });
  return result;
}

/**
 * Staff record a value of a laureate with no team on the platform (an earlier season's, typed by hand), or
 * one they received otherwise: approved at once, replacing an approved value of the same period.
 */
export async function recordApprovedValue(
  services: Services,
  actor: Actor,
  input: { indicatorId: string; value: ValueInput; evidence?: Evidence; submissionKey: string | null },
): Promise<ReportResult> {
  let contentType: string | undefined;
  if (input.evidence) {
    const checked = checkEvidence(input.evidence.data);
    if (!checked.ok) return checked;
    contentType = checked.contentType;
  }
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ReportResult> => {
    if (input.submissionKey) {
      await lockSubmissionKey(trx, input.submissionKey);
      const done = await trx
        .selectFrom('impact_values')
        .select(['id', 'state'])
        .where('submission_key', '=', input.submissionKey)
        .executeTakeFirst();
      if (done) return { ok: true, id: done.id, state: done.state };
    }
    const v = input.value;
    const state = nextState('new', 'record')!;
    const fileId = input.evidence ? await storeEvidence(trx, services, actor, input.evidence, contentType!) : null;
    // Inserted first as pending, then approved: the earlier approved value goes before this one takes its place.
    const { id } = await trx
      .insertInto('impact_values')
      .values({
        indicator_id: input.indicatorId,
        period_start: v.periodStart,
        period_end: v.periodEnd,
        value: v.value,
        source: v.source,
        comment: v.comment,
        file_id: fileId,
        state: 'pending',
        reported_by: actor.id,
        submitted_at: now,
        created_at: now,
        updated_at: now,
        submission_key: input.submissionKey,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await approveReplacing(trx, audit, { id, indicatorId: input.indicatorId, periodEnd: v.periodEnd });
    await trx
      .updateTable('impact_values')
      .set({ state, reviewed_by: actor.id, reviewed_at: now })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'impact.value-recorded',
      subjectType: 'impact_value',
      subjectId: id,
      summary: { indicatorId: input.indicatorId, from: 'new', to: state, ...v, fileId },
    });
    await announcePublicChange(trx, services);
    return { ok: true, id, state };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
