/** The decisions module's test support, for tests outside the module (the browser journey). */
export {
  closeSampleDeliberation,
  DECISION_TITLES,
  type DecisionSeason,
  seedDecisionSeason,
} from '../../../src/modules/decisions/board-testing.js';
export { CONFIRM_REMINDER_MAIL, NOTICE_MAIL } from '../../../src/modules/decisions/mails.js';
