import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import { loadGrantsDemo } from './demo.js';
import { grantJobs, scheduleGrantJobs } from './grant-jobs.js';
import { grantsSiteMessages as gm } from './messages.js';
import { grantsPermissions } from './permissions.js';
import { reportJobs, scheduleReportJobs } from './reports/jobs.js';
// The grant's, the report's timeline sources and the transparency section register on import.
import './timeline.js';
import './reports/timeline.js';
import './open-data/transparency.js';

// The grants' public surface: what other modules may call. Nothing else of this folder is imported from outside.
export {
  committedCentsOf,
  type EnvelopeFigures,
  envelopeFigures,
  type FiguresTotals,
  sumFigures,
} from './figures.js';
export { type PublishedGrant, publishedGrants, publishedGrantsUpdatedAt } from './open-data/published-grants.js';
export { SCDL_COLUMNS, type ScdlColumn, type ScdlRow, scdlRow } from './open-data/scdl.js';

/**
 * Grants (issue 14): envelopes per season and track that no commitment can exceed, a grant per laureate with
 * tranches, payments, amendments, the convention (mandatory above 23,000 €) and its signatures, suspension
 * or reduction after the laureate could answer, the financial report, and the open data the law asks for
 * (SCDL Subventions CSV, 360Giving JSON).
 */
export const grantsModule: Module = {
  name: 'grants',
  permissions: grantsPermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: async (app, services) => (await import('./routes.js')).grantsRoutes(app, services),
  jobs: (services) => ({ ...grantJobs(services), ...reportJobs(services) }),
  schedule: async (services) => {
    await scheduleGrantJobs(services);
    await scheduleReportJobs(services);
  },
  loadDemo: loadGrantsDemo,
  dashboard: [
    { href: '/admin/subventions', permission: 'grants.manage', title: gm.grants, text: gm.grantsText, order: 69 },
  ],
  examplePages: [
    { name: 'grants dashboard', url: '/admin/subventions', staff: true },
    { name: 'grant envelopes', url: '/admin/subventions/enveloppes', staff: true },
    {
      name: 'season grants',
      from: { listing: '/admin/subventions/enveloppes', link: /^\/admin\/subventions\/saisons\/[^/]+$/ },
      staff: true,
    },
    {
      name: 'convention template',
      from: { listing: '/admin/subventions/enveloppes', link: /^\/admin\/subventions\/saisons\/[^/]+\/convention$/ },
      staff: true,
    },
    {
      name: 'laureate grant',
      from: {
        // The grants' home lists the seasons that have laureates; the envelopes' page may list only the open one.
        listing: '/admin/subventions',
        link: /^\/admin\/subventions\/saisons\/[^/]+$/,
        next: /^\/admin\/subventions\/laureats\/[^/]+$/,
      },
      staff: true,
    },
    {
      name: 'financial report review',
      from: {
        listing: '/admin/subventions/enveloppes',
        link: /^\/admin\/subventions\/saisons\/[^/]+$/,
        next: /^\/admin\/subventions\/laureats\/[^/]+\/compte-rendu$/,
      },
      staff: true,
    },
  ],
};
