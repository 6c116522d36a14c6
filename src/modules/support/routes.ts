import type { App } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { introductionRoutes } from './introductions/routes.js';
import { planRoutes } from './plans/routes.js';
import { sessionRoutes } from './sessions/routes.js';

/** Registers the module's routes, one topic folder each. */
export async function supportRoutes(app: App, services: Services): Promise<void> {
  await planRoutes(app, services);
  await sessionRoutes(app, services);
  await introductionRoutes(app, services);
}
