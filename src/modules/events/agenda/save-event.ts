import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import type { EventInput } from './event-input.js';
import { parseQuestions } from './event-input.js';
import { EVENT_MAILS } from './mails.js';
import { lockEvent, mailRegistration, offerFreePlaces, takenPlaces } from './places.js';

export type SaveResult =
  | { ok: true; id: string }
  | { ok: false; problem: 'not_found' | 'stale' | 'cancelled' }
  | { ok: false; problem: 'capacity'; registered: number };

function columns(input: EventInput) {
  return {
    title: input.title,
    description: input.description,
    kind: input.kind,
    place: input.place,
    accessibility: input.accessibility,
    online_link: input.kind === 'in_person' ? null : input.onlineLink,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    capacity: input.capacity,
    registration_opens_at: input.opensAt,
    registration_closes_at: input.closesAt,
    offer_hours: input.offerHours,
    laureate_ids: input.laureateIds,
    commons_ids: input.commonsIds,
    published: input.published,
  };
}

/** Staff create an event (a draft unless published at once). */
export async function createEvent(services: Services, actor: Actor, input: EventInput): Promise<SaveResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveResult> => {
    const row = await trx
      .insertInto('events')
      .values({
        ...columns(input),
        questions: JSON.stringify(parseQuestions(input.questionsText)),
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'events.event-created',
      subjectType: 'event',
      subjectId: row.id,
      summary: { title: input.title, startsAt: input.startsAt.toISOString(), published: input.published },
    });
    await announcePublicChange(trx, services);
    return { ok: true, id: row.id };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}

/**
 * Staff change an event (with the version they read): SEQUENCE goes up so calendars take the change; a larger
 * capacity offers the new places to the waiting list; the capacity cannot go below the people registered.
 */
export async function updateEvent(
  services: Services,
  actor: Actor,
  eventId: string,
  version: number,
  input: EventInput,
): Promise<SaveResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveResult> => {
    const event = await lockEvent(trx, eventId);
    if (!event) return { ok: false, problem: 'not_found' };
    if (event.version !== version) return { ok: false, problem: 'stale' };
    const taken = await takenPlaces(trx, eventId);
    if (input.capacity !== null && input.capacity < taken) return { ok: false, problem: 'capacity', registered: taken };
    const updated = await trx
      .updateTable('events')
      .set({
        ...columns(input),
        questions: JSON.stringify(parseQuestions(input.questionsText, event.questions)),
        sequence: event.sequence + 1,
        version: event.version + 1,
        updated_at: now,
      })
      .where('id', '=', eventId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'events.event-updated',
      subjectType: 'event',
      subjectId: eventId,
      summary: {
        title: input.title,
        startsAt: input.startsAt.toISOString(),
        capacity: input.capacity,
        published: input.published,
        sequence: updated.sequence,
      },
    });
    await offerFreePlaces(trx, services, updated, audit, now);
    await announcePublicChange(trx, services);
    return { ok: true, id: eventId };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}

/** Staff cancel an event with a reason: STATUS:CANCELLED in the feeds, a mail to every person registered or waiting. */
export async function cancelEvent(
  services: Services,
  actor: Actor,
  eventId: string,
  reason: string,
): Promise<SaveResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveResult> => {
    const event = await lockEvent(trx, eventId);
    if (!event) return { ok: false, problem: 'not_found' };
    if (event.cancelled_at) return { ok: false, problem: 'cancelled' };
    const cancelled = await trx
      .updateTable('events')
      .set({
        cancelled_at: now,
        cancel_reason: reason,
        sequence: event.sequence + 1,
        version: event.version + 1,
        updated_at: now,
      })
      .where('id', '=', eventId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const people = await trx
      .selectFrom('event_registrations')
      .select(['id', 'name', 'email', 'locale'])
      .where('event_id', '=', eventId)
      .where('status', 'in', ['registered', 'waiting', 'offered'])
      .execute();
    for (const person of people)
      await mailRegistration(trx, services, cancelled, person, EVENT_MAILS.eventCancelled, now, { reason });
    await audit({
      action: 'events.event-cancelled',
      subjectType: 'event',
      subjectId: eventId,
      summary: { reason, told: people.length },
    });
    await announcePublicChange(trx, services);
    return { ok: true, id: eventId };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
