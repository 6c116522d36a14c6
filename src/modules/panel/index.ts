import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Module } from '../../core/module.js';
import type { Services } from '../../core/services.js';
import {
  DELETE_DEMOGRAPHICS_JOB,
  deleteDemographicsJob,
  SWEEP_DEMOGRAPHICS_JOB,
  scheduleDemographicsSweep,
  sweepDemographicsJob,
} from './delete-demographics.js';
import { loadClosedSeasonPanelDemo, loadPanelDemo } from './demo.js';
import { COMMIT_JOB, prepareCommitmentJob } from './draw-panel.js';
import './mails.js';
import { panelAdminRoutes } from './admin-routes.js';
import { panelSiteMessages as pm } from './messages.js';
import { panelistRoutes } from './panelist-routes.js';
import { panelPermissions } from './permissions.js';
import { erasePanelVolunteers, panelDataOf } from './personal-data.js';
import { panelNotices } from './public-panels.js';
import { panelPublicRoutes } from './public-routes.js';
import { ANALYSE_JOB, analyseJob } from './run-analysis.js';
import { sortitionCommands } from './sortition-commands.js';

// The panel's public surface: what other modules may call.
export { type PanelForDeliberation, panelForDeliberation } from './deliberation-inputs.js';

/**
 * The citizen panel: public call for volunteers (demographics kept apart and deleted on schedule),
 * quotas, selection-probability analyses, verifiable draw with invitations and replacements, the
 * public transparency page; and the sortition commands over CSV files.
 */
export const panelModule: Module = {
  name: 'panel',
  routes: async (app: FastifyInstance, services: Services) => {
    await panelPublicRoutes(app, services);
    await panelAdminRoutes(app, services);
    await panelistRoutes(app, services);
  },
  jobs: (services) => ({
    [ANALYSE_JOB]: analyseJob(services),
    [COMMIT_JOB]: prepareCommitmentJob(services),
    [DELETE_DEMOGRAPHICS_JOB]: deleteDemographicsJob(services),
    [SWEEP_DEMOGRAPHICS_JOB]: sweepDemographicsJob(services),
  }),
  schedule: (services) => scheduleDemographicsSweep(services, services.clock.now()),
  commands: sortitionCommands,
  loadDemo: async (services) => {
    await loadPanelDemo(services);
    await loadClosedSeasonPanelDemo(services);
  },
  personalData: {
    name: 'panel',
    export: (services, person) => panelDataOf(services.db, person.email),
    erase: async ({ trx, audit }, person) => ({
      volunteersErased: await erasePanelVolunteers(trx, audit, person.email),
    }),
  },
  publicNotices: panelNotices,
  permissions: panelPermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  headerLinks: [
    { href: '/panel', label: pm.panelArea, icon: 'fr-icon-team-line', permission: 'panel.participate', order: 30 },
  ],
  siteMap: [{ href: '/panel-citoyen', label: pm.publicPanels, section: 'main', order: 35 }],
  examplePages: [{ name: 'citizen panels (public list)', url: '/panel-citoyen' }],
  dashboard: [{ href: '/admin/panels', permission: 'panel.manage', title: pm.panels, text: pm.panelsText, order: 60 }],
};
