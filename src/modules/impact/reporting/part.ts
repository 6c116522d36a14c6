import type { ImpactPart } from '../part.js';
import { loadReportingDemo } from './demo.js';
import { reportingMessages as m, valuesToApproveCount } from './messages.js';
import { pendingForStaff } from './queries.js';

const STAFF_LAUREATE = /^\/admin\/impact\/laureats\/[0-9a-f-]{36}$/;

/** Indicators defined with the laureates, values reported and approved (Akvo's cycle), testimonies. */
export const reportingPart: ImpactPart = {
  // The routes (and the views they pull in) load only when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).reportingRoutes(app, services),
  dashboard: [
    {
      href: '/admin/impact',
      permission: 'impact.manage',
      title: m.tileTitle,
      text: m.tileText,
      order: 69.7,
      count: async (services, user) => pendingForStaff(services, user),
      countLabel: valuesToApproveCount,
    },
  ],
  examplePages: [
    { name: 'impact laureates (staff)', url: '/admin/impact', staff: true },
    { name: 'impact laureate (staff)', from: { listing: '/admin/impact', link: STAFF_LAUREATE }, staff: true },
    {
      name: 'impact indicator edit form',
      from: {
        listing: '/admin/impact',
        link: STAFF_LAUREATE,
        next: /^\/admin\/impact\/indicateurs\/[0-9a-f-]{36}\/modifier$/,
      },
      staff: true,
    },
    {
      name: 'impact value record form (staff)',
      from: {
        listing: '/admin/impact',
        link: STAFF_LAUREATE,
        next: /^\/admin\/impact\/indicateurs\/[0-9a-f-]{36}\/valeurs\/nouvelle$/,
      },
      staff: true,
    },
    {
      name: 'impact section of a laureate space (the team’s page, seen by staff)',
      from: { listing: '/admin/impact', link: STAFF_LAUREATE, next: /^\/admin\/impact\/espaces\/[0-9a-f-]{36}$/ },
      staff: true,
    },
    { name: 'impact testimonies (staff)', url: '/admin/impact/temoignages', staff: true },
    { name: 'impact testimony form', url: '/admin/impact/temoignages/nouveau', staff: true },
    {
      name: 'impact testimony edit form',
      from: { listing: '/admin/impact/temoignages', link: /^\/admin\/impact\/temoignages\/[0-9a-f-]{36}\/modifier$/ },
      staff: true,
    },
  ],
  loadDemo: loadReportingDemo,
};
