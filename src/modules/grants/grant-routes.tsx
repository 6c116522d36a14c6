import type { App } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';

/** Envelopes, grants, tranches, payments, amendments, conventions and procedures (helper: grants). */
export async function grantRoutes(_app: App, _services: Services): Promise<void> {}
