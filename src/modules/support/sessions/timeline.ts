import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { isoDateParis } from '../../../core/i18n/i18n.js';
import { parisDateTime, parisStartOfDay } from '../../../core/time/paris-time.js';
import { addTimelineSource, type LateItem, type TimelineEntry } from '../timeline-sources.js';
import { spaceHref } from '../views/space-layout.js';
import { dayText, formatMinutes } from './durations.js';
import { sessionMessages as m } from './messages.js';
import { addDays } from './schedule.js';
import '../tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Excerpt of a text for a timeline entry (the full text is on its page). */
export function excerpt(text: string, max = 280): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Noon in Paris on a due day: a day's entry sorts inside that day whatever the time zone of the reader. */
const dayInstant = (day: string) => parisDateTime(day, '12:00');

/** A team's message with no staff answer after this many days is late (the digest lists it). */
export const ANSWER_DAYS = 3;

/** The messages between the team and the staff; a team's message left unanswered is late. */
export const messageSource = {
  name: 'support-messages',
  async entries(db: Db, applicationId: string): Promise<TimelineEntry[]> {
    const rows = await db
      .selectFrom('support_messages as m')
      .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
      .select(['m.id', 'm.side', 'm.body', 'm.created_at'])
      .where('p.application_id', '=', applicationId)
      .execute();
    return rows.map((r) => ({
      kind: 'message' as const,
      at: new Date(r.created_at),
      title: r.side === 'team' ? m.entryTeamMessage : m.entryStaffMessage,
      // The whole message: the timeline is where it is read.
      text: r.body,
      staffHref: `${spaceHref('staff', applicationId, 'timeline')}#message-${r.id}`,
      teamHref: `${spaceHref('team', applicationId, 'timeline')}#message-${r.id}`,
    }));
  },
  /**
   * Per running plan, the oldest team message no staff message followed for ANSWER_DAYS days: the staff
   * responsible got a mail, and a plan with no one responsible relies on this.
   */
  async late(db: Db, today: string): Promise<LateItem[]> {
    const rows = await db
      .selectFrom('support_messages as m')
      .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
      .select(['m.id', 'm.body', 'm.created_at', 'p.application_id'])
      .where('m.side', '=', 'team')
      .where('m.created_at', '<', parisStartOfDay(addDays(today, -ANSWER_DAYS)))
      .where('p.status', '<>', 'finished')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('support_messages as s')
              .select('s.id')
              .whereRef('s.plan_id', '=', 'm.plan_id')
              .where('s.side', '=', 'staff')
              .whereRef('s.created_at', '>', 'm.created_at'),
          ),
        ),
      )
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute();
    const oldest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) if (!oldest.has(row.application_id)) oldest.set(row.application_id, row);
    return [...oldest.values()].map((r) => ({
      applicationId: r.application_id,
      kind: 'message' as const,
      title: excerpt(r.body, 200),
      dueOn: addDays(isoDateParis(new Date(r.created_at)), ANSWER_DAYS),
      staffHref: `${spaceHref('staff', r.application_id, 'timeline')}#message-${r.id}`,
    }));
  },
};

/**
 * Coaching sessions, and their action items: done ones when they were done, open ones with a due date at
 * that date (the sessions page says which are late: it knows today). What is late feeds the weekly digest.
 */
export const sessionSource = {
  name: 'support-sessions',
  async entries(db: Db, applicationId: string): Promise<TimelineEntry[]> {
    const [sessions, items] = await Promise.all([
      db
        .selectFrom('support_sessions as s')
        .innerJoin('support_plans as p', 'p.id', 's.plan_id')
        .select(['s.id', 's.held_at', 's.duration_minutes', 's.topics'])
        .where('p.application_id', '=', applicationId)
        .execute(),
      db
        .selectFrom('support_action_items as i')
        .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
        .select(['i.id', 'i.text', 'i.due_on', 'i.done_at'])
        .where('p.application_id', '=', applicationId)
        .where((eb) => eb.or([eb('i.done_at', 'is not', null), eb('i.due_on', 'is not', null)]))
        .execute(),
    ]);
    const staffSessions = spaceHref('staff', applicationId, 'sessions');
    const teamSessions = spaceHref('team', applicationId, 'sessions');
    const entries: TimelineEntry[] = sessions.map((s) => ({
      kind: 'session' as const,
      at: new Date(s.held_at),
      title: m.entrySession,
      params: { duration: formatMinutes(s.duration_minutes) },
      text: excerpt(s.topics),
      staffHref: `${staffSessions}#seance-${s.id}`,
      teamHref: `${teamSessions}#seance-${s.id}`,
    }));
    for (const item of items) {
      entries.push({
        kind: 'session',
        at: item.done_at ? new Date(item.done_at) : dayInstant(dayText(item.due_on)!),
        title: item.done_at ? m.entryItemDone : m.entryItemDue,
        params: { text: excerpt(item.text, 120) },
        text: '',
        staffHref: `${staffSessions}#action-${item.id}`,
        teamHref: `${teamSessions}#action-${item.id}`,
      });
    }
    return entries;
  },
  /** Action items past due and not done, in plans still running. */
  async late(db: Db, today: string): Promise<LateItem[]> {
    const rows = await db
      .selectFrom('support_action_items as i')
      .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
      .select(['i.id', 'i.text', 'i.due_on', 'p.application_id'])
      .where('i.done_at', 'is', null)
      .where('i.due_on', '<', today)
      .where('p.status', '<>', 'finished')
      .orderBy('i.due_on')
      .orderBy('i.id')
      .execute();
    return rows.map((r) => ({
      applicationId: r.application_id,
      kind: 'action_item' as const,
      title: excerpt(r.text, 200),
      dueOn: dayText(r.due_on)!,
      staffHref: `${spaceHref('staff', r.application_id, 'sessions')}#action-${r.id}`,
    }));
  },
};

addTimelineSource(messageSource);
addTimelineSource(sessionSource);
