import { type Locale, type Message, t } from '../../core/i18n/i18n.js';

/**
 * The reasons a decision gives, as codes (what the transparency bundle publishes) with French and English
 * labels (what the board, the minutes and the notices show). One "insufficient on <criterion>" per jury
 * criterion of the season, then the general ones. Free text comes beside them, never instead of them.
 */

export const CRITERION_PREFIX = 'criterion:';

export const GENERAL_REASONS = ['budget', 'out_of_scope', 'maturity', 'other'] as const;
export type GeneralReason = (typeof GENERAL_REASONS)[number];

const GENERAL_LABELS: Record<GeneralReason, Message> = {
  budget: { fr: 'Enveloppe budgétaire insuffisante', en: 'Not enough budget left' },
  out_of_scope: { fr: 'Hors du champ de l’appel', en: 'Outside the scope of the call' },
  maturity: { fr: 'Projet pas assez mûr', en: 'Project not mature enough' },
  other: { fr: 'Autre motif (précisé dans le texte)', en: 'Other reason (explained in the text)' },
};

const INSUFFICIENT: Message = { fr: 'Insuffisant sur : {criterion}', en: 'Insufficient on: {criterion}' };

/** A jury criterion as the reasons name it. */
export interface ReasonCriterion {
  code: string;
  label: string;
  labelEn: string;
}

export interface ReasonOption {
  code: string;
  label: string;
}

export function criterionReason(code: string): string {
  return `${CRITERION_PREFIX}${code}`;
}

/** Every reason code the season offers, in the order the form lists them. */
export function reasonCodes(criteria: readonly ReasonCriterion[]): string[] {
  return [...criteria.map((c) => criterionReason(c.code)), ...GENERAL_REASONS];
}

/** The label of a reason code; an unknown code (a criterion since removed) is shown as it is. */
export function reasonLabel(locale: Locale, code: string, criteria: readonly ReasonCriterion[]): string {
  if ((GENERAL_REASONS as readonly string[]).includes(code)) return t(locale, GENERAL_LABELS[code as GeneralReason]);
  if (code.startsWith(CRITERION_PREFIX)) {
    const criterion = criteria.find((c) => criterionReason(c.code) === code);
    const name = criterion ? (locale === 'en' && criterion.labelEn ? criterion.labelEn : criterion.label) : code;
    return t(locale, INSUFFICIENT, { criterion: name });
  }
  return code;
}

export function reasonOptions(locale: Locale, criteria: readonly ReasonCriterion[]): ReasonOption[] {
  return reasonCodes(criteria).map((code) => ({ code, label: reasonLabel(locale, code, criteria) }));
}

/** The form field of a reason's checkbox (one field per code: a form posts no lists). */
export function reasonField(code: string): string {
  return `reason_${code.replace(/[^a-z0-9_-]/gi, '_')}`;
}
