import type { EventsPart } from '../part.js';
import { agendaMessages as m } from './messages.js';
import { OFFER_EXPIRY_JOB } from './places.js';

const EVENT_LINK = /^\/evenements\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STAFF_LINK = /^\/admin\/evenements\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Events, registrations with a waiting list, calendar feeds, attendees and closing reports. */
export const agendaPart: EventsPart = {
  // The routes (and the views they pull in) load only when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).agendaRoutes(app, services),
  jobs: (services) => ({
    [OFFER_EXPIRY_JOB]: async (payload) => (await import('./register.js')).offerExpiryJob(services)(payload),
  }),
  loadDemo: async (services) => (await import('./demo.js')).loadAgendaDemo(services),
  nav: [{ href: '/evenements', label: m.navEvents, order: 52 }],
  siteMap: [{ href: '/evenements', label: m.navEvents, section: 'main', order: 52 }],
  dashboard: [
    { href: '/admin/evenements', permission: 'events.manage', title: m.eventsTitle, text: m.tileText, order: 69.7 },
  ],
  examplePages: [
    { name: 'events', url: '/evenements' },
    { name: 'one event', from: { listing: '/evenements', link: EVENT_LINK } },
    { name: 'events (staff)', url: '/admin/evenements', staff: true },
    {
      name: 'one event (staff, with attendees)',
      from: { listing: '/admin/evenements', link: STAFF_LINK },
      staff: true,
    },
    {
      name: 'event closing report form',
      from: {
        listing: '/admin/evenements',
        link: STAFF_LINK,
        next: /^\/admin\/evenements\/[0-9a-f-]{36}\/compte-rendu$/,
      },
      staff: true,
    },
    { name: 'new event form', url: '/admin/evenements/nouveau', staff: true },
  ],
};
