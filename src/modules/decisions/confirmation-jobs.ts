import type { Kysely, Transaction } from 'kysely';
import { auditedTransaction, systemActor } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import { formatDateTime } from '../../core/i18n/i18n.js';
import { enqueueJob } from '../../core/jobs/queue.js';
import type { JobHandler } from '../../core/jobs/worker.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { listApplicationsForDecision, teamRecipients } from '../applications/index.js';
import { CONFIRM_REMINDER_MAIL } from './mails.js';
import { decisionUrl } from './render-notice.js';
import './tables.js';

export const CONFIRM_REMINDER_JOB = 'decisions.confirm-reminder';
export const PLACE_LAPSE_JOB = 'decisions.place-lapse';
/** A laureate who has not answered is reminded this many days before the deadline (each once). */
export const REMINDER_DAYS_BEFORE = [5, 1] as const;
const DAY_MS = 24 * 3600_000;

/**
 * In the transaction that sends a laureate's notice: the reminders before the deadline (those still in the
 * future) and the lapse of the place at the deadline. Keys name the application and the deadline, so a
 * notice sent twice cannot schedule twice, and a new deadline (an offer) schedules its own.
 */
export async function scheduleConfirmationJobs(
  trx: Transaction<DB> | Kysely<DB>,
  applicationId: string,
  confirmBy: Date,
  now: Date,
): Promise<void> {
  const deadline = confirmBy.toISOString();
  for (const days of REMINDER_DAYS_BEFORE) {
    const runAt = new Date(confirmBy.getTime() - days * DAY_MS);
    if (runAt.getTime() <= now.getTime()) continue;
    await enqueueJob(
      trx,
      CONFIRM_REMINDER_JOB,
      { applicationId, confirmBy: deadline, daysBefore: days },
      { runAt, singletonKey: `${CONFIRM_REMINDER_JOB}:${applicationId}:${deadline}:${days}` },
    );
  }
  await enqueueJob(
    trx,
    PLACE_LAPSE_JOB,
    { applicationId, confirmBy: deadline },
    { runAt: confirmBy, singletonKey: `${PLACE_LAPSE_JOB}:${applicationId}:${deadline}` },
  );
}

/**
 * Reminds the applicants of a place still unanswered, once per deadline and delay (a row in
 * decision_reminders claims it in the mail's transaction): a retried or concurrent run never reminds twice.
 */
export function confirmReminderJob(services: Services): JobHandler {
  return async (payload) => {
    const applicationId = String(payload.applicationId ?? '');
    const confirmBy = new Date(String(payload.confirmBy ?? ''));
    const daysBefore = Number(payload.daysBefore ?? 0);
    if (!applicationId || Number.isNaN(confirmBy.getTime())) return;
    const now = services.clock.now();
    await auditedTransaction(services.db, systemActor, now, async (trx, audit) => {
      const pending = await trx
        .selectFrom('decisions')
        .select(['application_id', 'deliberation_id'])
        .where('application_id', '=', applicationId)
        .where('outcome', '=', 'laureate')
        .where('confirm_by', '=', confirmBy)
        .where('confirm_by', '>', now)
        .where('confirmed_at', 'is', null)
        .where('declined_at', 'is', null)
        .where('lapsed_at', 'is', null)
        .executeTakeFirst();
      if (!pending) return;
      const claimed = await trx
        .insertInto('decision_reminders')
        .values({ application_id: applicationId, confirm_by: confirmBy, days_before: daysBefore, sent_at: now })
        .onConflict((oc) => oc.columns(['application_id', 'confirm_by', 'days_before']).doNothing())
        .returning('application_id')
        .executeTakeFirst();
      if (!claimed) return;
      const season = await trx
        .selectFrom('deliberations')
        .select('season_id')
        .where('id', '=', pending.deliberation_id)
        .executeTakeFirstOrThrow();
      const application = (await listApplicationsForDecision(trx, season.season_id)).find(
        (a) => a.id === applicationId,
      );
      const recipients = await teamRecipients(trx, applicationId);
      for (const recipient of recipients) {
        await queueMail(
          trx,
          {
            to: recipient.email,
            template: CONFIRM_REMINDER_MAIL,
            locale: recipient.locale,
            data: {
              title: application?.title || '—',
              deadline: formatDateTime(recipient.locale, confirmBy),
              url: decisionUrl(services.config.baseUrl, applicationId),
            },
          },
          now,
        );
      }
      await audit({
        action: 'decisions.confirm-reminded',
        subjectType: 'application',
        subjectId: applicationId,
        summary: { daysBefore, recipients: recipients.length },
      });
    });
  };
}

/** At the deadline, a place neither confirmed nor declined lapses: staff may then offer it to the next. */
export async function lapseUnansweredPlace(
  services: Services,
  applicationId: string,
  confirmBy: Date,
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, systemActor, now, async (trx, audit) => {
    const lapsed = await trx
      .updateTable('decisions')
      .set({ lapsed_at: now })
      .where('application_id', '=', applicationId)
      .where('outcome', '=', 'laureate')
      .where('confirm_by', '=', confirmBy)
      .where('confirm_by', '<=', now)
      .where('confirmed_at', 'is', null)
      .where('declined_at', 'is', null)
      .where('lapsed_at', 'is', null)
      .returning('application_id')
      .executeTakeFirst();
    if (!lapsed) return false;
    await audit({
      action: 'decisions.place-lapsed',
      subjectType: 'application',
      subjectId: applicationId,
      summary: { confirmBy: confirmBy.toISOString() },
    });
    return true;
  });
}

export function placeLapseJob(services: Services): JobHandler {
  return async (payload) => {
    const applicationId = String(payload.applicationId ?? '');
    const confirmBy = new Date(String(payload.confirmBy ?? ''));
    if (!applicationId || Number.isNaN(confirmBy.getTime())) return;
    await lapseUnansweredPlace(services, applicationId, confirmBy);
  };
}
