import type { Module } from '../../core/module.js';
import { DRAFT_REMINDER_JOB, draftRemindersJob } from './draft-reminders.js';
import { registerFormBuilderRoutes } from './forms-routes.js';
import './mails.js';
import { applicationRoutes } from './routes.js';

export const applicationsModule: Module = {
  name: 'applications',
  jobs: (services) => ({ [DRAFT_REMINDER_JOB]: draftRemindersJob(services) }),
  routes: async (app, services) => {
    registerFormBuilderRoutes(app, services);
    await applicationRoutes(app, services);
  },
};
