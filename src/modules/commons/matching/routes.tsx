import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { contactRoutes } from './contact-routes.js';
import { spaceRoutes } from './space-routes.js';
import { staffRoutes } from './staff-routes.js';
import { suggestionRoutes } from './suggestion-routes.js';
// Mail templates register on import: the process serving the routes knows them.
import './mails.js';

/** The matching part's routes: suggestions, contacts and their exchange, the person's space, staff figures. */
export async function matchingRoutes(app: App, services: Services): Promise<void> {
  await suggestionRoutes(app, services);
  await contactRoutes(app, services);
  await spaceRoutes(app, services);
  await staffRoutes(app, services);
}
