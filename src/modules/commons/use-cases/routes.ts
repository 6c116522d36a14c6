import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { feedRoutes } from './feed-routes.js';
import { moderationRoutes } from './moderation-routes.js';
import { needRoutes } from './need-routes.js';
import { useCaseRoutes } from './use-case-routes.js';

/** Registers the routes of use cases, needs and offers, their feeds and their moderation. */
export async function useCasesPartRoutes(app: App, services: Services): Promise<void> {
  // The feeds first: `/cooperation/cas-d-usage.atom` is a static path, apart from `/cooperation/cas-d-usage/:id`.
  await feedRoutes(app, services);
  await useCaseRoutes(app, services);
  await needRoutes(app, services);
  await moderationRoutes(app, services);
}
