import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { feedRoutes } from './feed-routes.js';
import { publicRoutes } from './public-routes.js';
import { staffRoutes } from './staff-routes.js';

/** Registers the agenda's routes: the feeds first (`/evenements.ics` and `/evenements/:id.ics`), then pages. */
export async function agendaRoutes(app: App, services: Services): Promise<void> {
  await feedRoutes(app, services);
  await publicRoutes(app, services);
  await staffRoutes(app, services);
}
