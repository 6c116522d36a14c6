import type { Actor } from '../../../core/audit/audit.js';
import { auditedTransaction } from '../../../core/audit/audit.js';
import type { Locale } from '../../../core/i18n/i18n.js';
import { formatDate, formatDateTime } from '../../../core/i18n/i18n.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { tracksCover } from '../policy.js';
import { loadApplication } from '../queries.js';
import { expiryOf, newExpertToken } from './expert-opinions.js';
import { EXPERT_REQUEST_MAIL } from './mails.js';

export interface RequestExpertOpinionInput {
  applicationId: string;
  expertEmail: string;
  question: string;
  /** YYYY-MM-DD, already checked not to be in the past. */
  dueOn: string;
  requestedBy: string;
  /** Staff limited to some tracks (undefined = all). */
  tracks?: string[];
  /** The language of the mail (the requesting staff member's). */
  locale: Locale;
}

export type RequestExpertOpinionResult =
  | { ok: true; id: string }
  | { ok: false; problem: 'not_found' | 'not_submitted' | 'already_asked' };

/** Records the request, and queues the expert's mail with the link in the same transaction. */
export async function requestExpertOpinion(
  services: Services,
  actor: Actor,
  input: RequestExpertOpinionInput,
): Promise<RequestExpertOpinionResult> {
  const now = services.clock.now();
  const email = input.expertEmail.trim().toLowerCase();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<RequestExpertOpinionResult> => {
    const application = await loadApplication(trx, input.applicationId, { forUpdate: true });
    if (!application || !tracksCover(input.tracks, application)) return { ok: false, problem: 'not_found' };
    if (application.currentVersion < 1) return { ok: false, problem: 'not_submitted' };
    const existing = await trx
      .selectFrom('application_expert_requests')
      .select('id')
      .where('application_id', '=', application.id)
      .where('expert_email', '=', email)
      .executeTakeFirst();
    if (existing) return { ok: false, problem: 'already_asked' };
    const { token, hash } = newExpertToken();
    const expiresAt = expiryOf(input.dueOn);
    const row = await trx
      .insertInto('application_expert_requests')
      .values({
        application_id: application.id,
        application_version: application.currentVersion,
        expert_email: email,
        question: input.question,
        due_on: input.dueOn,
        token_hash: hash,
        expires_at: expiresAt,
        requested_by: input.requestedBy,
        requested_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await queueMail(
      trx,
      {
        to: email,
        template: EXPERT_REQUEST_MAIL,
        locale: input.locale,
        data: {
          title: application.title,
          question: input.question,
          due: formatDate(input.locale, new Date(`${input.dueOn}T12:00:00Z`)),
          expires: formatDateTime(input.locale, expiresAt),
          url: `${services.config.baseUrl}/avis/${token}`,
        },
      },
      now,
    );
    // The audit names the expert and the due day, never the token.
    await audit({
      action: 'application.expert_request',
      subjectType: 'application',
      subjectId: application.id,
      summary: { requestId: row.id, expertEmail: email, dueOn: input.dueOn, version: application.currentVersion },
    });
    return { ok: true, id: row.id };
  });
}
