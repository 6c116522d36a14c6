import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

const PARIS = 'Europe/Paris';

/**
 * Europe/Paris as a VTIMEZONE (the EU rule since 1996: summer time from the last Sunday of March at 02:00
 * to the last Sunday of October at 03:00), so a calendar shows the event at its Paris time whatever its own
 * zone database holds.
 */
export const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** What a calendar entry holds of an event: public fields only, unless `privateLink` is given (a registrant's mail). */
export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  url: string;
  sequence: number;
  cancelled: boolean;
  updatedAt: Date;
  /** The online link, only in a registered person's own file. */
  privateLink?: string | null;
}

/**
 * An iCalendar (RFC 5545) file: VTIMEZONE for Europe/Paris, times with TZID, a stable UID (id@host), DTSTAMP
 * in UTC, SEQUENCE carried from the event (incremented on each change) and STATUS:CANCELLED for a cancelled
 * event; ical-generator escapes text and folds lines at 75 octets.
 */
export function icsCalendar(options: { name: string; host: string; events: IcsEvent[]; now: Date }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Accelerateur', product: 'evenements', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
    // A generator without a calendar-wide name: DTSTAMP stays in UTC; every event's zone gets its VTIMEZONE.
    timezone: { name: null, generator: (zone) => (zone === PARIS ? PARIS_VTIMEZONE : null) },
  });
  for (const e of options.events) {
    const description = e.privateLink ? `${e.description}\n\n${e.privateLink}`.trim() : e.description;
    calendar.createEvent({
      id: `${e.id}@${options.host}`,
      sequence: e.sequence,
      stamp: options.now,
      lastModified: e.updatedAt,
      start: DateTime.fromJSDate(e.startsAt, { zone: PARIS }),
      end: DateTime.fromJSDate(e.endsAt, { zone: PARIS }),
      timezone: PARIS,
      summary: e.title,
      description: description || undefined,
      location: e.place || undefined,
      url: e.url,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
