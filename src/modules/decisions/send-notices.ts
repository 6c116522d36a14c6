import { sql, type Transaction } from 'kysely';
import { type Actor, type AuditInput, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { type ApplicationState, changeStateIn, postDecisionMessage, teamRecipients } from '../applications/index.js';
import { scheduleConfirmationJobs } from './confirmation-jobs.js';
import { NOTICE_MAIL } from './mails.js';
import { renderNoticePdf, sha256Hex } from './notice-pdf.js';
import { loadNoticeContext, type NoticeContext } from './notice-queries.js';
import { offersAPlace } from './notice-templates.js';
import { composeNotice, decisionUrl, fillDeadline } from './render-notice.js';

const DAY_MS = 24 * 3600_000;

/** The application state a sent notice of this kind moves the application to (a waiting list changes none). */
function stateAfter(kind: string): ApplicationState | null {
  if (kind === 'laureate' || kind === 'offer') return 'laureate';
  if (kind === 'not_selected') return 'not_selected';
  return null;
}

/** The comments a refusal quotes: the jury's, anonymised, when staff chose to share them. */
export function commentsFor(context: NoticeContext, kind: string, applicationId: string): string[] {
  if (kind !== 'not_selected' || !context.deliberation.shareJuryComments) return [];
  return context.comments.get(applicationId) ?? [];
}

/**
 * Sends one draft notice, in the caller's transaction. Idempotent: the draft is claimed by one
 * `UPDATE … SET status = 'sent' WHERE status = 'draft' … RETURNING`, so of any number of concurrent sends
 * exactly one goes on (the others find it sent and do nothing). The one that claims it, in the same
 * transaction: sets the decision's deadline to confirm (laureates), writes the PDF and its SHA-256, queues one
 * mail per applicant, posts the notice in the application's thread, moves the application's state, and
 * schedules the reminders and the lapse of the place. Returns whether this call sent it.
 */
export async function sendNoticeIn(
  trx: Transaction<DB>,
  services: Services,
  now: Date,
  actor: Actor,
  context: NoticeContext,
  noticeId: string,
  audit: (input: AuditInput) => Promise<void>,
): Promise<boolean> {
  const { deliberation } = context;
  if (deliberation.status !== 'closed') return false;
  const claimed = await trx
    .updateTable('decision_notices as n')
    .set({ status: 'sent', sent_at: now, sent_by: actor.id, updated_at: now })
    .where('n.id', '=', noticeId)
    .where('n.status', '=', 'draft')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('decisions as d')
          .select('d.application_id')
          .whereRef('d.application_id', '=', 'n.application_id')
          .where('d.deliberation_id', '=', deliberation.id),
      ),
    )
    .returning(['n.id', 'n.application_id', 'n.kind', 'n.locale', 'n.subject', 'n.body'])
    .executeTakeFirst();
  if (!claimed) return false;
  const applicationId = claimed.application_id;
  const locale = claimed.locale;
  const deadline = offersAPlace(claimed.kind) ? new Date(now.getTime() + deliberation.confirmDays * DAY_MS) : null;
  await trx
    .updateTable('decisions')
    .set(
      deadline
        ? { notified_at: now, confirm_by: deadline }
        : { notified_at: sql<Date>`coalesce(notified_at, ${now}::timestamptz)` },
    )
    .where('application_id', '=', applicationId)
    .execute();

  const subject = fillDeadline(claimed.subject, locale, deadline);
  const text = composeNotice({
    kind: claimed.kind,
    locale,
    body: claimed.body,
    deadline,
    comments: commentsFor(context, claimed.kind, applicationId),
  });
  const pdf = await renderNoticePdf({
    locale,
    applicationId,
    seasonName: context.seasonName[locale],
    subject,
    text,
    sentAt: now,
  });
  const pdfSha256 = sha256Hex(pdf);
  // The notice keeps exactly what was sent: the text with its deadline, comments and appeal routes, and the PDF.
  await trx
    .updateTable('decision_notices')
    .set({ subject, body: text, pdf, pdf_sha256: pdfSha256 })
    .where('id', '=', claimed.id)
    .execute();

  const url = decisionUrl(services.config.baseUrl, applicationId);
  const recipients = await teamRecipients(trx, applicationId);
  for (const recipient of recipients) {
    await queueMail(
      trx,
      { to: recipient.email, template: NOTICE_MAIL, locale: recipient.locale, data: { subject, body: text, url } },
      now,
    );
  }
  await postDecisionMessage(
    trx,
    services,
    now,
    { applicationId, authorId: actor.id, body: `${subject}\n\n${text}` },
    audit,
  );

  const target = stateAfter(claimed.kind);
  const current = context.applications.get(applicationId)?.state;
  let stateChanged = false;
  if (target && current !== target) {
    const moved = await changeStateIn(
      trx,
      now,
      { applicationId, to: target, by: 'staff', reason: `decision: ${claimed.kind}`, actorUserId: actor.id },
      audit,
    );
    stateChanged = moved.ok;
  }
  if (deadline) await scheduleConfirmationJobs(trx, applicationId, deadline, now);
  await audit({
    action: 'decisions.notice-sent',
    subjectType: 'decision_notice',
    subjectId: claimed.id,
    summary: {
      applicationId,
      kind: claimed.kind,
      recipients: recipients.length,
      pdfSha256,
      confirmBy: deadline?.toISOString() ?? null,
      stateChanged,
    },
  });
  return true;
}

export type SendResult = { ok: true; sent: number } | { ok: false; problem: 'not_found' | 'not_closed' };

async function closedContext(services: Services, seasonId: string): Promise<NoticeContext | SendResult> {
  const context = await loadNoticeContext(services.db, seasonId);
  if (!context) return { ok: false, problem: 'not_found' };
  if (context.deliberation.status !== 'closed') return { ok: false, problem: 'not_closed' };
  return context;
}

/** Sends one notice of the outbox (nothing if it was sent already). */
export async function sendNotice(
  services: Services,
  actor: Actor,
  input: { seasonId: string; noticeId: string },
): Promise<SendResult> {
  const context = await closedContext(services, input.seasonId);
  if ('ok' in context) return context;
  const now = services.clock.now();
  const sent = await auditedTransaction(services.db, actor, now, (trx, audit) =>
    sendNoticeIn(trx, services, now, actor, context, input.noticeId, audit),
  );
  return { ok: true, sent: sent ? 1 : 0 };
}

/**
 * Sends every draft of the season's outbox, each in its own transaction (one applicant's failure leaves the
 * others sent). Clicking twice, or many sends at once, send each notice once.
 */
export async function sendAllNotices(
  services: Services,
  actor: Actor,
  input: { seasonId: string },
): Promise<SendResult> {
  const context = await closedContext(services, input.seasonId);
  if ('ok' in context) return context;
  const drafts = await services.db
    .selectFrom('decision_notices as n')
    .innerJoin('decisions as d', 'd.application_id', 'n.application_id')
    .select('n.id')
    .where('d.deliberation_id', '=', context.deliberation.id)
    .where('n.status', '=', 'draft')
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  let sent = 0;
  for (const draft of drafts) {
    const now = services.clock.now();
    const done = await auditedTransaction(services.db, actor, now, (trx, audit) =>
      sendNoticeIn(trx, services, now, actor, context, draft.id, audit),
    );
    if (done) sent++;
  }
  return { ok: true, sent };
}
