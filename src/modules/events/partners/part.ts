import type { EventsPart } from '../part.js';

/** The programme's partners, managed by staff, and the public partners page. */
export const partnersPart: EventsPart = {};
