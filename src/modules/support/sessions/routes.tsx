import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';

/** Sessions, action items, messages and the timeline (helper: sessions). */
export async function sessionRoutes(_app: App, _services: Services): Promise<void> {}
