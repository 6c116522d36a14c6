import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import { assignCommand } from './assign-command.js';
import { loadReviewDemo } from './demo.js';
import { reviewSiteMessages as rm } from './messages.js';
import { reviewPermissions } from './permissions.js';
import { eraseJuryData, juryDataOf } from './personal-data.js';
import { reviewRoutes } from './routes.js';
import { REVIEW_REMINDER_JOB, reviewRemindersJob } from './scoring/reminders.js';

// The review's public surface: what other modules may call.
export { type JuryForDeliberation, juryForDeliberation } from './deliberation-inputs.js';

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
  permissions: reviewPermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  headerLinks: [
    { href: '/jury', label: rm.juryArea, icon: 'fr-icon-star-line', permission: 'review.participate', order: 20 },
  ],
  dashboard: [
    { href: '/admin/jury', permission: 'review.manage', title: rm.jury, text: rm.juryText, order: 40 },
    {
      href: '/admin/evaluations',
      permission: 'review.manage',
      title: rm.evaluations,
      text: rm.evaluationsText,
      order: 50,
    },
  ],
};
