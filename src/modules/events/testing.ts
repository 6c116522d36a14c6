import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { EventKind, RegistrationStatus } from './tables.js';
import './tables.js';

/**
 * Test support: events and registrations written straight into this module's tables, for other modules'
 * tests that need some (the open-data API); the module's own use cases are tested through its routes.
 * Every helper returns the new row's id.
 */

export async function insertEvent(
  db: Kysely<DB>,
  now: Date,
  values: {
    title: string;
    startsAt: Date;
    kind?: EventKind;
    place?: string;
    onlineLink?: string;
    capacity?: number | null;
    published?: boolean;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('events')
    .values({
      title: values.title,
      kind: values.kind ?? 'in_person',
      place: values.place ?? 'Paris',
      online_link: values.onlineLink ?? null,
      starts_at: values.startsAt,
      ends_at: new Date(values.startsAt.getTime() + 2 * 3_600_000),
      capacity: values.capacity ?? null,
      questions: JSON.stringify([]),
      laureate_ids: [],
      commons_ids: [],
      published: values.published ?? true,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertRegistration(
  db: Kysely<DB>,
  now: Date,
  values: {
    eventId: string;
    name: string;
    email: string;
    status?: RegistrationStatus;
    answers?: Record<string, string>;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('event_registrations')
    .values({
      event_id: values.eventId,
      user_id: null,
      name: values.name,
      email: values.email,
      status: values.status ?? 'registered',
      answers: JSON.stringify(values.answers ?? {}),
      created_at: now,
      confirmed_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
