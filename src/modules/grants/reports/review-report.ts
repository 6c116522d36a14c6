import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { teamRecipients } from '../../applications/index.js';
import { REPORT_APPROVED_MAIL, REPORT_RETURNED_MAIL } from './mails.js';

export interface ReviewReportInput {
  grantId: string;
  applicationId: string;
  title: string;
  reference: string;
  decision: 'approve' | 'return';
  /** Required to return (the route checks it); kept with an approval too. */
  comment: string;
  version: number;
}

export type ReviewReportResult =
  | { ok: true; status: 'approved' | 'returned' }
  | { ok: false; problem: 'not_found' | 'not_submitted' | 'stale' | 'comment_required' };

/** Where the team fills in its report. */
export function teamReportUrl(baseUrl: string, applicationId: string): string {
  return `${baseUrl}/espace-laureat/${applicationId}/subvention/compte-rendu`;
}

/**
 * Staff approve a submitted report, or return it to the team with a comment (Tahua's cycle: the team corrects
 * and submits again). The team is told by mail either way.
 */
export async function reviewReport(
  services: Services,
  actor: Actor,
  input: ReviewReportInput,
): Promise<ReviewReportResult> {
  if (input.decision === 'return' && input.comment.trim() === '') return { ok: false, problem: 'comment_required' };
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ReviewReportResult> => {
    const report = await trx
      .selectFrom('grant_financial_reports')
      .select(['id', 'status', 'version'])
      .where('grant_id', '=', input.grantId)
      .forUpdate()
      .executeTakeFirst();
    if (!report) return { ok: false, problem: 'not_found' };
    if (report.status !== 'submitted') return { ok: false, problem: 'not_submitted' };
    if (report.version !== input.version) return { ok: false, problem: 'stale' };
    const status = input.decision === 'approve' ? ('approved' as const) : ('returned' as const);
    await trx
      .updateTable('grant_financial_reports')
      .set({
        status,
        review_comment: input.comment,
        reviewed_at: now,
        reviewed_by: actor.id,
        version: report.version + 1,
        updated_at: now,
      })
      .where('id', '=', report.id)
      .execute();
    await audit({
      action: status === 'approved' ? 'grants.report-approved' : 'grants.report-returned',
      subjectType: 'grant',
      subjectId: input.grantId,
      summary: { comment: input.comment.length > 0 },
    });
    for (const recipient of await teamRecipients(trx, input.applicationId))
      await queueMail(
        trx,
        {
          to: recipient.email,
          template: status === 'approved' ? REPORT_APPROVED_MAIL : REPORT_RETURNED_MAIL,
          locale: recipient.locale,
          data: {
            title: input.title,
            reference: input.reference,
            comment: input.comment,
            url: teamReportUrl(services.config.baseUrl, input.applicationId),
          },
        },
        now,
      );
    return { ok: true, status };
  });
}
