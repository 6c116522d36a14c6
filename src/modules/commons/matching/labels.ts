import { defineMessages, type Locale, type Message, t } from '../../../core/i18n/i18n.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import type { ContactOutcome, NeedSide, UseCaseStatus } from '../tables.js';

/** The support lever's label in the reader's language (the code itself when unknown). */
export function leverLabel(locale: Locale, code: string): string {
  const lever = SUPPORT_LEVERS.find((l) => l.code === code);
  return lever ? (locale === 'en' ? lever.labelEn : lever.label) : code;
}

/** Regions by their INSEE code (territory codes are 'R' + this code). */
const REGIONS: Record<string, string> = {
  '01': 'Guadeloupe',
  '02': 'Martinique',
  '03': 'Guyane',
  '04': 'La Réunion',
  '06': 'Mayotte',
  '11': 'Île-de-France',
  '24': 'Centre-Val de Loire',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie',
  '32': 'Hauts-de-France',
  '44': 'Grand Est',
  '52': 'Pays de la Loire',
  '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine',
  '76': 'Occitanie',
  '84': 'Auvergne-Rhône-Alpes',
  '93': 'Provence-Alpes-Côte d’Azur',
  '94': 'Corse',
};

const territoryMessages = defineMessages({
  national: { fr: 'France entière', en: 'Whole of France' },
  region: { fr: 'Région {code}', en: 'Region {code}' },
  departement: { fr: 'Département {code}', en: 'Département {code}' },
});

/** A territory code as people read it: 'FR' the whole country, 'R53' Bretagne, 'D35' Département 35. */
export function territoryLabel(locale: Locale, code: string): string {
  if (code === 'FR') return t(locale, territoryMessages.national);
  const region = /^R(\d{2})$/.exec(code);
  if (region) return REGIONS[region[1]] ?? t(locale, territoryMessages.region, { code: region[1] });
  const departement = /^D(\w{2,3})$/.exec(code);
  if (departement) return t(locale, territoryMessages.departement, { code: departement[1] });
  return code;
}

export const CONTACT_OUTCOMES: readonly ContactOutcome[] = ['met', 'experiment', 'use_case', 'nothing'];

export const OUTCOME_LABELS: Record<ContactOutcome, Message> = defineMessages({
  met: { fr: 'Nous nous sommes rencontrés', en: 'We met' },
  experiment: { fr: 'Une expérimentation est lancée ou prévue', en: 'An experiment started or is planned' },
  use_case: { fr: 'Un cas d’usage est né', en: 'A use case came of it' },
  nothing: { fr: 'Pas de suite', en: 'Nothing came of it' },
});

/** Short labels for tables and CSV columns. */
export const OUTCOME_SHORT: Record<ContactOutcome, Message> = defineMessages({
  met: { fr: 'Rencontre', en: 'Meeting' },
  experiment: { fr: 'Expérimentation', en: 'Experiment' },
  use_case: { fr: 'Cas d’usage', en: 'Use case' },
  nothing: { fr: 'Sans suite', en: 'Nothing' },
});

export const USE_CASE_STATUSES: readonly UseCaseStatus[] = [
  'exploration',
  'experimentation',
  'production',
  'abandoned',
];

export const USE_CASE_STATUS_LABELS: Record<UseCaseStatus, Message> = defineMessages({
  exploration: { fr: 'Exploration', en: 'Exploration' },
  experimentation: { fr: 'Expérimentation', en: 'Experimentation' },
  production: { fr: 'En production', en: 'In production' },
  abandoned: { fr: 'Abandonné', en: 'Abandoned' },
});

export const SIDE_LABELS: Record<NeedSide, Message> = defineMessages({
  administration: { fr: 'Administrations', en: 'Administrations' },
  commons: { fr: 'Communs', en: 'Commons' },
});
