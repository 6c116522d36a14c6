import type { Module } from '../../core/module.js';
import { SCAN_FILE_JOB, scanFileJob } from './files/application-files.js';
import { registerFormBuilderRoutes } from './form-builder/routes.js';
import { ORGANISATION_CHECK_JOB, organisationCheckJob } from './organisation/stored-check.js';
import { DRAFT_REMINDER_JOB, draftRemindersJob } from './submission/draft-reminders.js';
import './mails.js';
import { loadApplicationsDemo } from './demo.js';
import { registerInstructionRoutes } from './instruction/routes.js';
import { applicationsDataOf, eraseApplicationsData } from './personal-data.js';
import { applicationRoutes } from './routes.js';
import { seedApplicationsCommand } from './seed-command.js';

export const applicationsModule: Module = {
  name: 'applications',
  commands: { 'applications seed': seedApplicationsCommand },
  loadDemo: loadApplicationsDemo,
  // Submitted applications are part of the programme's file: an erasure keeps them, with the person pseudonymised.
  personalData: { name: 'applications', export: applicationsDataOf, erase: eraseApplicationsData },
  jobs: (services) => ({
    [DRAFT_REMINDER_JOB]: draftRemindersJob(services),
    [SCAN_FILE_JOB]: scanFileJob(services),
    [ORGANISATION_CHECK_JOB]: organisationCheckJob(services),
  }),
  routes: async (app, services) => {
    registerFormBuilderRoutes(app, services);
    await applicationRoutes(app, services);
    await (await import('./experts/routes.js')).expertRoutes(app, services);
    await (await import('./export/routes.js')).exportZipRoutes(app, services);
    await registerInstructionRoutes(app, services);
    await (await import('./outline/routes.js')).outlineRoutes(app, services);
  },
};
