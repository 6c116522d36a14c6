import type { FieldError } from '../../../core/http/forms.js';
import type { Services } from '../../../core/services.js';
import { isValidRna, isValidSiret, normaliseRna, normaliseSiret } from '../form/identifiers.js';
import { formFieldMessages } from '../form/messages.js';
import type { AnswerMap, FormDefinition } from '../form/model.js';
import { isQuestionShown } from '../form/validate.js';
import { type CompanyRegisterResult, companyRegisterFor } from './company-register.js';

export interface OrganisationCheckInput {
  siret?: string | null;
  rna?: string | null;
}

/** What the register said, or why it was not asked. */
export type RegisterOutcome =
  | CompanyRegisterResult
  | { status: 'not_checked'; reason: 'disabled' | 'no_siret' | 'invalid_siret' };

/** Plain JSON: a use case can store it with the application and show it to staff later. */
export interface OrganisationCheck {
  /** Normalised (spaces removed) when valid, else null. */
  siret: string | null;
  rna: string | null;
  /** Format errors, keyed by the field they concern. */
  errors: { siret?: FieldError; rna?: FieldError };
  register: RegisterOutcome;
  /** The register holds an RNA for this SIRET and it is not the one given. */
  rnaMismatch: { given: string; register: string } | null;
  /** ISO time of the check (from the platform clock). */
  checkedAt: string;
}

/**
 * Checks an organisation's identifiers: SIRET (14 digits, Luhn key) and RNA (W + 9 digits) formats,
 * then, when COMPANY_REGISTER_URL is set and the SIRET is valid, the company register. Never throws
 * and never blocks: an unavailable register leaves the application going, marked "not verified".
 */
export async function checkOrganisation(
  services: Pick<Services, 'config' | 'clock'>,
  input: OrganisationCheckInput,
): Promise<OrganisationCheck> {
  const errors: OrganisationCheck['errors'] = {};
  const siretText = (input.siret ?? '').trim();
  const rnaText = (input.rna ?? '').trim();
  const siret = siretText && isValidSiret(siretText) ? normaliseSiret(siretText) : null;
  const rna = rnaText && isValidRna(rnaText) ? normaliseRna(rnaText) : null;
  if (siretText && !siret) errors.siret = { message: formFieldMessages.siret };
  if (rnaText && !rna) errors.rna = { message: formFieldMessages.rna };

  const register = companyRegisterFor(services.config);
  let outcome: RegisterOutcome;
  if (!siretText) outcome = { status: 'not_checked', reason: 'no_siret' };
  else if (!siret) outcome = { status: 'not_checked', reason: 'invalid_siret' };
  else if (!register) outcome = { status: 'not_checked', reason: 'disabled' };
  else outcome = await register.lookup(siret);

  const rnaMismatch =
    outcome.status === 'verified' && outcome.rna && rna && normaliseRna(outcome.rna) !== rna
      ? { given: rna, register: outcome.rna }
      : null;
  return { siret, rna, errors, register: outcome, rnaMismatch, checkedAt: services.clock.now().toISOString() };
}

/** True only when the register confirmed the organisation (whatever its state). */
export function isOrganisationVerified(check: Pick<OrganisationCheck, 'register'>): boolean {
  return check.register.status === 'verified';
}

/** Where in a form the organisation's identifiers were answered. */
export interface OrganisationAnswers {
  siretQuestionId: string | null;
  rnaQuestionId: string | null;
  siret: string | null;
  rna: string | null;
}

/**
 * Finds the organisation's SIRET and RNA among an application's answers: the first top-level
 * question of kind `siret` and of kind `rna` that is shown (its condition holds) and answered.
 */
export function organisationAnswers(definition: FormDefinition, answers: AnswerMap): OrganisationAnswers {
  const found: OrganisationAnswers = { siretQuestionId: null, rnaQuestionId: null, siret: null, rna: null };
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (question.kind !== 'siret' && question.kind !== 'rna') continue;
      const value = answers[question.id];
      if (typeof value !== 'string' || !value.trim() || !isQuestionShown(definition, question, answers)) continue;
      if (question.kind === 'siret' && found.siret === null)
        Object.assign(found, { siretQuestionId: question.id, siret: value });
      if (question.kind === 'rna' && found.rna === null)
        Object.assign(found, { rnaQuestionId: question.id, rna: value });
    }
  }
  return found;
}

/**
 * checkOrganisation over an application's answers; null when the applicant gave no SIRET nor RNA
 * (a citizen, or a form without those questions). Format errors come back keyed by question id.
 */
export async function checkOrganisationAnswers(
  services: Pick<Services, 'config' | 'clock'>,
  definition: FormDefinition,
  answers: AnswerMap,
): Promise<(OrganisationCheck & { fieldErrors: Record<string, FieldError> }) | null> {
  const found = organisationAnswers(definition, answers);
  if (found.siret === null && found.rna === null) return null;
  const check = await checkOrganisation(services, { siret: found.siret, rna: found.rna });
  const fieldErrors: Record<string, FieldError> = {};
  if (check.errors.siret && found.siretQuestionId) fieldErrors[found.siretQuestionId] = check.errors.siret;
  if (check.errors.rna && found.rnaQuestionId) fieldErrors[found.rnaQuestionId] = check.errors.rna;
  return { ...check, fieldErrors };
}
