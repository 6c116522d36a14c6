import type { App } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { grantRoutes } from './grant-routes.js';
import { openDataRoutes } from './open-data/routes.js';
import { reportRoutes } from './reports/routes.js';

/** Registers the module's routes, one topic each. */
export async function grantsRoutes(app: App, services: Services): Promise<void> {
  await grantRoutes(app, services);
  await reportRoutes(app, services);
  await openDataRoutes(app, services);
}
