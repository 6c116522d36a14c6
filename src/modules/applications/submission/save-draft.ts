import { sql } from 'kysely';
import type { Actor } from '../../../core/audit/audit.js';
import { auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { type AnswerMap, applicantKindOf, type FormDefinition } from '../form/model.js';
import { loadApplication, loadFormVersion } from '../queries.js';
import { type ApplicationState, isEditable } from '../states.js';
import { territoryOf, titleOf } from './answers.js';
import { callClosesAt, isOnTime } from './deadline.js';

export type SaveDraftResult =
  | { ok: true; savedAt: Date }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_editable'; state: ApplicationState }
  | { ok: false; reason: 'closed'; closesAt: Date };

/**
 * Saves what was typed as the draft. A draft can be saved even after the deadline (nothing typed
 * is lost; it just cannot be submitted); a submitted application can be changed only until then.
 */
export async function saveDraft(
  services: Services,
  actor: Actor,
  applicationId: string,
  answers: AnswerMap,
  arrivedAt: Date,
): Promise<SaveDraftResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const application = await loadApplication(trx, applicationId, { forUpdate: true });
    if (!application) return { ok: false, reason: 'not_found' };
    if (!isEditable(application.state)) return { ok: false, reason: 'not_editable', state: application.state };
    if (application.state === 'submitted') {
      const closed = await callClosesAt(trx, application.seasonId);
      if (!isOnTime(arrivedAt, closed)) return { ok: false, reason: 'closed', closesAt: closed.closesAt };
    }
    await writeDraft(trx, application.id, application.formId, answers, now);
    await audit({
      action: 'application.save_draft',
      subjectType: 'application',
      subjectId: application.id,
      summary: { fields: Object.keys(answers).length },
    });
    return { ok: true, savedAt: now };
  });
}

/** Writes the draft answers with the title, territory and kind of applicant derived from them. */
export async function writeDraft(
  trx: Parameters<typeof loadFormVersion>[0],
  applicationId: string,
  formId: string,
  answers: AnswerMap,
  now: Date,
  /** The form's definition when the caller has it already (saves a query). */
  known?: FormDefinition,
): Promise<void> {
  const definition = known ?? (await loadFormVersion(trx, formId))?.definition ?? { sections: [] };
  const kind = applicantKindOf(definition, answers);
  await trx
    .updateTable('applications')
    .set({
      // A submitted application's kind is the one of its submitted version (set by the submit).
      ...(kind ? { applicant_kind: sql<string>`case when state = 'draft' then ${kind} else applicant_kind end` } : {}),
      draft_answers: JSON.stringify(answers),
      draft_saved_at: now,
      title: titleOf(definition, answers),
      territory: territoryOf(definition, answers),
      updated_at: now,
    })
    .where('id', '=', applicationId)
    .execute();
}
