import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';

/** Contacts directory and introductions with their outcomes (helper: introductions). */
export async function introductionRoutes(_app: App, _services: Services): Promise<void> {}
