import type { CooperationPart } from '../part.js';
import { experimentMessages as m, milestonesToReviewCount } from './messages.js';
import { milestonesToReview } from './queries.js';

/** Experiments between administrations and a commons, followed with milestones and documents; the space's home. */
export const experimentsPart: CooperationPart = {
  // The routes (and the views they pull in) load only when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).experimentRoutes(app, services),
  siteMap: [{ href: '/cooperation/experimentations', label: m.listTitle, section: 'main', order: 59 }],
  dashboard: [
    {
      href: '/admin/cooperation/experimentations',
      permission: 'commons.moderate',
      title: m.tileTitle,
      text: m.tileText,
      order: 69.5,
      count: async (services) => milestonesToReview(services.db),
      countLabel: milestonesToReviewCount,
    },
  ],
  examplePages: [
    { name: 'cooperation home', url: '/cooperation' },
    { name: 'experiments', url: '/cooperation/experimentations' },
    {
      name: 'one experiment',
      from: { listing: '/cooperation/experimentations', link: /^\/cooperation\/experimentations\/[0-9a-f-]{36}$/ },
    },
    {
      name: 'one experiment (staff, with its forms)',
      from: { listing: '/cooperation/experimentations', link: /^\/cooperation\/experimentations\/[0-9a-f-]{36}$/ },
      staff: true,
    },
    {
      name: 'experiment edit form',
      from: {
        listing: '/cooperation/experimentations',
        link: /^\/cooperation\/experimentations\/[0-9a-f-]{36}$/,
        next: /^\/cooperation\/experimentations\/[0-9a-f-]{36}\/modifier$/,
      },
      staff: true,
    },
    { name: 'new experiment form', url: '/cooperation/experimentations/nouvelle', staff: true },
    { name: 'experiments (staff)', url: '/admin/cooperation/experimentations', staff: true },
  ],
};
