import type { CooperationPart } from '../part.js';

/** Explained suggestions, contact through the platform with its follow-up, the person's space, staff figures. */
export const matchingPart: CooperationPart = {};
