import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import { loadSupportDemo } from './demo.js';
import { introductionJobs, scheduleIntroductionJobs } from './introductions/jobs.js';
import { supportSiteMessages as sm } from './messages.js';
import { supportPermissions } from './permissions.js';
import { planJobs, schedulePlanJobs } from './plans/jobs.js';
import { scheduleSessionJobs, sessionJobs } from './sessions/jobs.js';

// The support's public surface: what other modules may call. Nothing else of this folder is imported from outside.
export { type LaureateSpace, laureateSpace, laureateSpaces, type PlanSummary } from './laureate-space.js';
export { isMilestoneValidated, type MilestoneRead, milestonesByIds, milestonesOfPlan } from './milestone-reads.js';
export { spaceForStaff, spaceForTeam } from './policy.js';
export type { MilestoneState } from './tables.js';
export {
  addTimelineSource,
  type LateItem,
  type TimelineEntry,
  type TimelineKind,
  type TimelineSource,
} from './timeline-sources.js';
export { SpacePage, type SpaceSection, type SpaceSide, spaceHref } from './views/space-layout.js';

/**
 * The laureates' support (issue 14): the laureate space of a confirmed laureate's team, the support plan on
 * the three needs and the eight levers, milestones with deliverables, coaching sessions, the timeline with
 * reminders and a weekly digest, and introductions to administration contacts with their outcomes.
 */
export const supportModule: Module = {
  name: 'support',
  permissions: supportPermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  // The routes (and the views they pull in) load only when the app starts, not for a CLI command.
  routes: async (app, services) => (await import('./routes.js')).supportRoutes(app, services),
  jobs: (services) => ({ ...planJobs(services), ...sessionJobs(services), ...introductionJobs(services) }),
  schedule: async (services) => {
    await schedulePlanJobs(services);
    await scheduleSessionJobs(services);
    await scheduleIntroductionJobs(services);
  },
  loadDemo: loadSupportDemo,
  dashboard: [
    { href: '/admin/accompagnement', permission: 'support.manage', title: sm.support, text: sm.supportText, order: 67 },
    { href: '/admin/contacts', permission: 'support.contacts', title: sm.contacts, text: sm.contactsText, order: 68 },
  ],
  examplePages: [],
};
