import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { isoDateParis, type Message } from '../../../core/i18n/i18n.js';
import { parisStartOfDay } from '../../../core/time/paris-time.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import type { LateItem, TimelineEntry, TimelineSource } from '../timeline-sources.js';
import { spaceHref } from '../views/space-layout.js';
import { introductionMessages as m } from './messages.js';
import { introductionsOf } from './queries.js';
import { OUTCOME_LABELS } from './views/common.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Requests waiting for staff longer than this are late (the weekly digest lists them). */
export const REQUEST_LATE_DAYS = 14;
const DAY_MS = 24 * 3600_000;

/** A title with a label filled in each language (the timeline's views translate the title, not its params). */
function filled(title: Message, key: string, label: Message): Message {
  return { fr: title.fr.replace(`{${key}}`, label.fr), en: title.en.replace(`{${key}}`, label.en) };
}

function withLever(title: Message, code: string): Message {
  const found = SUPPORT_LEVERS.find((l) => l.code === code);
  return filled(title, 'lever', found ? { fr: found.label, en: found.labelEn } : { fr: code, en: code });
}

const lever = (code: string) => SUPPORT_LEVERS.find((l) => l.code === code)?.label ?? code;

/** A laureate's introductions in its timeline: requested, introduced, declined or withdrawn, each outcome. */
export async function introductionEntries(db: Db, applicationId: string): Promise<TimelineEntry[]> {
  const plan = await db
    .selectFrom('support_plans')
    .select('id')
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!plan) return [];
  const entries: TimelineEntry[] = [];
  for (const i of await introductionsOf(db, { planIds: [plan.id] })) {
    const teamHref = `${spaceHref('team', applicationId, 'introductions')}#intro-${i.id}`;
    const staffHref = `${spaceHref('staff', applicationId, 'introductions')}/${i.id}`;
    const base = { kind: 'introduction' as const, teamHref, staffHref };
    entries.push({
      ...base,
      at: i.requestedAt,
      title: withLever(m.timelineRequested, i.lever),
      text: i.request,
    });
    if (i.status === 'introduced' && i.introducedAt)
      entries.push({
        ...base,
        at: i.introducedAt,
        title: m.timelineIntroduced,
        params: { organisation: i.contact?.organisation ?? '' },
        text: i.contact ? [i.contact.personName, i.contact.service].filter(Boolean).join(', ') : '',
      });
    if ((i.status === 'declined' || i.status === 'withdrawn') && i.closedAt)
      entries.push({
        ...base,
        at: i.closedAt,
        title: i.status === 'declined' ? m.timelineDeclined : m.timelineWithdrawn,
        text: i.status === 'declined' ? i.staffNote : '',
      });
    for (const o of i.outcomes)
      entries.push({
        ...base,
        at: parisStartOfDay(o.occurredOn),
        title: filled(m.timelineOutcome, 'outcome', OUTCOME_LABELS[o.outcome]),
        text: o.note,
      });
  }
  return entries;
}

/** Late: requests waiting for staff more than 14 days, introductions past their follow-up with no outcome. */
export async function lateIntroductions(db: Db, today: string): Promise<LateItem[]> {
  const startOfToday = parisStartOfDay(today);
  const waitingSince = new Date(startOfToday.getTime() - REQUEST_LATE_DAYS * DAY_MS);
  const rows = await db
    .selectFrom('support_introductions as i')
    .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
    .select(['i.id', 'i.status', 'i.lever', 'i.requested_at', 'i.follow_up_at', 'p.application_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('i.status', '=', 'requested'), eb('i.requested_at', '<', waitingSince)]),
        eb.and([
          eb('i.status', '=', 'introduced'),
          eb('i.follow_up_at', '<', startOfToday),
          eb.not(
            eb.exists(
              eb
                .selectFrom('support_introduction_outcomes as o')
                .select('o.id')
                .whereRef('o.introduction_id', '=', 'i.id'),
            ),
          ),
        ]),
      ]),
    )
    .orderBy('i.requested_at')
    .execute();
  return rows.map((r) => {
    const waiting = r.status === 'requested';
    const due = waiting
      ? new Date(new Date(r.requested_at).getTime() + REQUEST_LATE_DAYS * DAY_MS)
      : new Date(r.follow_up_at as Date);
    return {
      applicationId: r.application_id,
      kind: 'introduction' as const,
      title: waiting
        ? `Demande de mise en relation en attente (${lever(r.lever)})`
        : `Mise en relation sans suite enregistrée (${lever(r.lever)})`,
      dueOn: isoDateParis(due),
      staffHref: `${spaceHref('staff', r.application_id, 'introductions')}/${r.id}`,
    };
  });
}

export const introductionTimelineSource: TimelineSource = {
  name: 'introductions',
  entries: introductionEntries,
  late: lateIntroductions,
};
