import type { ImpactPart } from '../part.js';

/** Indicators defined with the laureates, values reported and approved (Akvo's cycle), testimonies. */
export const reportingPart: ImpactPart = {};
