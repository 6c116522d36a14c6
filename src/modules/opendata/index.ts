import type { Module } from '../../core/module.js';
import { openDataMessages as m } from './messages.js';

/**
 * Open data (issue 16): the read-only REST API under /api/v1 with its OpenAPI document and its page for
 * people (/api), the data page /donnees with CSV and JSON downloads, and the DCAT-AP catalogue for
 * data.gouv.fr. It owns no table: it publishes what the other modules' public read models give, through the
 * dataset registry (registry.ts, one file per dataset in datasets/).
 */
export const opendataModule: Module = {
  name: 'opendata',
  routes: async (app, services) => (await import('./routes.js')).opendataRoutes(app, services),
  siteMap: [
    { href: '/donnees', label: m.navData, section: 'main', order: 72 },
    { href: '/api', label: m.navApi, section: 'main', order: 74 },
  ],
  examplePages: [
    { name: 'open data', url: '/donnees' },
    { name: 'open data API', url: '/api' },
  ],
};
