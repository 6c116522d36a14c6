import { defineMessages, type Message } from '../../../core/i18n/i18n.js';

/** Texts of the organisation check, shown to staff beside an application. */
export const organisationMessages = defineMessages({
  heading: { fr: 'Vérification de la structure', en: 'Organisation check' },
  verified: { fr: 'Vérifiée au répertoire des entreprises', en: 'Verified in the company register' },
  notVerified: { fr: 'Non vérifiée', en: 'Not verified' },
  notFound: {
    fr: 'Le répertoire des entreprises ne connaît pas ce numéro SIRET. Vérifiez-le avec la structure.',
    en: 'The company register does not know this SIRET number. Check it with the organisation.',
  },
  disabled: {
    fr: 'La consultation du répertoire des entreprises n’est pas activée sur cette plateforme.',
    en: 'Looking up the company register is not enabled on this platform.',
  },
  noSiret: { fr: 'Aucun numéro SIRET n’a été donné.', en: 'No SIRET number was given.' },
  invalidSiret: { fr: 'Le numéro SIRET donné n’est pas valide.', en: 'The SIRET number given is not valid.' },
  unavailable: {
    fr: 'Le répertoire des entreprises n’a pas pu être consulté ({reason}). La candidature suit son cours ; vérifiez plus tard.',
    en: 'The company register could not be consulted ({reason}). The application goes on; check again later.',
  },
  name: { fr: 'Nom', en: 'Name' },
  legalForm: { fr: 'Forme juridique', en: 'Legal form' },
  state: { fr: 'État', en: 'State' },
  active: { fr: 'Active', en: 'Active' },
  closed: { fr: 'Cessée ou fermée', en: 'Ceased or closed' },
  association: { fr: 'Association', en: 'Association' },
  yes: { fr: 'Oui', en: 'Yes' },
  no: { fr: 'Non', en: 'No' },
  rnaRegister: { fr: 'RNA au répertoire : {rna}', en: 'RNA in the register: {rna}' },
  rnaMismatch: {
    fr: 'Le numéro RNA donné ({given}) diffère de celui du répertoire ({register}).',
    en: 'The RNA number given ({given}) differs from the register’s ({register}).',
  },
  otherLegalForm: { fr: 'Catégorie juridique {code}', en: 'Legal category {code}' },
  notCheckedYet: {
    fr: 'Aucune vérification enregistrée : elle est faite après le dépôt de la candidature, ou à la demande ci-dessous.',
    en: 'No check recorded: it is made after the application is submitted, or on request below.',
  },
  checkedAt: { fr: 'Vérification du {date}', en: 'Checked on {date}' },
  recheck: { fr: 'Vérifier à nouveau', en: 'Check again' },
  rechecked: { fr: 'La structure a été vérifiée à nouveau.', en: 'The organisation was checked again.' },
  nothingToCheck: {
    fr: 'Les réponses ne donnent ni numéro SIRET ni numéro RNA : rien à vérifier.',
    en: 'The answers give no SIRET nor RNA number: nothing to check.',
  },
});

/** Why the register could not answer, in words staff understand. */
export const unavailableReasons = defineMessages({
  invalid_identifier: { fr: 'numéro non valide', en: 'invalid number' },
  timeout: { fr: 'délai de réponse dépassé', en: 'no answer in time' },
  rate_limited: { fr: 'trop de demandes, service limité', en: 'too many requests, service limited' },
  server_error: { fr: 'service en panne', en: 'service failing' },
  network_error: { fr: 'service injoignable', en: 'service unreachable' },
  bad_response: { fr: 'réponse illisible', en: 'unreadable answer' },
  cooling_down: { fr: 'service en pause après des erreurs', en: 'service paused after errors' },
});

/**
 * Labels of the INSEE legal categories (catégories juridiques) most seen among applicants; other
 * codes fall back to their first-level category, then to the bare code.
 */
const legalFormLabels: Record<string, Message> = {
  '1000': { fr: 'Entrepreneur individuel', en: 'Sole trader' },
  '5498': { fr: 'SARL unipersonnelle', en: 'Single-member limited liability company (SARL)' },
  '5499': { fr: 'Société à responsabilité limitée (SARL)', en: 'Limited liability company (SARL)' },
  '5599': { fr: 'Société anonyme à conseil d’administration', en: 'Public limited company with a board of directors' },
  '5710': { fr: 'Société par actions simplifiée (SAS)', en: 'Simplified joint-stock company (SAS)' },
  '5720': { fr: 'SAS à associé unique (SASU)', en: 'Single-shareholder simplified joint-stock company (SASU)' },
  '6540': { fr: 'Société civile immobilière', en: 'Non-trading property company (SCI)' },
  '7120': { fr: 'Service central d’un ministère', en: 'Central service of a ministry' },
  '7210': { fr: 'Commune', en: 'Municipality' },
  '7220': { fr: 'Département', en: 'Département' },
  '7230': { fr: 'Région', en: 'Region' },
  '9210': { fr: 'Association non déclarée', en: 'Undeclared association' },
  '9220': { fr: 'Association déclarée', en: 'Declared association' },
  '9230': { fr: 'Association déclarée, reconnue d’utilité publique', en: 'Declared association of public utility' },
  '9300': { fr: 'Fondation', en: 'Foundation' },
};

const legalCategoryLabels: Record<string, Message> = {
  '1': { fr: 'Entrepreneur individuel', en: 'Sole trader' },
  '2': {
    fr: 'Groupement de droit privé non doté de la personnalité morale',
    en: 'Private-law group without legal personality',
  },
  '3': { fr: 'Personne morale de droit étranger', en: 'Legal person under foreign law' },
  '4': {
    fr: 'Personne morale de droit public soumise au droit commercial',
    en: 'Public-law body under commercial law',
  },
  '5': { fr: 'Société commerciale', en: 'Commercial company' },
  '6': { fr: 'Autre personne morale immatriculée au RCS', en: 'Other legal person in the trade register' },
  '7': { fr: 'Personne morale et organisme soumis au droit administratif', en: 'Body under administrative law' },
  '8': { fr: 'Organisme privé spécialisé', en: 'Specialised private body' },
  '9': { fr: 'Groupement de droit privé', en: 'Private-law group' },
};

/** The label of an INSEE legal category code, or null when the code is unknown. */
export function legalFormMessage(code: string): Message | null {
  return legalFormLabels[code] ?? (/^\d{4}$/.test(code) ? (legalCategoryLabels[code[0]!] ?? null) : null);
}
