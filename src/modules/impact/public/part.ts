import type { ImpactPart } from '../part.js';

const ITEM = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The public laureate page with its charts, and the season report (page and PDF). */
export const publicPart: ImpactPart = {
  routes: async (app, services) => (await import('./routes.js')).publicRoutes(app, services),
  examplePages: [
    { name: 'laureate page', from: { listing: '/laureats', link: new RegExp(`^/laureats/${ITEM}$`) } },
    {
      name: 'season report',
      from: { listing: '/laureats', link: new RegExp(`^/laureats/${ITEM}$`), next: /^\/saisons\/[a-z0-9-]+\/bilan$/ },
    },
  ],
};
