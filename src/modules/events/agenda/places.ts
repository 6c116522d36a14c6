import { createHash } from 'node:crypto';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { AuditRecorder } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import { formatDateTime, isLocale, type Locale } from '../../../core/i18n/i18n.js';
import { enqueueJob } from '../../../core/jobs/queue.js';
import { type MailAttachment, queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import type { EventsTable, RegistrationStatus } from '../tables.js';
import { icsCalendar } from './ics.js';
import { EVENT_MAILS } from './mails.js';
import { cancelHref, eventHref, registrationHref } from './paths.js';
import { issueToken } from './tokens.js';

export type EventRow = Selectable<EventsTable>;

/** The job that ends a place offered to the waiting list once its time is up. */
export const OFFER_EXPIRY_JOB = 'events.offer-expiry';

/** Statuses that hold (or wait for) a place: one of them per address and event. */
export const ACTIVE_STATUSES: RegistrationStatus[] = ['pending', 'registered', 'waiting', 'offered'];

/**
 * Locks the event's row until the transaction ends: every change to its places (a confirmation, a
 * cancellation, an offer, its expiry) runs one at a time per event, so two people never take the last place.
 * SELECT … FOR UPDATE behaves the same on PostgreSQL and PGlite.
 */
export async function lockEvent(trx: Transaction<DB>, eventId: string): Promise<EventRow | undefined> {
  return trx.selectFrom('events').selectAll().where('id', '=', eventId).forUpdate().executeTakeFirst();
}

/** Places taken: registered people and places offered and not yet expired. */
export async function takenPlaces(trx: Transaction<DB>, eventId: string): Promise<number> {
  const row = await trx
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', 'in', ['registered', 'offered'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function hasFreePlace(event: EventRow, taken: number): boolean {
  return event.capacity === null || taken < event.capacity;
}

/** Why the event takes no registration now, or null when it does. */
export function registrationClosedReason(
  event: EventRow,
  now: Date,
): null | 'unpublished' | 'cancelled' | 'not_open' | 'closed' {
  if (!event.published) return 'unpublished';
  if (event.cancelled_at) return 'cancelled';
  if (event.registration_opens_at && now < event.registration_opens_at) return 'not_open';
  const closes = event.registration_closes_at ?? event.starts_at;
  if (now >= closes) return 'closed';
  return null;
}

export function hashIp(ip: string): string {
  return createHash('sha256').update(`events:${ip}`).digest('hex');
}

interface Person {
  id: string;
  name: string;
  email: string;
  locale: string;
}

function localeOf(value: string): Locale {
  return isLocale(value) ? value : 'fr';
}

/** The 1-based place of a waiting registration in its event's queue. */
export async function waitingPosition(trx: Transaction<DB>, eventId: string, registrationId: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from event_registrations w, event_registrations me
    where me.id = ${registrationId} and w.event_id = ${eventId} and w.status = 'waiting'
      and (w.waiting_since, w.id) <= (me.waiting_since, me.id)`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Mails a registration: a new secret link each time (earlier mails' links keep working), the event's time in
 * Paris, the direct cancellation link; a confirmed registration gets the online link and the .ics file.
 */
export async function mailRegistration(
  trx: Transaction<DB>,
  services: Services,
  event: EventRow,
  person: Person,
  template: (typeof EVENT_MAILS)[keyof typeof EVENT_MAILS],
  now: Date,
  extra: Record<string, string> = {},
): Promise<string> {
  const base = services.config.baseUrl.replace(/\/$/, '');
  const locale = localeOf(person.locale);
  const token = await issueToken(trx, person.id, now);
  const registered = template === EVENT_MAILS.registered;
  let attachments: MailAttachment[] | undefined;
  if (registered)
    attachments = [
      {
        filename: 'evenement.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: icsCalendar({
          name: event.title,
          host: new URL(base).hostname,
          now,
          events: [
            {
              id: event.id,
              title: event.title,
              description: event.description,
              place: event.place,
              startsAt: event.starts_at,
              endsAt: event.ends_at,
              url: `${base}${eventHref(event.id)}`,
              sequence: event.sequence,
              cancelled: event.cancelled_at !== null,
              updatedAt: event.updated_at,
              privateLink: event.online_link,
            },
          ],
        }),
      },
    ];
  const terminal = template === EVENT_MAILS.offerExpired || template === EVENT_MAILS.eventCancelled;
  await queueMail(
    trx,
    {
      to: person.email,
      template,
      locale,
      data: {
        title: event.title,
        when: formatDateTime(locale, event.starts_at),
        place: event.kind === 'online' ? '' : event.place,
        link: registered && event.kind !== 'in_person' ? (event.online_link ?? '') : '',
        url: terminal ? `${base}${eventHref(event.id)}` : `${base}${registrationHref(token)}`,
        cancel: terminal ? '' : `${base}${cancelHref(token)}`,
        ...extra,
      },
      attachments,
    },
    now,
  );
  return token;
}

/**
 * Gives the event's free places to the waiting list, first come first served: each is offered for the
 * event's offer time (never past the event's start), by mail, with a durable job that ends the offer.
 * Runs under the event's lock.
 */
export async function offerFreePlaces(
  trx: Transaction<DB>,
  services: Services,
  event: EventRow,
  audit: AuditRecorder,
  now: Date,
): Promise<number> {
  if (event.cancelled_at || now >= event.starts_at) return 0;
  const taken = await takenPlaces(trx, event.id);
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - taken;
  if (free <= 0) return 0;
  const next = await trx
    .selectFrom('event_registrations')
    .select(['id', 'name', 'email', 'locale'])
    .where('event_id', '=', event.id)
    .where('status', '=', 'waiting')
    .orderBy('waiting_since')
    .orderBy('id')
    .limit(Math.min(free, 1000))
    .execute();
  const expires = new Date(Math.min(now.getTime() + event.offer_hours * 3600_000, event.starts_at.getTime()));
  for (const person of next) {
    await trx
      .updateTable('event_registrations')
      .set({ status: 'offered', offer_expires_at: expires, updated_at: now })
      .where('id', '=', person.id)
      .execute();
    await mailRegistration(trx, services, event, person, EVENT_MAILS.offer, now, {
      expires: formatDateTime(localeOf(person.locale), expires),
    });
    await enqueueJob(trx, OFFER_EXPIRY_JOB, { registrationId: person.id }, { runAt: expires });
    await audit({
      action: 'events.place-offered',
      subjectType: 'event_registration',
      subjectId: person.id,
      summary: { eventId: event.id, expiresAt: expires.toISOString() },
    });
  }
  return next.length;
}

/**
 * Takes a place for a registration (under the event's lock): registered when a place is free, else on the
 * waiting list; mails the person accordingly. Returns the new status.
 */
export async function takePlace(
  trx: Transaction<DB>,
  services: Services,
  event: EventRow,
  person: Person,
  now: Date,
): Promise<{ status: 'registered' | 'waiting'; token: string }> {
  const free = hasFreePlace(event, await takenPlaces(trx, event.id));
  const status = free ? 'registered' : 'waiting';
  await trx
    .updateTable('event_registrations')
    .set({
      status,
      confirmed_at: now,
      waiting_since: free ? null : now,
      offer_expires_at: null,
      updated_at: now,
    })
    .where('id', '=', person.id)
    .execute();
  const position = free ? 0 : await waitingPosition(trx, event.id, person.id);
  const token = await mailRegistration(
    trx,
    services,
    event,
    person,
    free ? EVENT_MAILS.registered : EVENT_MAILS.waiting,
    now,
    { position: String(position) },
  );
  return { status, token };
}
