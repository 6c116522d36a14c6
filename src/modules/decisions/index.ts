import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import { CONFIRM_REMINDER_JOB, confirmReminderJob, PLACE_LAPSE_JOB, placeLapseJob } from './confirmation-jobs.js';
// Mail templates register on import: every process that may send (server, CLI jobs) knows them all.
import './mails.js';
import { loadDecisionsDemo } from './demo.js';
import { decisionsSiteMessages as dm } from './messages.js';
import { decisionsPermissions } from './permissions.js';
import { selectionCommands } from './selection-commands.js';

// The decisions' public surface: what other modules may call. Nothing else of this folder is imported from outside.
export { type AttendanceInput, setAttendance } from './attendance.js';
export { type Board, type BoardRow, departsFromOrder, loadBoard } from './board-data.js';
export { type ClosedDeliberation, type CloseInput, closeDeliberation } from './close-deliberation.js';
export { type PlaceAnswer, type RespondResult, respondToPlace } from './confirm-place.js';
export { type Deliberation, loadDeliberation, openDeliberation } from './deliberation.js';
export { DeliberationRefused } from './deliberation-guard.js';
export type { FrozenDecision, FrozenDeliberation } from './inputs.js';
export { type ConfirmedLaureate, confirmedLaureate, confirmedLaureates } from './laureates.js';
export { type MinutesLabels, renderMinutesPdf } from './minutes-pdf.js';
export { type OfferResult, offerNextPlace } from './offer-next.js';
export { type PrepareResult, prepareNotices } from './prepare-notices.js';
export { refreshPublishedLaureates } from './publication.js';
export { GENERAL_REASONS, reasonCodes, reasonLabel } from './reasons.js';
export { type DecisionInput, type DecisionResult, OUTCOMES, recordDecision } from './record-decision.js';
export { type SendResult, sendAllNotices, sendNotice } from './send-notices.js';
export { setWeights, type WeightsInput } from './set-weights.js';
export {
  addTransparencySection,
  type TransparencySeason,
  type TransparencySection,
} from './transparency-sections.js';

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
  jobs: (services) => ({
    [CONFIRM_REMINDER_JOB]: confirmReminderJob(services),
    [PLACE_LAPSE_JOB]: placeLapseJob(services),
  }),
  commands: selectionCommands,
  loadDemo: loadDecisionsDemo,
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
    { name: 'season transparency', url: '/saisons/saison-2/transparence' },
    { name: 'deliberations', url: '/admin/decisions', staff: true },
    {
      name: 'decision board',
      from: { listing: '/admin/decisions', link: /^\/admin\/decisions\/[^/]+$/ },
      staff: true,
    },
    {
      name: 'decision notices outbox',
      from: { listing: '/admin/decisions', link: /^\/admin\/decisions\/[^/]+\/notifications$/ },
      staff: true,
    },
    {
      name: 'decisions publication',
      from: { listing: '/admin/decisions', link: /^\/admin\/decisions\/[^/]+\/publication$/ },
      staff: true,
    },
  ],
};
