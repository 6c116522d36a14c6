import type { CooperationPart } from '../part.js';

/** The digital commons: the public catalogue and each commons' page, maintainers' editing, SILL and CSV imports. */
export const cataloguePart: CooperationPart = {};
