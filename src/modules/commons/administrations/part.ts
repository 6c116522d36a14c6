import type { CooperationPart } from '../part.js';
import { administrationMessages as m } from './messages.js';
import './register.js';

const LISTING = '/cooperation/administrations';
/** An administration's page among the list's links (not the creation page). */
const ADMINISTRATION = /^\/cooperation\/administrations\/(?!nouvelle$)[a-z0-9-]+$/;
const STAFF_ADMINISTRATION = /^\/admin\/cooperation\/administrations\/[0-9a-f-]{36}$/;

/** Administrations by SIRET (register-checked), their services and members: ProConnect join, invitations, leaving. */
export const administrationsPart: CooperationPart = {
  // The routes (and the views they pull in) load only when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).administrationRoutes(app, services),
  siteMap: [{ href: LISTING, label: m.siteMapAdministrations, section: 'main', order: 56 }],
  examplePages: [
    { name: 'cooperation administrations', url: LISTING },
    { name: 'cooperation administration', from: { listing: LISTING, link: ADMINISTRATION } },
    { name: 'cooperation administration creation (staff)', url: `${LISTING}/nouvelle`, staff: true },
    ...(['membres', 'services', 'modifier'] as const).map((page) => ({
      name: `cooperation administration ${page} (staff)`,
      from: {
        listing: LISTING,
        link: ADMINISTRATION,
        next: new RegExp(`^/cooperation/administrations/[a-z0-9-]+/${page}$`),
      },
      staff: true,
    })),
    { name: 'cooperation administrations (staff)', url: '/admin/cooperation/administrations', staff: true },
    {
      name: 'cooperation administration moderation',
      from: { listing: '/admin/cooperation/administrations', link: STAFF_ADMINISTRATION },
      staff: true,
    },
    { name: 'cooperation administrations import', url: '/admin/cooperation/administrations/import', staff: true },
  ],
};
