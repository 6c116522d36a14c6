import { fileURLToPath } from 'node:url';
import { staffTracks } from '../../core/auth/permissions.js';
import type { Module } from '../../core/module.js';
import { loadSupportDemo } from './demo.js';
import { introductionJobs, scheduleIntroductionJobs } from './introductions/jobs.js';
import { countOpenRequests } from './introductions/queries.js';
import { supportSiteMessages as sm, supportCounts } from './messages.js';
import { supportPermissions } from './permissions.js';
import { planJobs, schedulePlanJobs } from './plans/jobs.js';
import { countMilestonesToReview } from './plans/queries.js';
import { scheduleSessionJobs, sessionJobs } from './sessions/jobs.js';
// Each part registers its timeline source (and mail templates, transparency section) on import: every process
// that builds a timeline, sends a digest or draws the transparency page knows them all.
import './plans/timeline.js';
import './sessions/timeline.js';
import './sessions/mails.js';
import './introductions/register.js';

// The support's public surface: what other modules may call. Nothing else of this folder is imported from outside.
export { type FigureRow, type IntroductionFigures, introductionFigures } from './introductions/figures.js';
export { type LaureateSpace, laureateSpace, laureateSpaces, type PlanSummary } from './laureate-space.js';
export { progressOf } from './plans/progress.js';
export {
  isMilestoneValidated,
  type Milestone,
  milestoneOfApplication,
  milestonesByIds,
  milestonesOfPlan,
  type PlanProgress,
  planProgress,
} from './plans/queries.js';
export { spaceForStaff, spaceForTeam } from './policy.js';
export { type LeverFigure, type PublicSupport, publicSupportOf, supportByLever } from './public-support.js';
export { formatMinutes } from './sessions/durations.js';
export { type Hours, hoursOfPlan } from './sessions/queries.js';
export { lateItems } from './sessions/send-weekly-digest.js';
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
    {
      href: '/admin/accompagnement',
      permission: 'support.manage',
      title: sm.support,
      text: sm.supportText,
      order: 67,
      // What waits for staff: deliverables submitted for a milestone, in the tracks they cover.
      countLabel: supportCounts.milestonesToReview,
      count: (services, user) => countMilestonesToReview(services.db, staffTracks(user)),
    },
    {
      href: '/admin/accompagnement/mises-en-relation',
      permission: 'support.manage',
      title: sm.introductions,
      text: sm.introductionsText,
      order: 67.5,
      countLabel: supportCounts.openRequests,
      count: (services, user) => countOpenRequests(services.db, staffTracks(user)),
    },
    { href: '/admin/contacts', permission: 'support.contacts', title: sm.contacts, text: sm.contactsText, order: 68 },
  ],
  // Staff pages only: an administrator is not a laureate's team (each part's accessibility test covers the team's pages).
  examplePages: [
    { name: 'support seasons', url: '/admin/accompagnement', staff: true },
    {
      name: 'support portfolio',
      from: { listing: '/admin/accompagnement', link: /^\/admin\/accompagnement\/saisons\/[^/]+$/ },
      staff: true,
    },
    {
      name: 'laureate follow-up',
      from: {
        listing: '/admin/accompagnement',
        link: /^\/admin\/accompagnement\/saisons\/[^/]+$/,
        next: /^\/admin\/accompagnement\/laureats\/[^/]+$/,
      },
      staff: true,
    },
    ...(['jalons', 'seances', 'fil', 'mises-en-relation'] as const).map((section) => ({
      name: `laureate ${section} (staff)`,
      from: {
        listing: '/admin/accompagnement',
        link: /^\/admin\/accompagnement\/saisons\/[^/]+$/,
        // The season's laureates, then one laureate's page, whose tabs lead to the section.
        next: [
          /^\/admin\/accompagnement\/laureats\/[^/]+$/,
          new RegExp(`^/admin/accompagnement/laureats/[^/]+/${section}$`),
        ],
      },
      staff: true,
    })),
    {
      name: 'plan templates',
      from: {
        listing: '/admin/accompagnement',
        link: /^\/admin\/accompagnement\/saisons\/[^/]+$/,
        next: /^\/admin\/accompagnement\/saisons\/[^/]+\/modeles$/,
      },
      staff: true,
    },
    { name: 'contacts directory', url: '/admin/contacts', staff: true },
    { name: 'contact form', url: '/admin/contacts/nouveau', staff: true },
    { name: 'contacts import', url: '/admin/contacts/import', staff: true },
    {
      name: 'contact edit',
      from: { listing: '/admin/contacts', link: /^\/admin\/contacts\/[0-9a-f-]{36}$/ },
      staff: true,
    },
    { name: 'introduction requests', url: '/admin/accompagnement/mises-en-relation', staff: true },
    { name: 'introduction figures', url: '/admin/accompagnement/mises-en-relation/chiffres', staff: true },
  ],
};
