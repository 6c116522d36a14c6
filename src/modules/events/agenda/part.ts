import type { EventsPart } from '../part.js';

/** Events, registrations with a waiting list, calendar feeds, attendees and closing reports. */
export const agendaPart: EventsPart = {};
