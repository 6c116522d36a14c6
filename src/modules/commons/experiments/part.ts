import type { CooperationPart } from '../part.js';

/** Experiments between administrations and a commons, followed with milestones and documents; the space's home. */
export const experimentsPart: CooperationPart = {};
