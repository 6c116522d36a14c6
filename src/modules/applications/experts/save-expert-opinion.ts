import { auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { linkOpen, loadExpertRequestByToken, statusOf } from './expert-opinions.js';
import type { ExpertOpinion } from './tables.js';

export interface SaveExpertOpinionInput {
  token: string;
  opinion: ExpertOpinion;
  comment: string;
  /** true: the final answer (no more edits); false: a saved draft the expert can change. */
  final: boolean;
}

export type SaveExpertOpinionResult = { ok: true } | { ok: false; problem: 'invalid_link' | 'already_submitted' };

/** The expert's answer through their link: editable until sent, refused once the link has expired (answered or not) or once sent. */
export async function saveExpertOpinion(
  services: Services,
  input: SaveExpertOpinionInput,
): Promise<SaveExpertOpinionResult> {
  const now = services.clock.now();
  const request = await loadExpertRequestByToken(services.db, input.token);
  if (!request) return { ok: false, problem: 'invalid_link' };
  // The expert has no account: the audit names them by the address the link was sent to.
  const actor = { id: null, label: `expert:${request.expertEmail}` };
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveExpertOpinionResult> => {
    const locked = await loadExpertRequestByToken(trx, input.token, { forUpdate: true });
    if (!locked) return { ok: false, problem: 'invalid_link' };
    // Expiry first: an expired link answers the same whatever its state.
    if (!linkOpen(locked, now)) return { ok: false, problem: 'invalid_link' };
    if (statusOf(locked, now) === 'answered') return { ok: false, problem: 'already_submitted' };
    await trx
      .updateTable('application_expert_requests')
      .set({ opinion: input.opinion, comment: input.comment, saved_at: now, submitted_at: input.final ? now : null })
      .where('id', '=', locked.id)
      .execute();
    await audit({
      action: input.final ? 'application.expert_opinion_submit' : 'application.expert_opinion_save',
      subjectType: 'application',
      subjectId: locked.applicationId,
      summary: { requestId: locked.id, opinion: input.opinion },
    });
    return { ok: true };
  });
}
