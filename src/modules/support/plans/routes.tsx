import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { staffPlanRoutes } from './staff-routes.js';
import { teamPlanRoutes } from './team-routes.js';
// The milestones' timeline source registers on import (support/index.ts imports it too, for the jobs' processes).
import './timeline.js';

/** The plan, its templates and milestones: the team's and the staff's pages (helper: plans). */
export async function planRoutes(app: App, services: Services): Promise<void> {
  await teamPlanRoutes(app, services);
  await staffPlanRoutes(app, services);
}
