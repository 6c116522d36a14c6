import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import { listSeasonsCommand } from './commands.js';
import { loadSeasonsDemo } from './demo.js';
import { seasonsSiteMessages as sm } from './messages.js';
import { seasonsPermissions } from './permissions.js';
import { seasonRoutes } from './routes.js';
import { STATUS_BOUNDARY_JOB, statusBoundaryJob } from './status-boundaries.js';

// The seasons' public surface: what other modules may call. Nothing else of this folder is imported from outside.
export { type CriterionTemplate, DEFAULT_CRITERIA } from './criteria.js';
export { centsToInput, formatEuros, parseEurosToCents } from './format.js';
export {
  getPublicLaureate,
  getPublicSeason,
  listPublicLaureates,
  listPublicSeasons,
  listSeasonsForStaff,
  type PublicLaureate,
  type PublicSeason,
} from './list-public-seasons.js';
export {
  type DecidedLaureate,
  type PublishDecidedLaureatesInput,
  type PublishedLaureatesCount,
  publishDecidedLaureates,
} from './publish-decided-laureates.js';
export { type PublishSeasonResult, publishSeason } from './publish-season.js';
export { type CriterionRecord, type LaureateRecord, loadLaureates, loadSeasons, type SeasonRecord } from './queries.js';
export { parseSeasonForSubmit, type SeasonForSubmit, seasonForSubmitColumn } from './season-for-submit.js';
export {
  findSeasonIdBySlug,
  knownTracks,
  lockSeason,
  seasonClosesAt,
  seasonNameColumn,
  seasonSummaries,
  seasonSummariesById,
  seasonTrackCodes,
} from './season-lookups.js';
export { callStatus, closedFrom, type SeasonStatus, seasonStatus } from './season-status.js';
export { setLaureateProgress } from './set-laureate-progress.js';
export { SUPPORT_LEVERS, type SupportLever } from './support-levers.js';
export { kindLabel } from './views/text.js';

export const seasonsModule: Module = {
  name: 'seasons',
  routes: seasonRoutes,
  jobs: (services) => ({ [STATUS_BOUNDARY_JOB]: statusBoundaryJob(services) }),
  commands: { 'seasons list': listSeasonsCommand },
  loadDemo: loadSeasonsDemo,
  permissions: seasonsPermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  nav: [
    { href: '/saisons', label: sm.navSeasons, order: 20 },
    { href: '/laureats', label: sm.navLaureates, order: 30 },
  ],
  siteMap: [
    { href: '/saisons', label: sm.navSeasons, section: 'main', order: 20 },
    { href: '/laureats', label: sm.navLaureates, section: 'main', order: 30 },
  ],
  dashboard: [
    { href: '/admin/saisons', permission: 'seasons.manage', title: sm.seasons, text: sm.seasonsText, order: 20 },
  ],
  examplePages: [
    { name: 'seasons', url: '/saisons' },
    { name: 'one season', from: { listing: '/saisons', link: /^\/saisons\/[^/]+$/ } },
    { name: 'laureates', url: '/laureats' },
    { name: 'seasons admin', url: '/admin/saisons', staff: true },
    {
      name: 'season edit form',
      from: { listing: '/admin/saisons', link: /^\/admin\/saisons\/[^/]+\/modifier$/ },
      staff: true,
    },
  ],
};
