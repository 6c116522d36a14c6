import type { CooperationPart } from '../part.js';
import { catalogueMessages as m } from './messages.js';
import { importSillCommand } from './sill-command.js';

/** The digital commons: the public catalogue and each commons' page, maintainers' editing, SILL and CSV imports. */
export const cataloguePart: CooperationPart = {
  // The routes (and the views they pull in) load when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).catalogueRoutes(app, services),
  commands: { 'commons import-sill': importSillCommand },
  siteMap: [{ href: '/cooperation/communs', label: m.catalogueTitle, section: 'main', order: 56 }],
  examplePages: [
    { name: 'commons catalogue', url: '/cooperation/communs' },
    { name: 'commons catalogue, searched', url: '/cooperation/communs?q=donnees&type=software' },
    {
      name: 'commons page',
      from: { listing: '/cooperation/communs', link: /^\/cooperation\/communs\/(?!nouveau$)[a-z0-9-]+$/ },
    },
    { name: 'commons proposal form', url: '/cooperation/communs/nouveau', staff: true },
    {
      name: 'commons edit form',
      from: {
        listing: '/cooperation/communs',
        link: /^\/cooperation\/communs\/(?!nouveau$)[a-z0-9-]+$/,
        next: /^\/cooperation\/communs\/[a-z0-9-]+\/modifier$/,
      },
      staff: true,
    },
    {
      name: 'commons maintainers',
      from: {
        listing: '/cooperation/communs',
        link: /^\/cooperation\/communs\/(?!nouveau$)[a-z0-9-]+$/,
        next: /^\/cooperation\/communs\/[a-z0-9-]+\/mainteneurs$/,
      },
      staff: true,
    },
    { name: 'commons moderation list', url: '/admin/cooperation/communs', staff: true },
    {
      name: 'commons moderation',
      from: { listing: '/admin/cooperation/communs', link: /^\/admin\/cooperation\/communs\/[0-9a-f-]{36}$/ },
      staff: true,
    },
    { name: 'commons CSV import', url: '/admin/cooperation/communs/import', staff: true },
  ],
};
