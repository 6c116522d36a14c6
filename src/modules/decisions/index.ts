import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import { decisionsSiteMessages as dm } from './messages.js';
import { decisionsPermissions } from './permissions.js';

// The decisions' public surface: what other modules may call. Nothing else of this folder is imported from outside.
export { refreshPublishedLaureates } from './publication.js';

/**
 * The decision: a season's deliberation combining the jury's calibrated scores and the citizen panel's
 * opinions under weights staff set, decisions with reasons, the close and its minutes, the notices
 * (outbox, confirmation, waiting list), the publication of the laureates and the season's transparency
 * page with a selection anyone can recompute.
 */
export const decisionsModule: Module = {
  name: 'decisions',
  permissions: decisionsPermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  // The routes (and the views they pull in) load only when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).decisionRoutes(app, services),
  dashboard: [
    {
      href: '/admin/decisions',
      permission: 'decisions.manage',
      title: dm.decisions,
      text: dm.decisionsText,
      order: 65,
    },
  ],
  examplePages: [
    {
      name: 'decisions publication',
      from: { listing: '/admin/decisions', link: /^\/admin\/decisions\/[^/]+\/publication$/ },
      staff: true,
    },
  ],
};
