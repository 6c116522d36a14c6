import { defineMessages } from '../../../core/i18n/i18n.js';

/** Texts of the outside expert opinions (avis): the staff section and the expert's page. */
export const expertMessages = defineMessages({
  sectionTitle: { fr: 'Avis d’experts extérieurs', en: 'Outside expert opinions' },
  none: { fr: 'Aucun avis demandé.', en: 'No opinion requested.' },
  requestTitle: { fr: 'Demander un avis', en: 'Request an opinion' },
  requestNeedsSubmission: {
    fr: 'Un avis ne peut être demandé que sur une candidature soumise.',
    en: 'An opinion can only be requested on a submitted application.',
  },
  expertEmail: { fr: 'Adresse électronique de l’expert', en: 'Expert’s email address' },
  question: { fr: 'Question posée', en: 'Question asked' },
  questionHint: {
    fr: 'Ce que vous attendez de l’expert (5 000 caractères au plus).',
    en: 'What you expect from the expert (at most 5,000 characters).',
  },
  dueOn: { fr: 'Date limite de réponse', en: 'Answer due by' },
  dueOnHint: {
    fr: 'Le lien reste valable sept jours après cette date.',
    en: 'The link stays valid seven days after this date.',
  },
  dueInPast: { fr: 'La date limite ne peut pas être passée.', en: 'The due date cannot be in the past.' },
  alreadyAsked: {
    fr: 'Un avis a déjà été demandé à cette adresse pour cette candidature.',
    en: 'An opinion was already requested from this address for this application.',
  },
  send: { fr: 'Envoyer la demande', en: 'Send the request' },
  requested: { fr: 'Demande d’avis envoyée.', en: 'Opinion request sent.' },
  status_pending: { fr: 'En attente', en: 'Pending' },
  status_answered: { fr: 'Répondu', en: 'Answered' },
  status_expired: { fr: 'Expiré', en: 'Expired' },
  overdue: { fr: 'Échéance dépassée', en: 'Past due' },
  opinion: { fr: 'Avis', en: 'Opinion' },
  opinion_favourable: { fr: 'Favorable', en: 'Favourable' },
  opinion_reserved: { fr: 'Réservé', en: 'Reserved' },
  opinion_unfavourable: { fr: 'Défavorable', en: 'Unfavourable' },
  comment: { fr: 'Commentaire', en: 'Comment' },
  commentHint: { fr: '10 000 caractères au plus.', en: 'At most 10,000 characters.' },
  requestedOn: {
    fr: 'Demandé le {date} à {email}, réponse attendue le {due}',
    en: 'Requested on {date} from {email}, answer due on {due}',
  },
  answeredOn: { fr: 'Répondu le {date}', en: 'Answered on {date}' },
  draftOpinion: { fr: 'Brouillon de l’expert (non envoyé)', en: 'Expert’s draft (not sent)' },
  pageTitle: { fr: 'Avis sur une candidature', en: 'Opinion on an application' },
  pageIntro: {
    fr: 'L’équipe de l’Accélérateur d’initiatives citoyennes vous demande votre avis sur la candidature ci-dessous. Vous pouvez enregistrer votre avis et le modifier jusqu’à son envoi définitif.',
    en: 'The citizen initiatives accelerator team asks for your opinion on the application below. You can save your opinion and change it until you send it for good.',
  },
  saveDraft: { fr: 'Enregistrer sans envoyer', en: 'Save without sending' },
  submitOpinion: { fr: 'Envoyer mon avis', en: 'Send my opinion' },
  savedDraft: {
    fr: 'Votre avis est enregistré ; vous pouvez encore le modifier.',
    en: 'Your opinion is saved; you can still change it.',
  },
  thanks: { fr: 'Merci, votre avis a été transmis à l’équipe.', en: 'Thank you, your opinion was sent to the team.' },
  alreadySubmitted: {
    fr: 'Cet avis a déjà été envoyé et ne peut plus être modifié.',
    en: 'This opinion was already sent and can no longer be changed.',
  },
  linkInvalidTitle: { fr: 'Lien invalide ou expiré', en: 'Invalid or expired link' },
  linkInvalidText: {
    fr: 'Ce lien de demande d’avis n’est pas valable ou a expiré. Contactez l’équipe qui vous l’a envoyé.',
    en: 'This opinion request link is not valid or has expired. Contact the team who sent it to you.',
  },
  answers: { fr: 'Réponses soumises (lecture seule)', en: 'Submitted answers (read only)' },
  contactsHidden: {
    fr: 'Les coordonnées des porteurs et les pièces jointes ne sont pas montrées.',
    en: 'The applicants’ contact details and attachments are not shown.',
  },
});
