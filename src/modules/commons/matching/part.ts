import type { CooperationPart } from '../part.js';
import { matchingJobs, scheduleMatchingJobs } from './jobs.js';

/** A commons' page (not the catalogue's "new" form), then a link on it ending with `end`. */
const COMMONS_PAGE = /^\/cooperation\/communs\/(?!nouveau$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NEED_PAGE = /^\/cooperation\/besoins\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Explained suggestions, contact through the platform with its follow-up, the person's space, staff figures. */
export const matchingPart: CooperationPart = {
  // The routes (and the views they pull in) load only when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).matchingRoutes(app, services),
  jobs: matchingJobs,
  schedule: scheduleMatchingJobs,
  examplePages: [
    { name: 'cooperation: my space', url: '/cooperation/mon-espace', staff: true },
    { name: 'cooperation: staff overview', url: '/admin/cooperation', staff: true },
    { name: 'cooperation: staff contacts', url: '/admin/cooperation/contacts', staff: true },
    {
      name: 'cooperation: suggestions for a need',
      from: { listing: '/cooperation/besoins', link: NEED_PAGE, next: /^\/cooperation\/besoins\/[^/]+\/suggestions$/ },
    },
    {
      name: 'cooperation: suggestions for a commons',
      from: {
        listing: '/cooperation/communs',
        link: COMMONS_PAGE,
        next: /^\/cooperation\/communs\/[^/]+\/suggestions$/,
      },
    },
    {
      name: 'cooperation: contact the referents of a commons',
      staff: true,
      from: { listing: '/cooperation/communs', link: COMMONS_PAGE, next: /^\/cooperation\/communs\/[^/]+\/contacter$/ },
    },
    {
      name: 'cooperation: contact the authors of a need',
      staff: true,
      from: { listing: '/cooperation/besoins', link: NEED_PAGE, next: /^\/cooperation\/besoins\/[^/]+\/contacter$/ },
    },
  ],
};
