import type { Module } from '../../core/module.js';
import { listSeasonsCommand } from './commands.js';
import { loadSeasonsDemo } from './demo.js';
import { seasonRoutes } from './routes.js';
import { STATUS_BOUNDARY_JOB, statusBoundaryJob } from './status-boundaries.js';

/** The seasons' public surface for other modules. */
export { loadSeasons, type SeasonRecord } from './queries.js';

export const seasonsModule: Module = {
  name: 'seasons',
  routes: seasonRoutes,
  jobs: (services) => ({ [STATUS_BOUNDARY_JOB]: statusBoundaryJob(services) }),
  commands: { 'seasons list': listSeasonsCommand },
  loadDemo: loadSeasonsDemo,
};
