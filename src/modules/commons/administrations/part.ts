import type { CooperationPart } from '../part.js';

/** Administrations by SIRET (register-checked), their services and members: ProConnect join, invitations, leaving. */
export const administrationsPart: CooperationPart = {};
