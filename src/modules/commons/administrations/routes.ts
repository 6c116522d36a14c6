import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { invitationRoutes } from './invitation-routes.js';
import { memberRoutes } from './member-routes.js';
import { publicAdministrationRoutes } from './public-routes.js';
import { staffAdministrationRoutes } from './staff-routes.js';

/** Registers the administrations' routes: public pages, members' pages, invitations, staff's pages. */
export async function administrationRoutes(app: App, services: Services): Promise<void> {
  await publicAdministrationRoutes(app, services);
  await memberRoutes(app, services);
  await invitationRoutes(app, services);
  await staffAdministrationRoutes(app, services);
}
