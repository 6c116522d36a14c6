import type { Services } from '../../../core/services.js';
import { checkOrganisation, isValidSiret, normaliseSiret, type OrganisationCheck } from '../../applications/index.js';

/** What the company register said of a SIRET, read for an administration. */
export interface SiretCheck {
  /** The normalised SIRET, or null when it is not a valid one (14 digits, Luhn key). */
  siret: string | null;
  check: OrganisationCheck | null;
  /**
   * `invalid`: not a SIRET; `not_found`: a valid SIRET the register does not know (refused); `unverified`: the
   * register was not asked or did not answer (accepted, shown as not verified); `verified`: it answered.
   */
  outcome: 'invalid' | 'not_found' | 'unverified' | 'verified';
  /** The register's name, when verified. */
  name: string | null;
  legalCategory: string | null;
  /** Active in the register (false: closed establishment); null when not verified. */
  active: boolean | null;
}

/**
 * Checks a SIRET typed for an administration or a service: its format (applications' rules), then the company
 * register through applications' `checkOrganisation` when COMPANY_REGISTER_URL is set. Never throws; an
 * unavailable register never blocks (the administration is then "not verified").
 */
export async function checkSiret(services: Pick<Services, 'config' | 'clock'>, typed: string): Promise<SiretCheck> {
  const text = typed.trim();
  if (!text || !isValidSiret(text))
    return { siret: null, check: null, outcome: 'invalid', name: null, legalCategory: null, active: null };
  const siret = normaliseSiret(text);
  const check = await checkOrganisation(services, { siret });
  const register = check.register;
  if (register.status === 'verified')
    return {
      siret,
      check,
      outcome: 'verified',
      name: register.name,
      legalCategory: register.legalForm || null,
      active: register.active,
    };
  if (register.status === 'not_found')
    return { siret, check, outcome: 'not_found', name: null, legalCategory: null, active: null };
  return { siret, check, outcome: 'unverified', name: null, legalCategory: null, active: null };
}

/** The columns of an administration a check fills (only when the register answered: a failure keeps the last answer). */
export function registerColumns(
  result: SiretCheck,
): { legal_category: string | null; active: boolean | null; register_check: string } | Record<string, never> {
  if (!result.check || (result.outcome !== 'verified' && result.outcome !== 'not_found')) return {};
  return {
    legal_category: result.legalCategory,
    active: result.active,
    register_check: JSON.stringify(result.check),
  };
}
