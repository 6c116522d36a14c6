import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { staffImpactRoutes } from './staff-routes.js';
import { teamImpactRoutes } from './team-routes.js';
import { testimonyRoutes } from './testimony-routes.js';
import './mails.js';

/** The reporting part's routes: staff's pages, the team's section of its space, testimonies. */
export async function reportingRoutes(app: App, services: Services): Promise<void> {
  await staffImpactRoutes(app, services);
  await teamImpactRoutes(app, services);
  await testimonyRoutes(app, services);
}
