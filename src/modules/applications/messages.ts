import { type CountMessage, defineMessages } from '../../core/i18n/i18n.js';
import type { ApplicationState } from './states.js';

export const applicationMessages = defineMessages({
  applyTitle: { fr: 'Candidater : {season}', en: 'Apply: {season}' },
  applyIntro: {
    fr: 'Choisissez le parcours et le type de porteur : ils ne vous seront pas redemandés (le type de porteur reste modifiable dans le formulaire). Un brouillon est créé : vous pourrez le compléter, l’enregistrer et inviter des co-porteurs avant de le soumettre.',
    en: 'Choose the track and the kind of applicant: you will not be asked again (the kind of applicant can still be corrected in the form). A draft is created: you can complete it, save it and invite co-applicants before submitting it.',
  },
  track: { fr: 'Parcours', en: 'Track' },
  applicantKind: { fr: 'Type de porteur', en: 'Kind of applicant' },
  kind_citizen: { fr: 'Citoyenne ou citoyen', en: 'Citizen' },
  kind_association: { fr: 'Association', en: 'Association' },
  kind_administration: { fr: 'Administration', en: 'Administration' },
  kind_company: { fr: 'Entreprise', en: 'Company' },
  createDraft: { fr: 'Créer mon brouillon', en: 'Create my draft' },
  callNotOpen: {
    fr: 'L’appel à candidatures de cette saison n’est pas ouvert.',
    en: 'This season’s call for applications is not open.',
  },
  noForm: {
    fr: 'Le formulaire de cette saison n’est pas encore publié.',
    en: 'This season’s form is not published yet.',
  },
  kindNotEligible: {
    fr: 'Cette saison n’est pas ouverte à ce type de porteur : choisissez un des types qu’elle accepte (voir la page de la saison).',
    en: 'This season is not open to this kind of applicant: choose one of the kinds it accepts (see the season’s page).',
  },
  choose: { fr: 'Choisissez une des valeurs proposées.', en: 'Choose one of the proposed values.' },
  myApplications: { fr: 'Mes candidatures', en: 'My applications' },
  noApplications: { fr: 'Vous n’avez pas encore de candidature.', en: 'You have no application yet.' },
  untitled: { fr: 'Candidature sans titre', en: 'Untitled application' },
  state: { fr: 'État', en: 'State' },
  season: { fr: 'Saison', en: 'Season' },
  lastSaved: { fr: 'Enregistré à {time}', en: 'Saved at {time}' },
  neverSaved: { fr: 'Pas encore enregistré', en: 'Not saved yet' },
  saveFailed: {
    fr: 'L’enregistrement a échoué. Votre texte est toujours dans la page : réessayez avec « Enregistrer ».',
    en: 'Saving failed. Your text is still on the page: try again with “Save”.',
  },
  save: { fr: 'Enregistrer', en: 'Save' },
  submit: { fr: 'Soumettre ma candidature', en: 'Submit my application' },
  resubmit: { fr: 'Soumettre une nouvelle version', en: 'Submit a new version' },
  saved: { fr: 'Brouillon enregistré.', en: 'Draft saved.' },
  submittedTitle: { fr: 'Candidature reçue', en: 'Application received' },
  submittedText: {
    fr: 'Votre candidature (version {version}) a bien été enregistrée le {date}. Un accusé de réception vous a été envoyé par courriel.',
    en: 'Your application (version {version}) was recorded on {date}. An acknowledgement has been sent to you by email.',
  },
  receipt: { fr: 'Télécharger l’accusé de réception (PDF)', en: 'Download the receipt (PDF)' },
  submitErrors: {
    fr: 'La candidature n’a pas été soumise : corrigez les champs signalés. Vos réponses sont enregistrées.',
    en: 'The application was not submitted: correct the fields shown. Your answers are saved.',
  },
  closed: {
    fr: 'L’appel à candidatures est clos depuis le {date} : la candidature ne peut plus être soumise ni modifiée. Vos réponses restent enregistrées.',
    en: 'The call for applications closed on {date}: the application can no longer be submitted or changed. Your answers remain saved.',
  },
  notEditable: {
    fr: 'Cette candidature ne peut plus être modifiée (état : {state}).',
    en: 'This application can no longer be changed (state: {state}).',
  },
  deadline: { fr: 'Date limite : {date}', en: 'Deadline: {date}' },
  // What each state means for the applicant and what comes next (the page's callout under the state badge).
  guideTitle_draft: { fr: 'Brouillon', en: 'Draft' },
  guide_draft: {
    fr: 'Seules les personnes de la candidature la voient. Complétez-la, puis soumettez-la avant la date limite : jusqu’à cette date, vous pourrez encore la modifier et soumettre une nouvelle version.',
    en: 'Only the people of the application see it. Complete it, then submit it before the deadline: until then you can still change it and submit a new version.',
  },
  guideTitle_submitted: {
    fr: 'Candidature soumise (version {version})',
    en: 'Application submitted (version {version})',
  },
  guide_submitted: {
    fr: 'Jusqu’à la date limite, vous pouvez la modifier et soumettre une nouvelle version : seule la dernière version soumise compte. Après la clôture, l’équipe du programme vérifiera qu’elle remplit les conditions de l’appel.',
    en: 'Until the deadline you can change it and submit a new version: only the last version submitted counts. After the call closes, the programme team will check that it meets the call’s conditions.',
  },
  guide_submittedClosed: {
    fr: 'L’appel est clos : elle ne peut plus être modifiée. L’équipe du programme va vérifier qu’elle remplit les conditions de l’appel ; vous serez prévenu par courriel.',
    en: 'The call is closed: it can no longer be changed. The programme team will check that it meets the call’s conditions; you will be told by email.',
  },
  guideTitle_in_instruction: { fr: 'En cours d’instruction', en: 'Being checked' },
  guide_in_instruction: {
    fr: 'L’équipe du programme vérifie que la candidature remplit les conditions de l’appel. Elle ne peut plus être modifiée. Si une précision est nécessaire, l’équipe vous écrit dans les messages ci-dessous.',
    en: 'The programme team is checking that the application meets the call’s conditions. It can no longer be changed. If something needs clarifying, the team writes to you in the messages below.',
  },
  guideTitle_eligible: { fr: 'Candidature recevable', en: 'Application eligible' },
  guide_eligible: {
    fr: 'Votre candidature remplit les conditions de l’appel et participe à la sélection. Elle ne peut plus être modifiée. La prochaine étape est l’évaluation par le jury ; la décision vous sera notifiée par courriel.',
    en: 'Your application meets the call’s conditions and takes part in the selection. It can no longer be changed. The next step is the jury’s review; the decision will be sent to you by email.',
  },
  guideTitle_ineligible: { fr: 'Candidature non recevable', en: 'Application not eligible' },
  guide_ineligible: {
    fr: 'Votre candidature ne remplit pas les conditions de l’appel : elle ne participe pas à la sélection et ne peut plus être modifiée. Si vous pensez qu’il s’agit d’une erreur, écrivez à l’équipe du programme dans les messages ci-dessous.',
    en: 'Your application does not meet the call’s conditions: it does not take part in the selection and can no longer be changed. If you think this is a mistake, write to the programme team in the messages below.',
  },
  guideTitle_in_review: { fr: 'En cours d’évaluation', en: 'Under review' },
  guide_in_review: {
    fr: 'Le jury examine votre projet. La candidature ne peut plus être modifiée. La décision vous sera notifiée par courriel.',
    en: 'The jury is reviewing your project. The application can no longer be changed. The decision will be sent to you by email.',
  },
  guideTitle_laureate: { fr: 'Votre projet est lauréat', en: 'Your project is a laureate' },
  guide_laureate: {
    fr: 'La sélection est terminée et votre projet a été retenu. La candidature ne peut plus être modifiée. La décision est dans votre espace ; l’équipe du programme vous contacte pour organiser l’accompagnement.',
    en: 'The selection is over and your project was selected. The application can no longer be changed. The decision is in your space; the programme team will contact you to arrange the support.',
  },
  guideTitle_not_selected: { fr: 'Votre projet n’a pas été retenu', en: 'Your project was not selected' },
  guide_not_selected: {
    fr: 'La sélection est terminée : la candidature ne peut plus être modifiée. La notification de la décision, ses motifs et, le cas échéant, les voies de recours sont dans votre espace. Vous pourrez candidater à nouveau lors d’une prochaine saison.',
    en: 'The selection is over: the application can no longer be changed. The notice of the decision, its reasons and, where relevant, the routes of appeal are in your space. You may apply again in a future season.',
  },
  guideTitle_withdrawn: { fr: 'Candidature retirée', en: 'Application withdrawn' },
  guide_withdrawn: {
    fr: 'Vous avez retiré cette candidature : elle ne participe plus à la sélection et ne peut plus être modifiée ni soumise. Pour présenter à nouveau un projet pendant que l’appel est ouvert, créez une nouvelle candidature.',
    en: 'You withdrew this application: it no longer takes part in the selection and can no longer be changed or submitted. To present a project again while the call is open, create a new application.',
  },
  guideVersion: {
    fr: 'Dernière version soumise : {version}.',
    en: 'Last version submitted: {version}.',
  },
  decisionLink: { fr: 'Voir la décision', en: 'See the decision' },
  withdraw: { fr: 'Retirer ma candidature', en: 'Withdraw my application' },
  withdrawConfirm: { fr: 'Retirer définitivement cette candidature ?', en: 'Withdraw this application for good?' },
  withdrawn: { fr: 'Candidature retirée.', en: 'Application withdrawn.' },
  members: { fr: 'Co-porteurs', en: 'Co-applicants' },
  membersHelp: {
    fr: 'Une personne invitée reçoit un lien par courriel ; une fois connectée avec cette adresse, elle modifie le même brouillon.',
    en: 'An invited person receives a link by email; once signed in with that address, they edit the same draft.',
  },
  inviteEmail: { fr: 'Adresse électronique du co-porteur', en: 'Co-applicant’s email address' },
  invite: { fr: 'Inviter', en: 'Invite' },
  invited: { fr: 'Invitation envoyée.', en: 'Invitation sent.' },
  alreadyMember: {
    fr: 'Cette personne fait déjà partie de la candidature.',
    en: 'This person is already part of the application.',
  },
  ownerOnlyWithdraw: {
    fr: 'Seule la personne qui a créé la candidature peut la retirer.',
    en: 'Only the person who created the application can withdraw it.',
  },
  tooManyApplications: {
    fr: 'Vous avez déjà {max} candidatures pour cette saison, le maximum pour un compte. Complétez l’une d’elles, ou écrivez à l’équipe du programme si votre structure porte davantage de projets.',
    en: 'You already have {max} applications in this season, the most one account may have. Complete one of them, or write to the programme team if your organisation carries more projects.',
  },
  tooManyCoApplicants: {
    fr: 'Une candidature compte au plus {max} co-porteurs : celle-ci les a déjà. Rien n’a été envoyé.',
    en: 'An application has at most {max} co-applicants: this one already has them. Nothing was sent.',
  },
  tooManyInvitations: {
    fr: 'Vous avez envoyé {max} invitations en 24 heures, le maximum pour un compte. Réessayez après {time} ; l’adresse saisie est conservée ci-dessous.',
    en: 'You have sent {max} invitations in 24 hours, the most one account may send. Try again after {time}; the address you typed is kept below.',
  },
  ownerOnly: {
    fr: 'Seule la personne qui a créé la candidature peut inviter.',
    en: 'Only the person who created the application can invite.',
  },
  role_owner: { fr: 'porteur principal', en: 'lead applicant' },
  'role_co-applicant': { fr: 'co-porteur', en: 'co-applicant' },
  invitationPending: { fr: 'invitation envoyée', en: 'invitation sent' },
  sessionExpired: {
    fr: 'Votre session a expiré. Votre texte est conservé : reconnectez-vous pour le retrouver.',
    en: 'Your session has expired. Your text is kept: sign in again to find it.',
  },
  restored: {
    fr: 'Le texte saisi avant l’expiration de votre session a été restauré et enregistré.',
    en: 'The text typed before your session expired has been restored and saved.',
  },
  staleKey: {
    fr: 'Ce formulaire a déjà servi pour une autre candidature. Rechargez la page.',
    en: 'This form was already used for another application. Reload the page.',
  },
  // Staff
  adminTitle: { fr: 'Candidatures', en: 'Applications' },
  search: { fr: 'Rechercher dans les candidatures', en: 'Search the applications' },
  filter: { fr: 'Filtrer', en: 'Filter' },
  all: { fr: 'Tous', en: 'All' },
  title: { fr: 'Titre', en: 'Title' },
  created: { fr: 'Créée le', en: 'Created on' },
  submittedAt: { fr: 'Soumise le', en: 'Submitted on' },
  nextPage: { fr: 'Candidatures suivantes', en: 'Next applications' },
  noResults: { fr: 'Aucune candidature ne correspond.', en: 'No application matches.' },
  changeState: { fr: 'Changer l’état', en: 'Change the state' },
  newState: { fr: 'Nouvel état', en: 'New state' },
  reason: { fr: 'Motif', en: 'Reason' },
  reasonHelp: {
    fr: 'Obligatoire pour une inéligibilité ou une réouverture ; visible dans l’historique.',
    en: 'Required for ineligibility or reopening; kept in the history.',
  },
  reasonRequired: { fr: 'Indiquez le motif de ce changement.', en: 'Give the reason for this change.' },
  transitionNotAllowed: {
    fr: 'Ce changement d’état n’est pas permis depuis l’état actuel.',
    en: 'This state change is not allowed from the current state.',
  },
  stateChanged: { fr: 'État modifié.', en: 'State changed.' },
  history: { fr: 'Historique', en: 'History' },
  answers: { fr: 'Réponses', en: 'Answers' },
  draftHeading: { fr: 'Brouillon de candidature', en: 'Draft application' },
  draftOwned: {
    fr: 'Ce brouillon n’a pas encore été déposé : il appartient au porteur jusqu’au dépôt. Ses réponses et ses pièces jointes seront visibles ici une fois la candidature déposée.',
    en: 'This draft has not been submitted yet: it belongs to the applicant until they submit it. Its answers and attached files will show here once the application is submitted.',
  },
  draftProgress: {
    fr: 'Questions obligatoires remplies : {answered} sur {n}',
    en: 'Required questions answered: {answered} of {n}',
  },
  draftSavedAt: { fr: 'Dernier enregistrement : {date}', en: 'Last saved: {date}' },
  draftNeverSaved: { fr: 'Jamais enregistré', en: 'Never saved' },
  owner: { fr: 'Porteur', en: 'Applicant' },
  version: { fr: 'Version', en: 'Version' },
  territory: { fr: 'Territoire', en: 'Territory' },
  organisation: { fr: 'Structure porteuse', en: 'Organisation' },
  exportCsv: { fr: 'Exporter en CSV', en: 'Export as CSV' },
  exportJson: { fr: 'Exporter en JSON', en: 'Export as JSON' },
});

export const stateLabels: Record<ApplicationState, { fr: string; en: string }> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  submitted: { fr: 'Soumise', en: 'Submitted' },
  in_instruction: { fr: 'En instruction', en: 'Under review' },
  eligible: { fr: 'Éligible', en: 'Eligible' },
  ineligible: { fr: 'Inéligible', en: 'Ineligible' },
  in_review: { fr: 'En évaluation par le jury', en: 'With the jury' },
  laureate: { fr: 'Lauréate', en: 'Laureate' },
  not_selected: { fr: 'Non retenue', en: 'Not selected' },
  withdrawn: { fr: 'Retirée', en: 'Withdrawn' },
};

/** Labels of what this module adds to the shared pages (menu, header, site map, dashboard): see index.ts. */
export const applicationsSiteMessages = defineMessages({
  myApplications: { fr: 'Mes candidatures', en: 'My applications' },
  applications: { fr: 'Candidatures', en: 'Applications' },
  applicationsText: {
    fr: 'Instruire les candidatures : filtres, recherche, changements d’état motivés, exports.',
    en: 'Instruct applications: filters, search, reasoned state changes, exports.',
  },
});

/** Counts in the locale's plural form (`tCount`): never "(s)". */
export const applicationCounts = {
  draftsInProgress: {
    one: { fr: '{n} brouillon en cours', en: '{n} draft in progress' },
    other: { fr: '{n} brouillons en cours', en: '{n} drafts in progress' },
  },
} satisfies Record<string, CountMessage>;

/** The dashboard tile's count, in the plural form its number takes (tCount). */
export const awaitingInstructionCount = {
  one: { fr: '{n} candidature à instruire', en: '{n} application to instruct' },
  other: { fr: '{n} candidatures à instruire', en: '{n} applications to instruct' },
} satisfies CountMessage;
