import type { ImpactPart } from '../part.js';

/** The public laureate page with its charts, and the season report (page and PDF). */
export const publicPart: ImpactPart = {};
