import type { App } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { assignmentRoutes } from './assignment-routes.js';
import { conflictRoutes } from './conflict-routes.js';
import { juryRoutes } from './jury-routes.js';
import './mails.js';
import { phaseRoutes } from './phase-routes.js';
import { reviewerRoutes } from './reviewer-routes.js';

/**
 * The jury's routes, one file per topic: members (jury-routes), conflicts, phases, the assignment
 * (staff, review.manage) and the reviewer's own pages (review.participate). Object-level rules are in
 * policy.ts; params and query strings are TypeBox schemas (schemas.ts).
 */
export async function reviewRoutes(app: App, services: Services): Promise<void> {
  await juryRoutes(app, services);
  await conflictRoutes(app, services);
  await phaseRoutes(app, services);
  await assignmentRoutes(app, services);
  await reviewerRoutes(app, services);
}
