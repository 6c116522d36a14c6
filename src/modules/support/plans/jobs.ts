import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import { formatDate, isoDateParis } from '../../../core/i18n/i18n.js';
import { enqueueAtNextPeriod } from '../../../core/jobs/queue.js';
import type { JobHandler } from '../../../core/jobs/worker.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { laureateApplications, teamRecipients } from '../../applications/index.js';
import { confirmedLaureates } from '../../decisions/index.js';
import { spaceHref } from '../views/space-layout.js';
// The plans' mail templates register on import: support/index.ts imports this file in every process.
import { MILESTONE_REMINDER_MAIL } from './mails.js';
import { addDays, dayOf } from './progress.js';

export const MILESTONE_REMINDERS_JOB = 'support.milestone-reminders';
/** The team is reminded this many days before a milestone's due date (each once). */
export const REMINDER_DAYS_BEFORE = [7, 1] as const;
const DAY_MS = 24 * 3600_000;

/**
 * Reminds the teams of milestones due in 7 days and in 1 day that nothing was handed in for yet. Each
 * (milestone, delay, due date) is claimed once in support_reminders_sent in the mail's transaction, so a
 * retried or concurrent run never reminds twice, and a milestone moved to a new date is reminded again.
 * Only confirmed laureates still holding their place are reminded.
 */
export async function sendMilestoneReminders(services: Services): Promise<number> {
  const now = services.clock.now();
  const today = isoDateParis(now);
  let sent = 0;
  for (const days of REMINDER_DAYS_BEFORE) {
    const due = addDays(today, days);
    const rows = await services.db
      .selectFrom('support_milestones as m')
      .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
      .select(['m.id', 'm.title', 'm.due_on', 'p.application_id'])
      .where('m.due_on', '=', due)
      .where('m.state', 'in', ['upcoming', 'in_progress', 'returned'])
      .where('p.status', '<>', 'finished')
      .execute();
    if (rows.length === 0) continue;
    const holding = new Set(
      (await confirmedLaureates(services.db, { applicationIds: rows.map((r) => r.application_id) })).map(
        (l) => l.applicationId,
      ),
    );
    for (const found of rows.filter((r) => holding.has(r.application_id))) {
      const row = { ...found, due_on: dayOf(found.due_on) };
      const done = await auditedTransaction(services.db, systemActor, now, async (trx, audit) => {
        const claimed = await trx
          .insertInto('support_reminders_sent')
          .values({ subject_id: row.id, kind: `milestone-${days}d`, due_key: row.due_on, sent_at: now })
          .onConflict((oc) => oc.doNothing())
          .returning('subject_id')
          .executeTakeFirst();
        if (!claimed) return false;
        const application = (await laureateApplications(trx, [row.application_id])).get(row.application_id);
        const recipients = await teamRecipients(trx, row.application_id);
        for (const recipient of recipients)
          await queueMail(
            trx,
            {
              to: recipient.email,
              template: MILESTONE_REMINDER_MAIL,
              locale: recipient.locale,
              data: {
                title: application?.title ?? '—',
                milestone: row.title,
                due: formatDate(recipient.locale, new Date(`${row.due_on}T12:00:00Z`)),
                url: `${services.config.baseUrl}${spaceHref('team', row.application_id, 'milestones')}`,
              },
            },
            now,
          );
        await audit({
          action: 'support.milestone-reminded',
          subjectType: 'support_milestone',
          subjectId: row.id,
          summary: { daysBefore: days, dueOn: row.due_on, recipients: recipients.length },
        });
        return true;
      });
      if (done) sent += 1;
    }
  }
  return sent;
}

/** The plans' jobs (milestone reminders). */
export function planJobs(services: Services): Record<string, JobHandler> {
  return {
    [MILESTONE_REMINDERS_JOB]: async () => {
      try {
        await sendMilestoneReminders(services);
      } finally {
        await schedulePlanJobs(services);
      }
    },
  };
}

/** Enqueues this part's recurring jobs when a process starts its job worker (idempotent: one run per day). */
export async function schedulePlanJobs(services: Services): Promise<void> {
  await enqueueAtNextPeriod(services.db, MILESTONE_REMINDERS_JOB, DAY_MS, services.clock.now());
}
