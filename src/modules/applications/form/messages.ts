import { type CountMessage, defineMessages } from '../../../core/i18n/i18n.js';

/** Texts of the application form: validation errors and the hints shown around questions. */
export const formFieldMessages = defineMessages({
  inFrench: { fr: 'en français', en: 'in French' },
  number: { fr: 'Saisissez un nombre, par exemple 1200.', en: 'Enter a number, e.g. 1200.' },
  numberMin: {
    fr: 'Saisissez un nombre supérieur ou égal à {min}.',
    en: 'Enter a number greater than or equal to {min}.',
  },
  numberMax: {
    fr: 'Saisissez un nombre inférieur ou égal à {max}.',
    en: 'Enter a number less than or equal to {max}.',
  },
  url: {
    fr: 'Saisissez une adresse web complète commençant par https://, par exemple https://exemple.fr.',
    en: 'Enter a full web address starting with https://, e.g. https://example.org.',
  },
  siret: {
    fr: 'Saisissez un numéro SIRET valide : 14 chiffres, par exemple 130 025 265 00013.',
    en: 'Enter a valid SIRET number: 14 digits, e.g. 130 025 265 00013.',
  },
  siretKey: {
    fr: 'Ce numéro SIRET a bien 14 chiffres, mais son dernier chiffre (la clé de contrôle) ne correspond pas aux autres : un chiffre a sans doute été mal recopié. Vérifiez-le sur l’avis de situation SIRENE ou sur annuaire-entreprises.data.gouv.fr.',
    en: 'This SIRET number has 14 digits, but its last digit (the check digit) does not match the others: a digit was probably mistyped. Check it on the SIRENE certificate or on annuaire-entreprises.data.gouv.fr.',
  },
  rna: {
    fr: 'Saisissez un numéro RNA valide : la lettre W suivie de 9 chiffres, par exemple W751234567.',
    en: 'Enter a valid RNA number: the letter W followed by 9 digits, e.g. W751234567.',
  },
  choices: { fr: 'Choisissez parmi les valeurs proposées.', en: 'Choose among the proposed values.' },
  file: {
    fr: 'Le fichier joint n’est pas valide ; joignez-le de nouveau.',
    en: 'The attached file is not valid; attach it again.',
  },
  conditionHint: {
    fr: 'À remplir seulement si « {question} » vaut : {values}.',
    en: 'Only if “{question}” is: {values}.',
  },
  item: { fr: '{label} n° {n}', en: '{label} no. {n}' },
  itemHint: {
    fr: 'Pour ajouter un élément, remplissez la ligne vide puis enregistrez ; pour en retirer un, videz ses champs.',
    en: 'To add an item, fill in the empty row and save; to remove one, clear its fields.',
  },
  fileKept: { fr: 'Fichier déjà joint : {id}', en: 'File already attached: {id}' },
  fileHint: {
    fr: 'Formats acceptés : {types}. Taille maximale : {size} Mo.',
    en: 'Accepted formats: {types}. Maximum size: {size} MB.',
  },
  requiredMark: { fr: 'obligatoire', en: 'required' },
  noAnswer: { fr: 'Aucune réponse', en: 'No answer' },
  notAnswered: { fr: 'Non renseigné', en: 'Not answered' },
  fileUnavailable: { fr: 'Fichier indisponible ({id})', en: 'File unavailable ({id})' },
  summaryContents: { fr: 'Sommaire des réponses', en: 'Contents of the answers' },
});

/** Counts in the locale's plural form (`tCount`, or `countForm` for a field error): never "(s)". */
export const formFieldCounts = {
  minItems: {
    one: { fr: 'Ajoutez au moins {n} élément.', en: 'Add at least {n} item.' },
    other: { fr: 'Ajoutez au moins {n} éléments.', en: 'Add at least {n} items.' },
  },
  maxItems: {
    one: { fr: 'Ne dépassez pas {n} élément.', en: 'Do not add more than {n} item.' },
    other: { fr: 'Ne dépassez pas {n} éléments.', en: 'Do not add more than {n} items.' },
  },
} satisfies Record<string, CountMessage>;
