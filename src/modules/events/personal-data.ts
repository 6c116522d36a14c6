import type { DataSubject, ErasureContext, ErasureCounts } from '../../core/module.js';
import type { Services } from '../../core/services.js';
import { lockEvent, offerFreePlaces } from './agenda/places.js';
import './tables.js';

/**
 * A person's registrations to events, found by their account or by their address (a visitor registers by
 * email before having an account), for the "my data" export, with the answers they gave.
 */
export async function eventsDataOf(services: Services, person: DataSubject): Promise<unknown> {
  const rows = await services.db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select([
      'e.title as event',
      'e.starts_at as startsAt',
      'r.name',
      'r.email',
      'r.status',
      'r.answers',
      'r.attended',
      'r.created_at as createdAt',
      'r.confirmed_at as confirmedAt',
      'r.cancelled_at as cancelledAt',
    ])
    .where((eb) =>
      eb.or([eb('r.user_id', '=', person.id), eb(eb.fn('lower', ['r.email']), '=', person.email.toLowerCase())]),
    )
    .orderBy('r.created_at')
    .execute();
  return { registrations: rows };
}

/**
 * Erases a person's registrations: nothing of them is a record the programme must keep (a published closing
 * report keeps its attendance as a number). A place they held at an event still to come is freed and offered
 * to the waiting list, as a cancellation would, under the event's lock.
 */
export async function eraseEventsData(context: ErasureContext, person: DataSubject): Promise<ErasureCounts> {
  const { trx, services, audit, now } = context;
  const registrations = await trx
    .selectFrom('event_registrations')
    .select(['id', 'event_id', 'status'])
    .where((eb) =>
      eb.or([eb('user_id', '=', person.id), eb(eb.fn('lower', ['email']), '=', person.email.toLowerCase())]),
    )
    .execute();
  let placesOffered = 0;
  for (const eventId of new Set(registrations.map((r) => r.event_id))) {
    const event = await lockEvent(trx, eventId);
    const mine = registrations.filter((r) => r.event_id === eventId);
    await trx
      .deleteFrom('event_registrations')
      .where(
        'id',
        'in',
        mine.map((r) => r.id),
      )
      .execute();
    const heldPlace = mine.some((r) => r.status === 'registered' || r.status === 'offered');
    if (event && heldPlace) placesOffered += await offerFreePlaces(trx, services, event, audit, now);
  }
  return { registrationsDeleted: registrations.length, placesOffered };
}
