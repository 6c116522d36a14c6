import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import { formatDate, isoDateParis } from '../../../core/i18n/i18n.js';
import { enqueueAtNextPeriod } from '../../../core/jobs/queue.js';
import type { JobHandler } from '../../../core/jobs/worker.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { laureateApplications, teamRecipients } from '../../applications/index.js';
import { REPORT_REMINDER_MAIL } from './mails.js';
import { ensureFinancialReport, REPORTING_STATUSES, toDay } from './queries.js';
import { teamReportUrl } from './review-report.js';
import '../tables.js';

export const REPORT_REMINDERS_JOB = 'grants.report-reminders';
const DAY_MS = 24 * 3600_000;

export type ReminderKind = 'report-due-30' | 'report-due-7' | 'report-overdue';

/** Whole days from `today` to `due` (both YYYY-MM-DD): negative once the due day has passed. */
export function daysUntil(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/**
 * Which reminder a report still open on `today` is owed: 30 days before its due day (from 30 down to 8 days
 * left), 7 days before (7 down to the due day itself), overdue from the day after. A day the job did not run
 * is caught up the next day; each kind is sent once per report and due day (grant_reminders_sent).
 */
export function reminderKind(today: string, dueOn: string): ReminderKind | null {
  const left = daysUntil(today, dueOn);
  if (left < 0) return 'report-overdue';
  if (left <= 7) return 'report-due-7';
  if (left <= 30) return 'report-due-30';
  return null;
}

/**
 * The daily pass: every reporting grant gets its report (created lazily, see queries.ts), then each report
 * the team still has to submit (draft or returned) gets the reminder it is owed, once. A submitted report
 * waits for staff, not for the team: no reminder.
 */
export async function sendReportReminders(services: Services): Promise<number> {
  const now = services.clock.now();
  const today = isoDateParis(now);
  const missing = await services.db
    .selectFrom('grants as g')
    .leftJoin('grant_financial_reports as r', 'r.grant_id', 'g.id')
    .select(['g.id', 'g.action_ends_on'])
    .where('g.status', 'in', REPORTING_STATUSES)
    .where('r.id', 'is', null)
    .execute();
  for (const grant of missing)
    await ensureFinancialReport(services.db, { id: grant.id, actionEndsOn: toDay(grant.action_ends_on) }, now);
  const open = await services.db
    .selectFrom('grant_financial_reports as r')
    .innerJoin('grants as g', 'g.id', 'r.grant_id')
    .select(['r.id', 'r.due_on', 'g.id as grant_id', 'g.application_id', 'g.reference'])
    .where('r.status', 'in', ['draft', 'returned'])
    .where('g.status', 'in', REPORTING_STATUSES)
    .execute();
  const titles = await laureateApplications(
    services.db,
    open.map((r) => r.application_id),
  );
  let sent = 0;
  for (const { due_on, ...rest } of open) {
    const report = { ...rest, due_on: toDay(due_on) };
    const kind = reminderKind(today, report.due_on);
    if (!kind) continue;
    const claimed = await auditedTransaction(services.db, systemActor, now, async (trx, audit) => {
      const claim = await trx
        .insertInto('grant_reminders_sent')
        .values({ subject_id: report.id, kind, due_key: report.due_on, sent_at: now })
        .onConflict((oc) => oc.columns(['subject_id', 'kind', 'due_key']).doNothing())
        .returning('subject_id')
        .executeTakeFirst();
      if (!claim) return false;
      const recipients = await teamRecipients(trx, report.application_id);
      for (const recipient of recipients)
        await queueMail(
          trx,
          {
            to: recipient.email,
            template: REPORT_REMINDER_MAIL,
            locale: recipient.locale,
            data: {
              kind: kind === 'report-overdue' ? 'overdue' : 'due',
              title: titles.get(report.application_id)?.title ?? '—',
              reference: report.reference,
              due: formatDate(recipient.locale, new Date(`${report.due_on}T12:00:00Z`)),
              url: teamReportUrl(services.config.baseUrl, report.application_id),
            },
          },
          now,
        );
      await audit({
        action: 'grants.report-reminded',
        subjectType: 'grant',
        subjectId: report.grant_id,
        summary: { kind, dueOn: report.due_on, recipients: recipients.length },
      });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/** Reminders before a financial report is due: one pass a day, each run scheduling the next. */
export function reportJobs(services: Services): Record<string, JobHandler> {
  return {
    [REPORT_REMINDERS_JOB]: async () => {
      try {
        await sendReportReminders(services);
      } finally {
        await enqueueAtNextPeriod(services.db, REPORT_REMINDERS_JOB, DAY_MS, services.clock.now());
      }
    },
  };
}

/** Enqueues this part's recurring jobs when a process starts its job worker (idempotent). */
export async function scheduleReportJobs(services: Services): Promise<void> {
  await enqueueAtNextPeriod(services.db, REPORT_REMINDERS_JOB, DAY_MS, services.clock.now());
}
