import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { EventKind, EventQuestion, RegistrationStatus } from '../tables.js';
import type { EventRow } from './places.js';

type Db = Kysely<DB>;

/** A jsonb column as the driver hands it: parsed already, or text. */
export function jsonOf<T>(value: unknown, fallback: T): T {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return (value ?? fallback) as T;
}

export function questionsOf(event: { questions: unknown }): EventQuestion[] {
  return jsonOf<EventQuestion[]>(event.questions, []);
}

export interface PlaceCounts {
  registered: number;
  waiting: number;
  offered: number;
}

/** Registered, waiting and offered counts of some events. */
export async function placeCounts(db: Db, eventIds: string[]): Promise<Map<string, PlaceCounts>> {
  const counts = new Map<string, PlaceCounts>();
  if (eventIds.length === 0) return counts;
  const rows = await db
    .selectFrom('event_registrations')
    .select((eb) => [
      'event_id',
      eb.fn.countAll<number>().filterWhere('status', '=', 'registered').as('registered'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'waiting').as('waiting'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'offered').as('offered'),
    ])
    .where('event_id', 'in', eventIds)
    .groupBy('event_id')
    .execute();
  for (const r of rows)
    counts.set(r.event_id, {
      registered: Number(r.registered),
      waiting: Number(r.waiting),
      offered: Number(r.offered),
    });
  return counts;
}

export const NO_COUNTS: PlaceCounts = { registered: 0, waiting: 0, offered: 0 };

/** Published events (or every event, for staff), by start. */
export async function listEvents(db: Db, options: { all: boolean }): Promise<EventRow[]> {
  let query = db.selectFrom('events').selectAll().orderBy('starts_at').orderBy('id');
  if (!options.all) query = query.where('published', '=', true);
  return query.execute();
}

export async function eventById(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface RegistrationRow {
  id: string;
  eventId: string;
  userId: string | null;
  name: string;
  email: string;
  status: RegistrationStatus;
  answers: Record<string, string>;
  waitingSince: Date | null;
  offerExpiresAt: Date | null;
  attended: boolean;
  createdAt: Date;
  confirmedAt: Date | null;
}

const REGISTRATION_COLUMNS = [
  'id',
  'event_id',
  'user_id',
  'name',
  'email',
  'status',
  'answers',
  'waiting_since',
  'offer_expires_at',
  'attended',
  'created_at',
  'confirmed_at',
] as const;

function toRegistration(r: {
  id: string;
  event_id: string;
  user_id: string | null;
  name: string;
  email: string;
  status: RegistrationStatus;
  answers: unknown;
  waiting_since: Date | null;
  offer_expires_at: Date | null;
  attended: boolean;
  created_at: Date;
  confirmed_at: Date | null;
}): RegistrationRow {
  return {
    id: r.id,
    eventId: r.event_id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    status: r.status,
    answers: jsonOf<Record<string, string>>(r.answers, {}),
    waitingSince: r.waiting_since,
    offerExpiresAt: r.offer_expires_at,
    attended: r.attended,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
  };
}

/** Every registration of an event: registered by name, the waiting list in its order. */
export async function registrationsOf(db: Db, eventId: string): Promise<RegistrationRow[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .select(REGISTRATION_COLUMNS)
    .where('event_id', '=', eventId)
    .orderBy(sql`coalesce(waiting_since, confirmed_at, created_at)`)
    .orderBy('id')
    .execute();
  return rows.map(toRegistration);
}

export async function registrationById(db: Db, id: string): Promise<RegistrationRow | undefined> {
  const row = await db
    .selectFrom('event_registrations')
    .select(REGISTRATION_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRegistration(row) : undefined;
}

/** A signed-in person's active registration for an event. */
export async function registrationOfUser(
  db: Db,
  eventId: string,
  userId: string,
): Promise<RegistrationRow | undefined> {
  const row = await db
    .selectFrom('event_registrations')
    .select(REGISTRATION_COLUMNS)
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['pending', 'registered', 'waiting', 'offered'])
    .executeTakeFirst();
  return row ? toRegistration(row) : undefined;
}

export async function waitingPositionOf(db: Db, registration: RegistrationRow): Promise<number> {
  if (registration.status !== 'waiting' || !registration.waitingSince) return 0;
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from event_registrations
    where event_id = ${registration.eventId} and status = 'waiting'
      and (waiting_since, id) <= (${registration.waitingSince}::timestamptz, ${registration.id}::uuid)`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface EventDocument {
  id: string;
  title: string;
  fileId: string;
}

export async function documentsOf(db: Db, eventId: string): Promise<EventDocument[]> {
  const rows = await db
    .selectFrom('event_documents')
    .select(['id', 'title', 'file_id'])
    .where('event_id', '=', eventId)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, fileId: r.file_id }));
}

/** An event as the open data and the public read it: no online link, no registrations. */
export interface PublicEvent {
  id: string;
  title: string;
  description: string;
  kind: EventKind;
  place: string;
  accessibility: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  cancelled: boolean;
  cancelReason: string | null;
  laureateIds: string[];
  commonsIds: string[];
  /** The closing report, once published: the attendance and the minutes (Markdown). */
  report: { attendance: number | null; minutes: string; publishedAt: Date } | null;
  sequence: number;
  updatedAt: Date;
}

export function toPublicEvent(e: EventRow, attended = 0): PublicEvent {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    kind: e.kind,
    place: e.kind === 'online' ? '' : e.place,
    accessibility: e.accessibility,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    capacity: e.capacity,
    registrationOpensAt: e.registration_opens_at,
    registrationClosesAt: e.registration_closes_at,
    cancelled: e.cancelled_at !== null,
    cancelReason: e.cancel_reason,
    laureateIds: e.laureate_ids,
    commonsIds: e.commons_ids,
    report: e.report_published_at
      ? { attendance: e.report_attendance ?? attended, minutes: e.report_minutes, publishedAt: e.report_published_at }
      : null,
    sequence: e.sequence,
    updatedAt: e.updated_at,
  };
}

/**
 * The published events (cancelled ones included, marked), by start, optionally those ending from `from`
 * and starting before `to`: public fields only (no online link, no registrations). `now` is the caller's clock.
 */
export async function publicEvents(
  db: Db,
  _now: Date,
  options: { from?: Date; to?: Date; id?: string } = {},
): Promise<PublicEvent[]> {
  let query = db.selectFrom('events').selectAll().where('published', '=', true);
  if (options.id) query = query.where('id', '=', options.id);
  if (options.from) query = query.where('ends_at', '>=', options.from);
  if (options.to) query = query.where('starts_at', '<', options.to);
  const rows = await query.orderBy('starts_at').orderBy('id').execute();
  const attended = await attendedCounts(
    db,
    rows.filter((r) => r.report_published_at).map((r) => r.id),
  );
  return rows.map((r) => toPublicEvent(r, attended.get(r.id) ?? 0));
}

export async function attendedCounts(db: Db, eventIds: string[]): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('event_registrations')
    .select((eb) => ['event_id', eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .where('attended', '=', true)
    .groupBy('event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}
