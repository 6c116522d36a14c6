import type { Transaction } from 'kysely';
import { type Actor, type AuditRecorder, auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import { isUniqueViolation } from '../../../core/http/submission-keys.js';
import type { Locale } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { EVENT_MAILS } from './mails.js';
import {
  ACTIVE_STATUSES,
  type EventRow,
  hashIp,
  lockEvent,
  mailRegistration,
  offerFreePlaces,
  registrationClosedReason,
  takePlace,
} from './places.js';

/** At most this many registration requests by email per address, and per network address, per hour. */
export const REQUESTS_PER_EMAIL_HOUR = 5;
export const REQUESTS_PER_IP_HOUR = 20;

type Closed = 'not_found' | 'unpublished' | 'cancelled' | 'not_open' | 'closed';

export interface RegistrationInput {
  eventId: string;
  name: string;
  email: string;
  answers: Record<string, string>;
  locale: Locale;
}

export type RegisterResult =
  | { ok: true; status: 'registered' | 'waiting'; token: string }
  | { ok: false; problem: Closed | 'already'; token?: string };

/**
 * A signed-in person registers in one click: their account's address is theirs already, so no confirmation
 * mail; they get a place or a place on the waiting list at once, under the event's lock.
 */
export async function registerSignedIn(
  services: Services,
  actor: Actor & { id: string },
  input: RegistrationInput,
): Promise<RegisterResult> {
  const now = services.clock.now();
  try {
    return await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<RegisterResult> => {
      const event = await lockEvent(trx, input.eventId);
      if (!event) return { ok: false, problem: 'not_found' };
      const closed = registrationClosedReason(event, now);
      if (closed) return { ok: false, problem: closed };
      const existing = await trx
        .selectFrom('event_registrations')
        .select('id')
        .where('event_id', '=', event.id)
        .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
        .where('status', 'in', ACTIVE_STATUSES)
        .executeTakeFirst();
      if (existing) return { ok: false, problem: 'already' };
      const row = await trx
        .insertInto('event_registrations')
        .values({
          event_id: event.id,
          user_id: actor.id,
          name: input.name,
          email: input.email,
          locale: input.locale,
          status: 'pending',
          answers: JSON.stringify(input.answers),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const taken = await takePlace(
        trx,
        services,
        event,
        { id: row.id, name: input.name, email: input.email, locale: input.locale },
        now,
      );
      await audit({
        action: 'events.registered',
        subjectType: 'event_registration',
        subjectId: row.id,
        summary: { eventId: event.id, status: taken.status, signedIn: true },
      });
      return { ok: true, ...taken };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: 'already' };
    throw error;
  }
}

export type RequestResult = { ok: true } | { ok: false; problem: Closed | 'rate_limited' };

/**
 * Anyone registers with an address: a pending registration and a mail with the confirmation link; the
 * place is taken only when the link is confirmed. Asking again for the same address sends a new link (of
 * the registration as it stands), so the page never tells whether an address is registered. Rate-limited
 * per address and per network address.
 */
export async function requestRegistration(
  services: Services,
  actor: Actor,
  input: RegistrationInput & { ipHash: string },
): Promise<RequestResult> {
  const now = services.clock.now();
  const hourAgo = new Date(now.getTime() - 3600_000);
  const emailHash = hashIp(`email:${input.email.toLowerCase()}`);
  const recent = await services.db
    .selectFrom('event_registration_requests')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('email_hash', '=', emailHash).as('byEmail'),
      eb.fn.countAll<number>().filterWhere('ip_hash', '=', input.ipHash).as('byIp'),
    ])
    .where('at', '>', hourAgo)
    .executeTakeFirstOrThrow();
  if (Number(recent.byEmail) >= REQUESTS_PER_EMAIL_HOUR || Number(recent.byIp) >= REQUESTS_PER_IP_HOUR)
    return { ok: false, problem: 'rate_limited' };
  // Every request counts (kept a day, then cleared by the next requests).
  await services.db
    .deleteFrom('event_registration_requests')
    .where('at', '<', new Date(now.getTime() - 86_400_000))
    .execute();
  await services.db
    .insertInto('event_registration_requests')
    .values({ email_hash: emailHash, ip_hash: input.ipHash, at: now })
    .execute();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<RequestResult> => {
    const event = await lockEvent(trx, input.eventId);
    if (!event) return { ok: false, problem: 'not_found' };
    const closed = registrationClosedReason(event, now);
    if (closed) return { ok: false, problem: closed };
    const existing = await trx
      .selectFrom('event_registrations')
      .select(['id', 'status', 'name', 'email', 'locale'])
      .where('event_id', '=', event.id)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .where('status', 'in', ACTIVE_STATUSES)
      .executeTakeFirst();
    if (existing) {
      // The same mail as the registration stands: a new link, nothing changed.
      await trx
        .updateTable('event_registrations')
        .set({ updated_at: now, ip_hash: input.ipHash })
        .where('id', '=', existing.id)
        .execute();
      const template =
        existing.status === 'pending'
          ? EVENT_MAILS.confirm
          : existing.status === 'registered'
            ? EVENT_MAILS.registered
            : existing.status === 'offered'
              ? EVENT_MAILS.offer
              : EVENT_MAILS.waiting;
      await mailRegistration(trx, services, event, existing, template, now, { position: '', expires: '' });
      return { ok: true };
    }
    const row = await trx
      .insertInto('event_registrations')
      .values({
        event_id: event.id,
        name: input.name,
        email: input.email,
        locale: input.locale,
        status: 'pending',
        answers: JSON.stringify(input.answers),
        ip_hash: input.ipHash,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await mailRegistration(
      trx,
      services,
      event,
      { id: row.id, name: input.name, email: input.email, locale: input.locale },
      EVENT_MAILS.confirm,
      now,
    );
    await audit({
      action: 'events.registration-requested',
      subjectType: 'event_registration',
      subjectId: row.id,
      summary: { eventId: event.id },
    });
    return { ok: true };
  });
}

export type ConfirmResult =
  | { ok: true; status: 'registered' | 'waiting' }
  | { ok: false; problem: Closed | 'not_pending' | 'expired' };

interface LockedRegistration {
  id: string;
  status: string;
  name: string;
  email: string;
  locale: string;
  offer_expires_at: Date | null;
  event_id: string;
}

/** Loads the registration and locks its event; the callback runs under the lock, in one audited transaction. */
async function underEventLock<T>(
  services: Services,
  actor: Actor,
  registrationId: string,
  fn: (registration: LockedRegistration, event: EventRow, trx: Transaction<DB>, audit: AuditRecorder) => Promise<T>,
  missing: T,
): Promise<T> {
  const now = services.clock.now();
  const first = await services.db
    .selectFrom('event_registrations')
    .select('event_id')
    .where('id', '=', registrationId)
    .executeTakeFirst();
  if (!first) return missing;
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const event = await lockEvent(trx, first.event_id);
    const registration = await trx
      .selectFrom('event_registrations')
      .select(['id', 'status', 'name', 'email', 'locale', 'offer_expires_at', 'event_id'])
      .where('id', '=', registrationId)
      .executeTakeFirst();
    if (!event || !registration) return missing;
    return fn(registration, event, trx, audit);
  });
}

/** The person confirms their address through the mail's link: they take a place, or join the waiting list. */
export async function confirmRegistration(
  services: Services,
  actor: Actor,
  registrationId: string,
): Promise<ConfirmResult> {
  const now = services.clock.now();
  return underEventLock<ConfirmResult>(
    services,
    actor,
    registrationId,
    async (registration, event, trx, audit) => {
      if (registration.status !== 'pending') return { ok: false, problem: 'not_pending' };
      const closed = registrationClosedReason(event, now);
      if (closed) return { ok: false, problem: closed };
      const taken = await takePlace(trx, services, event, registration, now);
      await audit({
        action: 'events.registered',
        subjectType: 'event_registration',
        subjectId: registration.id,
        summary: { eventId: event.id, status: taken.status, signedIn: false },
      });
      return { ok: true, status: taken.status };
    },
    { ok: false, problem: 'not_found' },
  );
}

/** The person accepts the place offered to them, in time: registered (mail with the .ics). */
export async function acceptOffer(services: Services, actor: Actor, registrationId: string): Promise<ConfirmResult> {
  const now = services.clock.now();
  return underEventLock<ConfirmResult>(
    services,
    actor,
    registrationId,
    async (registration, event, trx, audit) => {
      if (registration.status !== 'offered') return { ok: false, problem: 'not_pending' };
      if (event.cancelled_at) return { ok: false, problem: 'cancelled' };
      if (!registration.offer_expires_at || now >= registration.offer_expires_at)
        return { ok: false, problem: 'expired' };
      await trx
        .updateTable('event_registrations')
        .set({ status: 'registered', offer_expires_at: null, confirmed_at: now, updated_at: now })
        .where('id', '=', registration.id)
        .execute();
      await mailRegistration(trx, services, event, registration, EVENT_MAILS.registered, now);
      await audit({
        action: 'events.offer-accepted',
        subjectType: 'event_registration',
        subjectId: registration.id,
        summary: { eventId: event.id },
      });
      return { ok: true, status: 'registered' };
    },
    { ok: false, problem: 'not_found' },
  );
}

/** The person cancels (one click from any mail, or from their page): a freed place goes to the waiting list. */
export async function cancelRegistration(
  services: Services,
  actor: Actor,
  registrationId: string,
): Promise<{ ok: boolean; eventId?: string }> {
  const now = services.clock.now();
  return underEventLock<{ ok: boolean; eventId?: string }>(
    services,
    actor,
    registrationId,
    async (registration, event, trx, audit) => {
      if (!ACTIVE_STATUSES.includes(registration.status as never)) return { ok: false, eventId: event.id };
      await trx
        .updateTable('event_registrations')
        .set({ status: 'cancelled', cancelled_at: now, offer_expires_at: null, updated_at: now })
        .where('id', '=', registration.id)
        .execute();
      await audit({
        action: 'events.registration-cancelled',
        subjectType: 'event_registration',
        subjectId: registration.id,
        summary: { eventId: event.id, was: registration.status },
      });
      if (registration.status === 'registered' || registration.status === 'offered')
        await offerFreePlaces(trx, services, event, audit, now);
      return { ok: true, eventId: event.id };
    },
    { ok: false },
  );
}

/**
 * The durable job at an offer's end: an offer still open past its time expires (mail), and the place goes
 * to the next person waiting. Runs again harmlessly (an accepted or already expired offer is left alone).
 */
export function offerExpiryJob(services: Services) {
  return async (payload: Record<string, unknown>): Promise<void> => {
    const registrationId = String(payload.registrationId ?? '');
    const now = services.clock.now();
    await underEventLock<void>(
      services,
      systemActor,
      registrationId,
      async (registration, event, trx, audit) => {
        if (registration.status !== 'offered' || !registration.offer_expires_at) return;
        if (now < registration.offer_expires_at) return;
        await trx
          .updateTable('event_registrations')
          .set({ status: 'expired', offer_expires_at: null, updated_at: now })
          .where('id', '=', registration.id)
          .execute();
        await mailRegistration(trx, services, event, registration, EVENT_MAILS.offerExpired, now);
        await audit({
          action: 'events.offer-expired',
          subjectType: 'event_registration',
          subjectId: registration.id,
          summary: { eventId: event.id },
        });
        await offerFreePlaces(trx, services, event, audit, now);
      },
      undefined,
    );
  };
}
