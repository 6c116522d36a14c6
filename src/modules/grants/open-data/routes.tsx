import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';

/** SCDL Subventions CSV, 360Giving JSON, the grants dashboard and its CSV export (helper: reports). */
export async function openDataRoutes(_app: App, _services: Services): Promise<void> {}
