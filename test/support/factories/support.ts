/** The support module's test support, for tests outside the module (the browser journey, grants). */
export { INTRODUCTION_MAIL } from '../../../src/modules/support/introductions/testing.js';
export { insertPlanWithMilestones, setMilestoneState } from './support-milestones.js';
