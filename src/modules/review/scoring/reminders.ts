import { type Kysely, sql, type Transaction } from 'kysely';
import { type Actor, auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import { formatDateTime, tCount } from '../../../core/i18n/i18n.js';
import { enqueueJob } from '../../../core/jobs/queue.js';
import type { JobHandler } from '../../../core/jobs/worker.js';
import { queueMail } from '../../../core/mail/mailer.js';
import { mailHtml, registerMailTemplate } from '../../../core/mail/templates.js';
import type { Services } from '../../../core/services.js';
import { seasonSummaries } from '../../seasons/index.js';
import { listMembers } from '../jury.js';
import { scoringCounts } from './messages.js';
import { inTheRunning, listSeasonReviewWork, loadGoverningPhase, reviewState } from './queries.js';
import './tables.js';

export const REVIEW_REMINDER_JOB = 'review.scoring-reminders';
export const REVIEW_REMINDER_MAIL = 'review.scoring-reminder';
/** Reviewers with unfinished reviews are reminded this many days before the phase ends. */
export const REVIEW_REMINDER_DAYS_BEFORE = 3;
const DAY_MS = 24 * 3600_000;

registerMailTemplate(REVIEW_REMINDER_MAIL, {
  fr: (d) => {
    const lines = [
      'Bonjour,',
      tCount('fr', scoringCounts.reviewsLeft, Number(d.count), {
        season: d.season,
        phase: d.phase,
        deadline: d.deadline,
      }),
    ];
    return {
      subject: 'Jury : des évaluations restent à soumettre',
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('fr', lines, { label: 'Mes évaluations', url: d.url }),
    };
  },
  en: (d) => {
    const lines = [
      'Hello,',
      tCount('en', scoringCounts.reviewsLeft, Number(d.count), {
        season: d.season,
        phase: d.phase,
        deadline: d.deadline,
      }),
    ];
    return {
      subject: 'Jury: reviews still to submit',
      text: `${lines.join('\n\n')}\n${d.url}\n`,
      html: mailHtml('en', lines, { label: 'My reviews', url: d.url }),
    };
  },
});

function reminderTime(endsAt: Date): Date {
  return new Date(endsAt.getTime() - REVIEW_REMINDER_DAYS_BEFORE * DAY_MS);
}

/** One reminder run per phase and end date (a later end date schedules another); idempotent. */
export async function scheduleReviewReminders(
  trx: Transaction<DB> | Kysely<DB>,
  phase: { id: string; endsAt: Date },
  now: Date,
): Promise<void> {
  const runAt = reminderTime(phase.endsAt);
  if (phase.endsAt.getTime() <= now.getTime()) return;
  const at = runAt.getTime() > now.getTime() ? runAt : now;
  await enqueueJob(
    trx,
    REVIEW_REMINDER_JOB,
    { phaseId: phase.id },
    { runAt: at, singletonKey: `${REVIEW_REMINDER_JOB}:${phase.id}:${runAt.toISOString()}` },
  );
}

/** Jury members of the season with reviews not yet submitted (assigned, or a draft of an unassigned one), and how many. */
async function unfinishedByMember(db: Kysely<DB> | Transaction<DB>, seasonId: string): Promise<Map<string, number>> {
  const unfinished = new Map<string, number>();
  for (const a of await inTheRunning(db, await listSeasonReviewWork(db, seasonId))) {
    if (reviewState(a.review) !== 'submitted') unfinished.set(a.memberId, (unfinished.get(a.memberId) ?? 0) + 1);
  }
  return unfinished;
}

interface PhaseInfo {
  id: string;
  seasonId: string;
  name: string;
  nameEn: string;
  endsAt: Date;
}

/** Mails each member with unfinished reviews; a 'scheduled' reminder goes at most once per phase and member. */
async function sendReminders(
  services: Services,
  actor: Actor,
  phase: PhaseInfo,
  kind: 'scheduled' | 'manual',
): Promise<number> {
  const { db, clock } = services;
  const now = clock.now();
  const unfinished = await unfinishedByMember(db, phase.seasonId);
  // A member who erased their account has no address left to remind.
  const members = (await listMembers(db, phase.seasonId)).filter((m) => unfinished.has(m.id) && !m.erased);
  const [season] = await seasonSummaries(db, [phase.seasonId]);
  let sent = 0;
  for (const member of members) {
    const count = unfinished.get(member.id)!;
    const done = await auditedTransaction(db, actor, now, async (trx, audit) => {
      const row = await trx
        .insertInto('review_reminders')
        .values({ phase_id: phase.id, member_id: member.id, kind, unfinished: count, sent_at: now })
        // The predicate is written out (not a parameter) so PostgreSQL can match it to the partial unique index.
        .onConflict((oc) => oc.columns(['phase_id', 'member_id']).where('kind', '=', sql.lit('scheduled')).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return false;
      const locale = member.locale;
      await queueMail(
        trx,
        {
          to: member.email,
          template: REVIEW_REMINDER_MAIL,
          locale,
          data: {
            count: String(count),
            season: (locale === 'en' ? season?.nameEn || season?.name : season?.name) ?? '',
            phase: locale === 'en' ? phase.nameEn || phase.name : phase.name,
            deadline: formatDateTime(locale, phase.endsAt),
            url: `${services.config.baseUrl}/jury/evaluations`,
          },
        },
        now,
      );
      await audit({
        action: kind === 'manual' ? 'review.remind_now' : 'review.remind',
        subjectType: 'jury_member',
        subjectId: member.id,
        summary: { phase: phase.id, unfinished: count },
      });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}

async function loadPhaseInfo(db: Kysely<DB>, phaseId: string): Promise<PhaseInfo | null> {
  const row = await db
    .selectFrom('review_phases')
    .select(['id', 'season_id', 'name', 'name_en', 'ends_at'])
    .where('id', '=', phaseId)
    .executeTakeFirst();
  return row
    ? { id: row.id, seasonId: row.season_id, name: row.name, nameEn: row.name_en, endsAt: new Date(row.ends_at) }
    : null;
}

/**
 * The scheduled reminder: a few days before the phase ends, each member with unfinished reviews gets one
 * mail. If the phase's end moved later since, it only schedules itself again; after the end it does nothing.
 */
export function reviewRemindersJob(services: Services): JobHandler {
  return async (payload) => {
    const phaseId = String(payload.phaseId ?? '');
    if (!/^[0-9a-f-]{36}$/i.test(phaseId)) return;
    const phase = await loadPhaseInfo(services.db, phaseId);
    if (!phase) return;
    const now = services.clock.now();
    if (now.getTime() >= phase.endsAt.getTime()) return;
    if (now.getTime() < reminderTime(phase.endsAt).getTime() - 60_000) {
      await scheduleReviewReminders(services.db, phase, now);
      return;
    }
    await sendReminders(services, systemActor, phase, 'scheduled');
  };
}

/** "Remind now" on the staff dashboard: mails every member of the season with unfinished reviews. */
export async function remindNow(
  services: Services,
  actor: Actor,
  seasonId: string,
): Promise<{ ok: true; sent: number } | { ok: false; problem: 'no_phase' }> {
  const { phase } = await loadGoverningPhase(services.db, seasonId, services.clock.now());
  if (!phase) return { ok: false, problem: 'no_phase' };
  const sent = await sendReminders(
    services,
    actor,
    { id: phase.id, seasonId, name: phase.name, nameEn: phase.name_en, endsAt: phase.ends_at },
    'manual',
  );
  return { ok: true, sent };
}
