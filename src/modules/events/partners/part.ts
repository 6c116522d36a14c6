import type { EventsPart } from '../part.js';
import { partnerMessages as m } from './messages.js';

const PARTNER = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The programme's partners, managed by staff, and the public partners page. */
export const partnersPart: EventsPart = {
  // The routes (and the views they pull in) load when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).partnersRoutes(app, services),
  // Where the CMS page of the same name was: after the news and the cooperation space, before the FAQ.
  nav: [{ href: '/partenaires', label: m.navPartners, order: 60 }],
  siteMap: [{ href: '/partenaires', label: m.publicTitle, section: 'main', order: 60 }],
  dashboard: [
    {
      href: '/admin/partenaires',
      permission: 'events.manage',
      title: m.staffTitle,
      text: m.staffTileText,
      order: 69.8,
    },
  ],
  loadDemo: async (services) => (await import('./demo.js')).loadPartnersDemo(services),
  examplePages: [
    { name: 'partners', url: '/partenaires' },
    { name: 'partners staff list', url: '/admin/partenaires', staff: true },
    {
      name: 'partner edit form',
      from: { listing: '/admin/partenaires', link: new RegExp(`^/admin/partenaires/${PARTNER}/modifier$`) },
      staff: true,
    },
  ],
};
