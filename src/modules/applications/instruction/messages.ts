import { type CountMessage, defineMessages } from '../../../core/i18n/i18n.js';

/** Texts of batch actions, the message thread and the private notes. */
export const instructionMessages = defineMessages({
  thread: { fr: 'Échanges avec les porteurs', en: 'Messages with the applicants' },
  threadApplicant: { fr: 'Échanges avec l’équipe', en: 'Messages with the team' },
  noMessages: { fr: 'Aucun message pour l’instant.', en: 'No message yet.' },
  newMessage: { fr: 'Nouveau', en: 'New' },
  unreadMessages: { fr: 'Message non lu', en: 'Unread message' },
  fromStaff: { fr: 'Équipe de l’Accélérateur', en: 'Accelerator team' },
  fromApplicant: { fr: 'Porteur', en: 'Applicant' },
  message: { fr: 'Message', en: 'Message' },
  messageHint: {
    fr: 'Les porteurs de la candidature sont prévenus par courriel.',
    en: 'The applicants are notified by email.',
  },
  replyHint: { fr: 'L’équipe est prévenue par courriel.', en: 'The team is notified by email.' },
  send: { fr: 'Envoyer le message', en: 'Send the message' },
  messageSent: { fr: 'Message envoyé.', en: 'Message sent.' },
  notes: { fr: 'Notes internes (jamais montrées aux porteurs)', en: 'Internal notes (never shown to applicants)' },
  noNotes: { fr: 'Aucune note.', en: 'No note.' },
  note: { fr: 'Note', en: 'Note' },
  addNote: { fr: 'Ajouter la note', en: 'Add the note' },
  noteAdded: { fr: 'Note ajoutée.', en: 'Note added.' },
  writeMessage: { fr: 'Écrire un message', en: 'Write a message' },
  writeNote: { fr: 'Écrire une note interne', en: 'Write an internal note' },
  back: { fr: 'Retour à la candidature', en: 'Back to the application' },
  batchTitle: { fr: 'Actions groupées', en: 'Batch actions' },
  batchSelect: { fr: 'Candidatures de cette page', en: 'Applications on this page' },
  batchColumn: { fr: 'Sélection', en: 'Selection' },
  batchSelectRow: { fr: 'Sélectionner « {title} »', en: 'Select “{title}”' },
  batchTickHint: {
    fr: 'Cochez les candidatures dans la première colonne du tableau, puis choisissez l’action.',
    en: 'Tick the applications in the first column of the table, then choose the action.',
  },
  batchAction: { fr: 'Action', en: 'Action' },
  batchToInstruction: { fr: 'Passer en instruction', en: 'Move to instruction' },
  batchEligible: { fr: 'Déclarer éligibles', en: 'Mark eligible' },
  batchMessage: { fr: 'Envoyer un message', en: 'Send a message' },
  batchBody: { fr: 'Message (pour l’action « Envoyer un message »)', en: 'Message (for the “Send a message” action)' },
  batchBodyRequired: { fr: 'Écrivez le message à envoyer.', en: 'Write the message to send.' },
  batchApply: { fr: 'Appliquer aux candidatures cochées', en: 'Apply to the ticked applications' },
  batchNone: { fr: 'Cochez au moins une candidature.', en: 'Tick at least one application.' },
  batchAllLink: {
    fr: 'Agir sur tous les résultats de ce filtre (toutes les pages)',
    en: 'Act on every result of this filter (all pages)',
  },
  batchAllTitle: { fr: 'Action groupée sur tous les résultats', en: 'Batch action on every result' },
  batchAllFilters: { fr: 'Filtre : {filters}', en: 'Filter: {filters}' },
  batchAllNoFilter: {
    fr: 'aucun (toutes les candidatures que vous pouvez voir)',
    en: 'none (every application you can see)',
  },
  batchAllTooMany: {
    fr: 'Plus de {max} candidatures correspondent : précisez le filtre pour agir sur au plus {max} à la fois.',
    en: 'More than {max} applications match: narrow the filter to act on at most {max} at once.',
  },
  batchAllNone: { fr: 'Aucune candidature ne correspond à ce filtre.', en: 'No application matches this filter.' },
  batchAllConfirmRequired: { fr: 'Cochez la case pour confirmer.', en: 'Tick the box to confirm.' },
  batchAllChanged: {
    fr: 'Le nombre de candidatures de ce filtre a changé depuis l’affichage ({n} maintenant) : vérifiez et confirmez à nouveau.',
    en: 'The number of applications of this filter changed since it was shown ({n} now): check and confirm again.',
  },
  batchAllApply: { fr: 'Appliquer à tous les résultats', en: 'Apply to every result' },
  batchAllFirst: { fr: 'Premières candidatures concernées', en: 'First applications concerned' },
  batchResult: { fr: 'Résultat des actions groupées', en: 'Batch action result' },
  refusedNotFound: { fr: 'introuvable ou hors de vos parcours', en: 'not found or outside your tracks' },
  refusedState: { fr: 'action impossible depuis l’état « {state} »', en: 'not possible from the state “{state}”' },
  refusedReason: { fr: 'un motif est requis', en: 'a reason is required' },
  backToList: { fr: 'Retour à la liste', en: 'Back to the list' },
  stateNoticeEligible: {
    fr: 'Votre candidature est recevable. Elle sera maintenant évaluée selon les critères de l’appel.',
    en: 'Your application is eligible. It will now be assessed against the call’s criteria.',
  },
  stateNoticeIneligible: {
    fr: 'Votre candidature n’est pas recevable, pour la raison suivante :',
    en: 'Your application is not eligible, for the following reason:',
  },
  stateNoticeInReview: {
    fr: 'Votre candidature est maintenant examinée par le jury d’experts.',
    en: 'Your application is now being reviewed by the jury of experts.',
  },
  stateNoticesTitle: { fr: 'Avis aux candidats — {season}', en: 'Notices to applicants — {season}' },
  stateNoticesIntro: {
    fr: 'Quand l’équipe fait passer une candidature de cette saison dans l’un de ces états (une par une ou par lot), ses porteurs reçoivent un courriel dans leur langue et un message sur la page de leur candidature. Décochez un état pour ne plus les prévenir.',
    en: 'When the team moves an application of this season into one of these states (one by one or in a batch), its applicants get an e-mail in their language and a message on their application’s page. Untick a state to stop telling them.',
  },
  stateNoticesChooseSeason: {
    fr: 'Choisissez une saison dans les filtres pour régler les avis envoyés aux candidats quand leur candidature change d’état.',
    en: 'Choose a season in the filters to set the notices sent to applicants when their application changes state.',
  },
  stateNoticeFor: {
    fr: 'Prévenir quand la candidature devient « {state} »',
    en: 'Tell them when the application becomes “{state}”',
  },
  stateNoticeIneligibleHint: {
    fr: 'Le motif d’irrecevabilité saisi est repris dans l’avis.',
    en: 'The reason for ineligibility typed is quoted in the notice.',
  },
  stateNoticesSave: { fr: 'Enregistrer les avis', en: 'Save the notices' },
  stateNoticesSaved: { fr: 'Réglage des avis enregistré.', en: 'Notice settings saved.' },
});

/** Counts in the locale's plural form (`tCount`): never "(s)". */
export const instructionCounts = {
  batchAllCount: {
    one: { fr: '{n} candidature correspond à ce filtre.', en: '{n} application matches this filter.' },
    other: { fr: '{n} candidatures correspondent à ce filtre.', en: '{n} applications match this filter.' },
  },
  batchAllConfirm: {
    one: {
      fr: 'Je confirme appliquer cette action à la seule candidature de ce filtre',
      en: 'I confirm applying this action to the only application of this filter',
    },
    other: {
      fr: 'Je confirme appliquer cette action aux {n} candidatures de ce filtre',
      en: 'I confirm applying this action to the {n} applications of this filter',
    },
  },
  batchDone: {
    one: { fr: '{n} candidature traitée', en: '{n} application processed' },
    other: { fr: '{n} candidatures traitées', en: '{n} applications processed' },
  },
  batchRefused: {
    one: { fr: '{n} candidature refusée', en: '{n} application refused' },
    other: { fr: '{n} candidatures refusées', en: '{n} applications refused' },
  },
} satisfies Record<string, CountMessage>;
