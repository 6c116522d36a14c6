import type { App } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { applicantRoutes } from './applicant-routes.js';
import { boardRoutes } from './board-routes.js';
import { noticeRoutes } from './notice-routes.js';
import { transparencyRoutes } from './transparency-routes.js';

/** Registers the module's routes, one topic file each. */
export async function decisionRoutes(app: App, services: Services): Promise<void> {
  await boardRoutes(app, services);
  await noticeRoutes(app, services);
  await applicantRoutes(app, services);
  await transparencyRoutes(app, services);
  await (await import('./publication-routes.js')).publicationRoutes(app, services);
}
