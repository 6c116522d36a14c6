import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { contactRoutes } from './contact-routes.js';
import { figuresRoutes } from './figures-routes.js';
import { importRoutes } from './import-routes.js';
import { staffIntroductionRoutes } from './staff-routes.js';
import { teamIntroductionRoutes } from './team-routes.js';

/** Contacts directory and introductions with their outcomes (helper: introductions). */
export async function introductionRoutes(app: App, services: Services): Promise<void> {
  await contactRoutes(app, services);
  await importRoutes(app, services);
  await teamIntroductionRoutes(app, services);
  await staffIntroductionRoutes(app, services);
  await figuresRoutes(app, services);
}
