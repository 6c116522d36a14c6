import type { FastifyReply } from 'fastify';
import { notFound } from '../../../core/http/replies.js';
import type { App } from '../../../core/http/route-schemas.js';
import { IdParams } from '../../../core/http/route-schemas.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { type IcsEvent, icsCalendar } from './ics.js';
import { agendaMessages as m } from './messages.js';
import { EVENTS_PATH, eventHref } from './paths.js';
import { type PublicEvent, publicEvents } from './queries.js';

function send(reply: FastifyReply, body: string, fileName: string): FastifyReply {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('cache-control', 'public, no-cache')
    .send(body);
}

/** The calendar feeds: every published event, and one per event (RFC 5545, public fields only). */
export async function feedRoutes(app: App, services: Services): Promise<void> {
  const base = services.config.baseUrl.replace(/\/$/, '');
  const host = new URL(base).hostname;
  const toIcs = (e: PublicEvent): IcsEvent => ({
    id: e.id,
    title: e.title,
    description: e.description,
    place: e.place,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    url: `${base}${eventHref(e.id)}`,
    sequence: e.sequence,
    cancelled: e.cancelled,
    updatedAt: e.updatedAt,
  });

  app.get(
    `${EVENTS_PATH}.ics`,
    {
      config: { permission: 'public', openapi: true },
      schema: {
        summary: 'Events calendar (iCalendar, RFC 5545)',
        description:
          'Every published event of the programme, past and upcoming, as one iCalendar file to subscribe to: ' +
          'times in Europe/Paris with its VTIMEZONE, stable UIDs (event id @ host), SEQUENCE incremented on each ' +
          'change and STATUS:CANCELLED for a cancelled event. Online links and registrations are never included.',
        tags: ['events'],
      },
    },
    async (request, reply) => {
      const events = await publicEvents(services.db, services.clock.now());
      const body = icsCalendar({
        name: t(request.locale, m.feedName),
        host,
        now: services.clock.now(),
        events: events.map(toIcs),
      });
      return send(reply, body, 'evenements.ics');
    },
  );

  app.get(
    `${EVENTS_PATH}/:id.ics`,
    {
      config: { permission: 'public', openapi: true },
      schema: {
        summary: 'One event (iCalendar, RFC 5545)',
        description:
          'One published event as an iCalendar file (the same entry as in /evenements.ics): Europe/Paris times ' +
          'with VTIMEZONE, stable UID, SEQUENCE and STATUS. A draft or unknown event answers 404.',
        tags: ['events'],
        params: IdParams,
      },
    },
    async (request, reply) => {
      const [event] = await publicEvents(services.db, services.clock.now(), { id: request.params.id });
      if (!event) return notFound(request, reply);
      const body = icsCalendar({ name: event.title, host, now: services.clock.now(), events: [toIcs(event)] });
      return send(reply, body, `evenement-${event.id}.ics`);
    },
  );
}
