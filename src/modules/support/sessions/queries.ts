import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { personByEmail, personName, staffOfTrack } from '../../accounts/index.js';
import { teamRecipients } from '../../applications/index.js';
import '../tables.js';
import { dayText } from './durations.js';

type Db = Kysely<DB> | Transaction<DB>;

export type ParticipantSide = 'team' | 'staff' | 'mentor' | 'administration';
export const PARTICIPANT_SIDES: readonly ParticipantSide[] = ['team', 'staff', 'mentor', 'administration'];

export interface Participant {
  userId: string | null;
  name: string;
  side: ParticipantSide;
}

export interface ActionItem {
  id: string;
  planId: string;
  sessionId: string | null;
  text: string;
  ownerName: string;
  ownerUserId: string | null;
  dueOn: string | null;
  doneAt: Date | null;
}

export interface CoachingSession {
  id: string;
  planId: string;
  heldAt: Date;
  durationMinutes: number;
  countsHours: boolean;
  topics: string;
  notes: string;
  staffNote: string;
  levers: string[];
  version: number;
  participants: Participant[];
  items: ActionItem[];
}

export interface Hours {
  /** null when the plan counts no hours. */
  allocatedMinutes: number | null;
  usedMinutes: number;
  /** allocated − used (negative when over), or null. */
  leftMinutes: number | null;
}

const ITEM_COLUMNS = [
  'id',
  'plan_id',
  'session_id',
  'text',
  'owner_name',
  'owner_user_id',
  'due_on',
  'done_at',
] as const;

function toItem(r: {
  id: string;
  plan_id: string;
  session_id: string | null;
  text: string;
  owner_name: string;
  owner_user_id: string | null;
  due_on: string | null;
  done_at: Date | null;
}): ActionItem {
  return {
    id: r.id,
    planId: r.plan_id,
    sessionId: r.session_id,
    text: r.text,
    ownerName: r.owner_name,
    ownerUserId: r.owner_user_id,
    dueOn: dayText(r.due_on),
    doneAt: r.done_at,
  };
}

/** The plan's action items: open ones first by due date (undated last), then done ones. */
export async function actionItemsOfPlan(db: Db, planId: string): Promise<ActionItem[]> {
  const rows = await db.selectFrom('support_action_items').select(ITEM_COLUMNS).where('plan_id', '=', planId).execute();
  return rows
    .map(toItem)
    .sort(
      (a, b) =>
        Number(a.doneAt !== null) - Number(b.doneAt !== null) ||
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
        a.text.localeCompare(b.text, 'fr') ||
        a.id.localeCompare(b.id),
    );
}

export async function actionItemOfPlan(db: Db, planId: string, itemId: string): Promise<ActionItem | null> {
  const row = await db
    .selectFrom('support_action_items')
    .select(ITEM_COLUMNS)
    .where('plan_id', '=', planId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

/** The plan's sessions, latest first, with their participants and action items. */
export async function sessionsOfPlan(db: Db, planId: string, sessionId?: string): Promise<CoachingSession[]> {
  let query = db
    .selectFrom('support_sessions')
    .select([
      'id',
      'plan_id',
      'held_at',
      'duration_minutes',
      'counts_hours',
      'topics',
      'notes',
      'staff_note',
      'levers',
      'version',
    ])
    .where('plan_id', '=', planId);
  if (sessionId) query = query.where('id', '=', sessionId);
  const rows = await query.orderBy('held_at', 'desc').orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [participants, items] = await Promise.all([
    db
      .selectFrom('support_session_participants')
      .select(['session_id', 'user_id', 'name', 'side'])
      .where('session_id', 'in', ids)
      .orderBy('session_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('support_action_items')
      .select(ITEM_COLUMNS)
      .where('session_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    heldAt: new Date(r.held_at),
    durationMinutes: r.duration_minutes,
    countsHours: r.counts_hours,
    topics: r.topics,
    notes: r.notes,
    staffNote: r.staff_note,
    levers: r.levers ?? [],
    version: r.version,
    participants: participants
      .filter((p) => p.session_id === r.id)
      .map((p) => ({ userId: p.user_id, name: p.name, side: p.side as ParticipantSide })),
    items: items.filter((i) => i.session_id === r.id).map(toItem),
  }));
}

export async function sessionOfPlan(db: Db, planId: string, sessionId: string): Promise<CoachingSession | null> {
  const [session] = await sessionsOfPlan(db, planId, sessionId);
  return session ?? null;
}

/** Allocated, used (sessions that count) and left minutes of a plan. */
export async function hoursOfPlan(db: Db, plan: { id: string; allocatedMinutes: number | null }): Promise<Hours> {
  const row = await db
    .selectFrom('support_sessions')
    .select((eb) => eb.fn.sum<string | number | null>('duration_minutes').as('used'))
    .where('plan_id', '=', plan.id)
    .where('counts_hours', '=', true)
    .executeTakeFirst();
  const usedMinutes = Number(row?.used ?? 0);
  return {
    allocatedMinutes: plan.allocatedMinutes,
    usedMinutes,
    leftMinutes: plan.allocatedMinutes === null ? null : plan.allocatedMinutes - usedMinutes,
  };
}

/** A person one may name as a participant or an action item's owner. */
export interface Candidate {
  userId: string;
  name: string;
  side: 'team' | 'staff';
}

/**
 * The people a session form offers: the laureate's team (its owner and co-applicants with an account) and
 * the staff who see its track. A team has a handful of members: one lookup each is enough.
 */
export async function candidatesFor(db: Db, applicationId: string, trackCode: string): Promise<Candidate[]> {
  const recipients = await teamRecipients(db, applicationId);
  const team = await Promise.all(recipients.map((r) => personByEmail(db, r.email)));
  const staff = await staffOfTrack(db, trackCode);
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const [side, people] of [
    ['team', team],
    ['staff', staff],
  ] as const) {
    for (const person of people) {
      if (!person || person.erased || seen.has(person.id)) continue;
      seen.add(person.id);
      out.push({ userId: person.id, name: personName(person) || person.email || '—', side });
    }
  }
  return out;
}

export interface SpaceMessage {
  id: string;
  side: 'team' | 'staff';
  authorId: string | null;
  body: string;
  createdAt: Date;
}
