import type { Module } from '../../core/module.js';
import { SCAN_FILE_JOB, scanFileJob } from './application-files.js';
import { DRAFT_REMINDER_JOB, draftRemindersJob } from './draft-reminders.js';
import { registerFormBuilderRoutes } from './forms-routes.js';
import { ORGANISATION_CHECK_JOB, organisationCheckJob } from './organisation/stored-check.js';
import './mails.js';
import { loadApplicationsDemo } from './demo.js';
import { applicationsDataOf, eraseApplicationsData } from './personal-data.js';
import { applicationRoutes } from './routes.js';
import { registerInstructionRoutes } from './routes-instruction.js';
import { seedApplicationsCommand } from './seed-command.js';

// The applications' public surface: what other modules may call. Nothing else of this folder is imported from outside.
export { demoOpenSeason } from './demo.js';
export { csvCell } from './export-applications.js';
export {
  type ApplicationForReview,
  listApplicationsForReview,
  listApplicationsForReviewByIds,
  moveApplicationsToReview,
} from './for-review.js';
export {
  type ApplicationForScoring,
  applicationLabels,
  applicationsOutOfTheRunning,
  loadApplicationForScoring,
} from './for-scoring.js';
export type { AnswerMap, FormDefinition } from './form/model.js';
export { FormFields } from './form/render.js';
export { isInTheRunning } from './states.js';

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
    await (await import('./routes-experts.js')).expertRoutes(app, services);
    await (await import('./routes-export-zip.js')).exportZipRoutes(app, services);
    await registerInstructionRoutes(app, services);
    await (await import('./routes-outline.js')).outlineRoutes(app, services);
  },
};
