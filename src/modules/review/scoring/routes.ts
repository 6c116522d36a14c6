import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { reviewerScoringRoutes } from './reviewer-routes.js';
import { staffScoringRoutes } from './staff-routes.js';

/** The scoring routes: the reviewer's (reviewer-routes.tsx) and the staff's (staff-routes.tsx). */
export async function scoringRoutes(app: App, services: Services): Promise<void> {
  await reviewerScoringRoutes(app, services);
  await staffScoringRoutes(app, services);
}
