import { defineMessages } from '../../../core/i18n/i18n.js';

/** Texts of the public outline of a call's application form. */
export const outlineMessages = defineMessages({
  title: { fr: 'Les questions du formulaire — {season}', en: 'The form’s questions — {season}' },
  intro: {
    fr: 'Préparez vos réponses : voici, section par section, les questions posées aux porteurs de projet. Le formulaire lui-même s’ouvre une fois connecté.',
    en: 'Prepare your answers: here, section by section, are the questions asked of applicants. The form itself opens once you are signed in.',
  },
  noForm: {
    fr: 'Le formulaire de cette saison n’est pas encore publié.',
    en: 'This season’s form is not published yet.',
  },
  required: { fr: 'obligatoire', en: 'required' },
  optional: { fr: 'facultative', en: 'optional' },
  upTo: { fr: '{n} caractères au plus', en: 'at most {n} characters' },
  items: { fr: 'de {min} à {max} éléments', en: '{min} to {max} items' },
  closesAt: { fr: 'Dépôt des candidatures jusqu’au {date}.', en: 'Applications close on {date}.' },
  apply: { fr: 'Candidater', en: 'Apply' },
  seeQuestions: { fr: 'Voir toutes les questions du formulaire', en: 'See every question of the form' },
  seasonPage: { fr: 'Présentation de la saison', en: 'About the season' },
});
