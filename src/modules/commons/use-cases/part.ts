import type { CooperationPart } from '../part.js';

/** Use cases (with referents and contributions back to the commons), needs and offers, their Atom feeds. */
export const useCasesPart: CooperationPart = {};
