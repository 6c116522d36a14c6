import type { Services } from '../../core/services.js';

/** The grants' part of the demo programme: envelopes, grants, tranches, conventions, a financial report (idempotent). */
export async function loadGrantsDemo(_services: Services): Promise<void> {}
