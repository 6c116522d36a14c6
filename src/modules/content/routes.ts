import type { App } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerPublicRoutes } from './public-routes.js';

/** The public site and the staff CMS. */
export async function contentRoutes(app: App, services: Services): Promise<void> {
  await registerPublicRoutes(app, services);
  await registerAdminRoutes(app, services);
}
