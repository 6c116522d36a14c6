import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';

/** The plan, its templates and milestones: the team's and the staff's pages (helper: plans). */
export async function planRoutes(_app: App, _services: Services): Promise<void> {}
