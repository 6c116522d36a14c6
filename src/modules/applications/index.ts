import { fileURLToPath } from 'node:url';
import { staffTracks } from '../../core/auth/permissions.js';
import type { Module } from '../../core/module.js';
import { SCAN_FILE_JOB, scanFileJob } from './files/application-files.js';
import { ORGANISATION_CHECK_JOB, organisationCheckJob } from './organisation/stored-check.js';
import { DRAFT_REMINDER_JOB, draftRemindersJob } from './submission/draft-reminders.js';
// Mail templates register on import: every process that may send (server, CLI jobs) knows them all.
import './mails.js';
import './instruction/mails.js';
import './experts/mails.js';
import { loadApplicationsDemo } from './demo.js';
import { applicationsSiteMessages as am, awaitingInstructionCount } from './messages.js';
import { applicationsPermissions } from './permissions.js';
import { applicationsDataOf, eraseApplicationsData } from './personal-data.js';
import { countAwaitingInstruction } from './queries.js';
import { seedApplicationsCommand } from './seed-command.js';

export { type ChangeStateInput, type ChangeStateResult, changeStateIn } from './change-state.js';
export { demoOpenSeason } from './demo.js';
// The applications' public surface: what other modules may call. Nothing else of this folder is imported from outside.
export { DEMO_CLOSED_SEASON, type DemoClosedSeason, demoClosedSeason } from './demo-closed-season.js';
export {
  type ApplicationForDecision,
  type ApplicationOfApplicant,
  applicationOfApplicant,
  DELIBERATION_STATES,
  listApplicationsForDecision,
  REQUESTED_AMOUNT_QUESTION,
} from './for-decision.js';
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
export { applicationIdsOfMember, type LaureateApplication, laureateApplications } from './for-support.js';
export { isValidRna, isValidSiret, normaliseRna, normaliseSiret } from './form/identifiers.js';
export type { AnswerMap, FormDefinition } from './form/model.js';
export { AnswerSummary, type AnswerSummaryProps } from './form/summary-view.js';
export {
  type DecisionMessageInput,
  postDecisionMessage,
  teamRecipients,
} from './instruction/post-message.js';
export {
  checkOrganisation,
  isOrganisationVerified,
  type OrganisationCheck,
  type RegisterOutcome,
} from './organisation/check-organisation.js';
export { type ApplicationFigures, applicationFigures } from './season-figures.js';
export { type ApplicationState, isInTheRunning } from './states.js';

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
  // The routes (and the views they pull in) load only when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).applicationRoutes(app, services),
  permissions: applicationsPermissions,
  examplePages: [
    {
      // The answers' summary (question → answer, table of contents), near the top of the staff page.
      name: 'application answers (staff)',
      from: { listing: '/admin/candidatures?etat=submitted', link: /^\/admin\/candidatures\/[0-9a-f-]{36}$/ },
      staff: true,
    },
    {
      // The form builder's structured editor (sections, questions, repeatable blocks), without JSON.
      name: 'application form builder',
      from: { listing: '/admin/saisons', link: /^\/admin\/saisons\/[0-9a-f-]{36}\/formulaire$/ },
      staff: true,
    },
    {
      // A draft as staff see it: that it exists and its progress, never its answers.
      name: 'draft application (staff)',
      from: { listing: '/admin/candidatures?etat=draft', link: /^\/admin\/candidatures\/[0-9a-f-]{36}$/ },
      staff: true,
    },
  ],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  headerLinks: [
    {
      href: '/mes-candidatures',
      label: am.myApplications,
      icon: 'fr-icon-folder-2-line',
      permission: 'signed-in',
      order: 40,
    },
  ],
  dashboard: [
    {
      href: '/admin/candidatures',
      permission: 'applications.instruct',
      title: am.applications,
      text: am.applicationsText,
      order: 30,
      // What waits for the person: submitted applications not yet instructed, in the tracks they cover.
      countLabel: awaitingInstructionCount,
      count: (services, user) => countAwaitingInstruction(services.db, staffTracks(user)),
    },
  ],
};
