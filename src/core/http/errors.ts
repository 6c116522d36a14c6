import { defineMessages } from '../i18n/i18n.js';

export const httpMessages = defineMessages({
  notFoundTitle: { fr: 'Page non trouvée', en: 'Page not found' },
  notFoundText: {
    fr: 'La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.',
    en: 'The page you are looking for cannot be found. We apologise for the inconvenience.',
  },
  forbiddenTitle: { fr: 'Accès refusé', en: 'Access denied' },
  forbiddenText: {
    fr: 'Vous n’avez pas les droits nécessaires pour accéder à cette page.',
    en: 'You do not have the rights needed to access this page.',
  },
  allTracksTitle: {
    fr: 'Action réservée aux droits sur tous les parcours',
    en: 'Action reserved for rights on every track',
  },
  allTracksText: {
    fr: 'Cette action concerne tous les parcours de la saison : elle demande des droits sur tous les parcours. Vos droits sont limités à un parcours ; demandez-la à un membre de l’équipe sans limite de parcours.',
    en: 'This action concerns every track of the season: it needs rights on every track. Your rights are limited to one track; ask a staff member without a track limit.',
  },
  badRequestTitle: { fr: 'Requête invalide', en: 'Invalid request' },
  badRequestText: {
    fr: 'La requête envoyée n’est pas valide : {detail}',
    en: 'The request sent is not valid: {detail}',
  },
  badCharactersTitle: { fr: 'Caractères non autorisés', en: 'Characters not allowed' },
  badCharactersText: {
    fr: 'La requête contient des caractères non autorisés (caractère nul, caractère Unicode isolé ou encodage invalide) dans « {field} ». Retirez-les puis réessayez.',
    en: 'The request contains characters that are not allowed (null character, lone Unicode surrogate or invalid encoding) in “{field}”. Remove them and try again.',
  },
  csrfTitle: { fr: 'Formulaire expiré', en: 'Form expired' },
  csrfText: {
    fr: 'Le formulaire a expiré ou ne provient pas de ce site. Revenez à la page précédente, rechargez-la puis envoyez-le à nouveau.',
    en: 'The form has expired or did not come from this site. Go back, reload the page and send it again.',
  },
  tooManyTitle: { fr: 'Trop de demandes', en: 'Too many requests' },
  tooManyText: {
    fr: 'Vous avez fait trop de demandes. Réessayez dans quelques minutes.',
    en: 'You have made too many requests. Try again in a few minutes.',
  },
  tooLargeTitle: { fr: 'Envoi trop volumineux', en: 'Upload too large' },
  tooLargeText: {
    fr: 'Le fichier ou le formulaire envoyé dépasse la taille autorisée.',
    en: 'The file or form sent exceeds the allowed size.',
  },
  serverErrorTitle: { fr: 'Erreur inattendue', en: 'Unexpected error' },
  serverErrorText: {
    fr: 'Une erreur inattendue est survenue. Réessayez dans un instant ; si le problème persiste, contactez-nous.',
    en: 'An unexpected error occurred. Try again in a moment; if the problem persists, contact us.',
  },
  backHome: { fr: 'Page d’accueil', en: 'Home page' },
});

/** An error a use case throws on purpose: shown to the person with its status, never as a 500. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = 'error',
  ) {
    super(message);
  }
}
