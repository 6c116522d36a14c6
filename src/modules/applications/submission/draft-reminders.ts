import type { Kysely, Transaction } from 'kysely';
import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import { formatDateTime } from '../../../core/i18n/i18n.js';
import { enqueueJob } from '../../../core/jobs/queue.js';
import type { JobHandler } from '../../../core/jobs/worker.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { seasonClosesAt } from '../../seasons/season-lookups.js';
import { closedFrom } from '../../seasons/season-status.js';
import { REMINDER_MAIL } from '../mails.js';

export const DRAFT_REMINDER_JOB = 'applications.draft-reminders';
/** Owners of drafts still unsubmitted are reminded this many days before the call closes. */
export const REMINDER_DAYS_BEFORE = 3;
const DAY_MS = 24 * 3600_000;

function reminderTime(closesAt: Date): Date {
  return new Date(closesAt.getTime() - REMINDER_DAYS_BEFORE * DAY_MS);
}

/** One reminder run per season and closing date (a later change of the date schedules another). */
export async function scheduleDraftReminders(
  trx: Transaction<DB> | Kysely<DB>,
  season: { id: string; closesAt: Date },
  now: Date,
): Promise<void> {
  const runAt = reminderTime(season.closesAt);
  if (runAt.getTime() <= now.getTime()) return;
  await enqueueJob(
    trx,
    DRAFT_REMINDER_JOB,
    { seasonId: season.id },
    { runAt, singletonKey: `${DRAFT_REMINDER_JOB}:${season.id}:${runAt.toISOString()}` },
  );
}

/**
 * Sends each unsubmitted draft's owner one reminder. Each draft is marked and its mail queued in
 * one transaction, so a retried or concurrent run never reminds twice. If the closing date moved
 * later since the job was scheduled, it only reschedules itself.
 */
export function draftRemindersJob(services: Services): JobHandler {
  return async (payload) => {
    const seasonId = String(payload.seasonId ?? '');
    const { db, clock } = services;
    const closesAt = await seasonClosesAt(db, seasonId);
    if (!closesAt) return;
    const season = { id: seasonId };
    const now = clock.now();
    if (now.getTime() >= closedFrom(closesAt).getTime()) return;
    if (now.getTime() < reminderTime(closesAt).getTime() - 60_000) {
      await scheduleDraftReminders(db, { id: season.id, closesAt }, now);
      return;
    }
    const drafts = await db
      .selectFrom('applications')
      .innerJoin('users', 'users.id', 'applications.owner_id')
      .select(['applications.id', 'applications.title', 'users.email', 'users.locale'])
      .where('applications.season_id', '=', season.id)
      .where('applications.state', '=', 'draft')
      .where('applications.reminder_sent_at', 'is', null)
      // An erased owner's drafts were deleted with the account; never mail a pseudonym.
      .where('users.email', 'is not', null)
      .$narrowType<{ email: string }>()
      .execute();
    for (const draft of drafts) {
      await auditedTransaction(db, systemActor, now, async (trx, audit) => {
        const marked = await trx
          .updateTable('applications')
          .set({ reminder_sent_at: now })
          .where('id', '=', draft.id)
          .where('state', '=', 'draft')
          .where('reminder_sent_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!marked) return;
        const locale = draft.locale === 'en' ? 'en' : 'fr';
        await queueMail(
          trx,
          {
            to: draft.email,
            template: REMINDER_MAIL,
            locale,
            data: {
              title: draft.title || '—',
              deadline: formatDateTime(locale, closesAt),
              url: `${services.config.baseUrl}/mes-candidatures/${draft.id}`,
            },
          },
          now,
        );
        await audit({ action: 'application.remind_draft', subjectType: 'application', subjectId: draft.id });
      });
    }
  };
}
