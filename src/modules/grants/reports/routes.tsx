import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';

/** The financial report: the team's form, the staff's review (helper: reports). */
export async function reportRoutes(_app: App, _services: Services): Promise<void> {}
