import type { Services } from '../../core/services.js';

/** The support's part of the demo programme: season 2's laureates' plans at different stages (idempotent). */
export async function loadSupportDemo(_services: Services): Promise<void> {}
