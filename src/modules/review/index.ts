import type { Module } from '../../core/module.js';
import { assignCommand } from './assign-command.js';
import { loadReviewDemo } from './demo.js';
import { eraseJuryData, juryDataOf } from './personal-data.js';
import { reviewRoutes } from './routes.js';
import { REVIEW_REMINDER_JOB, reviewRemindersJob } from './scoring/reminders.js';

/** The expert jury: members, conflicts, phases, the assignment (routes.tsx) and the `assign` command. */
export const reviewModule: Module = {
  name: 'review',
  commands: { assign: assignCommand },
  loadDemo: loadReviewDemo,
  // A reviewer's work is the programme's record: it stays, under the pseudonym, when they erase their account.
  personalData: { name: 'review', export: juryDataOf, erase: eraseJuryData },
  jobs: (services) => ({ [REVIEW_REMINDER_JOB]: reviewRemindersJob(services) }),
  routes: async (app, services) => {
    await reviewRoutes(app, services);
    await (await import('./scoring/routes.js')).scoringRoutes(app, services);
  },
};
