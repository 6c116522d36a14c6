import { defineMessages } from '../../core/i18n/i18n.js';

/** Texts of sign-in, sign-out and ProConnect. */
export const signInMessages = defineMessages({
  title: { fr: 'Se connecter', en: 'Sign in' },
  intro: {
    fr: 'Recevez un lien de connexion par courriel : pas de mot de passe à retenir.',
    en: 'Get a sign-in link by email: no password to remember.',
  },
  emailLabel: { fr: 'Adresse électronique', en: 'Email address' },
  emailHint: { fr: 'Format attendu : nom@domaine.fr', en: 'Expected format: name@domain.fr' },
  submit: { fr: 'Recevoir un lien de connexion', en: 'Get a sign-in link' },
  or: { fr: 'ou', en: 'or' },
  agents: { fr: 'Vous êtes agent public ?', en: 'Are you a public agent?' },
  proconnectLogin: { fr: 'S’identifier avec', en: 'Sign in with' },
  whatIsProconnect: { fr: 'Qu’est-ce que ProConnect ?', en: 'What is ProConnect?' },
  newWindow: { fr: 'nouvelle fenêtre', en: 'new window' },
  sentTitle: { fr: 'Vérifiez votre messagerie', en: 'Check your mailbox' },
  sentText: {
    fr: 'Si l’adresse est valide, un lien de connexion vous a été envoyé. Il est valable 15 minutes et ne sert qu’une fois.',
    en: 'If the address is valid, a sign-in link has been sent to you. It is valid for 15 minutes and works only once.',
  },
  localMailTitle: { fr: 'Démonstration locale', en: 'Local demo' },
  localMailText: {
    fr: 'Aucun serveur de courriel n’est configuré : le courriel est conservé dans la base de données et écrit dans le journal du serveur.',
    en: 'No mail server is configured: the mail is kept in the database and written to the server log.',
  },
  tooManyTitle: { fr: 'Trop de demandes', en: 'Too many requests' },
  tooManyText: {
    fr: 'Trop de liens ont été demandés récemment. Réessayez dans 15 minutes.',
    en: 'Too many links have been requested recently. Try again in 15 minutes.',
  },
  confirmTitle: { fr: 'Confirmer la connexion', en: 'Confirm sign-in' },
  confirmText: {
    fr: 'Cliquez sur le bouton pour vous connecter à votre espace.',
    en: 'Click the button to sign in to your space.',
  },
  confirmButton: { fr: 'Me connecter', en: 'Sign me in' },
  invalidLinkTitle: { fr: 'Lien de connexion invalide', en: 'Invalid sign-in link' },
  invalidLinkText: {
    fr: 'Ce lien de connexion est inconnu, a déjà servi ou a expiré (il est valable 15 minutes). Demandez un nouveau lien.',
    en: 'This sign-in link is unknown, has already been used or has expired (it is valid for 15 minutes). Ask for a new link.',
  },
  askNewLink: { fr: 'Demander un nouveau lien', en: 'Ask for a new link' },
  proconnectErrorTitle: { fr: 'Connexion avec ProConnect impossible', en: 'Sign-in with ProConnect failed' },
  proconnectStateText: {
    fr: 'La demande de connexion a expiré, a déjà servi ou ne correspond pas à ce navigateur. Recommencez depuis la page de connexion.',
    en: 'The sign-in request has expired, has already been used or does not match this browser. Start again from the sign-in page.',
  },
  proconnectProviderText: {
    fr: 'ProConnect a refusé la connexion ({detail}). Recommencez depuis la page de connexion.',
    en: 'ProConnect refused the sign-in ({detail}). Start again from the sign-in page.',
  },
  proconnectNetworkText: {
    fr: 'ProConnect ne répond pas ou sa réponse n’est pas valide. Réessayez dans un instant ou connectez-vous par courriel.',
    en: 'ProConnect does not answer or its answer is not valid. Try again in a moment or sign in by email.',
  },
  proconnectNoEmailText: {
    fr: 'ProConnect n’a pas transmis d’adresse électronique valide. Connectez-vous par courriel.',
    en: 'ProConnect did not send a valid email address. Sign in by email.',
  },
  proconnectDisabledText: {
    fr: 'La connexion avec ProConnect n’est pas activée sur cette plateforme.',
    en: 'Sign-in with ProConnect is not enabled on this platform.',
  },
  signedOutTitle: { fr: 'Vous êtes déconnecté', en: 'You are signed out' },
  signedOutText: {
    fr: 'Vous êtes déconnecté de la plateforme. Vous restez connecté à ProConnect tant que vous ne vous en déconnectez pas.',
    en: 'You are signed out of the platform. You stay signed in to ProConnect until you sign out of it.',
  },
  proconnectSignOut: { fr: 'Se déconnecter aussi de ProConnect', en: 'Also sign out of ProConnect' },
  backToSignIn: { fr: 'Retour à la page de connexion', en: 'Back to the sign-in page' },
  mailSubject: { fr: 'Votre lien de connexion', en: 'Your sign-in link' },
  mailIntro: {
    fr: 'Bonjour, voici votre lien pour vous connecter à l’Accélérateur d’initiatives citoyennes.',
    en: 'Hello, here is your link to sign in to the Citizen Initiatives Accelerator.',
  },
  mailValidity: {
    fr: 'Ce lien est valable 15 minutes et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message.',
    en: 'This link is valid for 15 minutes and works only once. If you did not ask for it, ignore this message.',
  },
  mailButton: { fr: 'Me connecter', en: 'Sign me in' },
});

/** Texts of "my space": identity, sessions, export and erasure. */
export const accountMessages = defineMessages({
  title: { fr: 'Mon espace', en: 'My space' },
  identity: { fr: 'Mon identité', en: 'My identity' },
  email: { fr: 'Adresse électronique', en: 'Email address' },
  givenName: { fr: 'Prénom', en: 'Given name' },
  familyName: { fr: 'Nom', en: 'Family name' },
  siret: { fr: 'SIRET (transmis par ProConnect)', en: 'SIRET (sent by ProConnect)' },
  language: { fr: 'Langue des courriels et de l’interface', en: 'Language of mails and interface' },
  french: { fr: 'Français', en: 'French' },
  english: { fr: 'Anglais', en: 'English' },
  memberSince: { fr: 'Compte créé le {date}', en: 'Account created on {date}' },
  save: { fr: 'Enregistrer', en: 'Save' },
  saved: { fr: 'Vos informations ont été enregistrées.', en: 'Your details have been saved.' },
  roles: { fr: 'Mes rôles', en: 'My roles' },
  noRole: { fr: 'Aucun rôle.', en: 'No role.' },
  allTracks: { fr: 'tous les parcours', en: 'all tracks' },
  track: { fr: 'parcours {track}', en: 'track {track}' },
  sessions: { fr: 'Mes sessions ouvertes', en: 'My open sessions' },
  sessionStarted: { fr: 'Ouverte le', en: 'Opened on' },
  sessionLastSeen: { fr: 'Dernière activité', en: 'Last activity' },
  sessionIp: { fr: 'Adresse IP', en: 'IP address' },
  sessionAgent: { fr: 'Navigateur', en: 'Browser' },
  thisSession: { fr: 'cette session', en: 'this session' },
  myData: { fr: 'Mes données', en: 'My data' },
  exportText: {
    fr: 'Téléchargez tout ce que la plateforme sait de vous, au format JSON.',
    en: 'Download everything the platform knows about you, as JSON.',
  },
  exportLink: { fr: 'Télécharger mes données', en: 'Download my data' },
  eraseTitle: { fr: 'Supprimer mon compte', en: 'Delete my account' },
  eraseText: {
    fr: 'La suppression efface votre compte, vos rôles et vos sessions. Elle est définitive. Le journal d’audit ne garde que la mention « compte supprimé ».',
    en: 'Deletion erases your account, your roles and your sessions. It cannot be undone. The audit log keeps only the mention “deleted account”.',
  },
  eraseConfirm: { fr: 'Pour confirmer, saisissez SUPPRIMER', en: 'To confirm, type SUPPRIMER' },
  eraseConfirmWrong: { fr: 'Saisissez exactement le mot SUPPRIMER pour confirmer.', en: 'Type exactly the word SUPPRIMER to confirm.' },
  eraseButton: { fr: 'Supprimer définitivement mon compte', en: 'Delete my account for good' },
  erasedTitle: { fr: 'Compte supprimé', en: 'Account deleted' },
  erasedText: { fr: 'Votre compte et vos données personnelles ont été supprimés.', en: 'Your account and your personal data have been deleted.' },
  lastAdmin: {
    fr: 'Vous êtes le dernier administrateur : confiez ce rôle à une autre personne avant de supprimer votre compte.',
    en: 'You are the last administrator: give this role to someone else before deleting your account.',
  },
  deletedAccount: { fr: 'compte supprimé', en: 'deleted account' },
  eraseBlocked: {
    fr: 'Votre compte est encore lié à des dossiers de la plateforme et ne peut pas être supprimé ainsi. Écrivez à l’équipe du programme.',
    en: 'Your account is still linked to records of the platform and cannot be deleted this way. Write to the programme team.',
  },
});

export const roleLabels = defineMessages({
  applicant: { fr: 'Porteur de projet', en: 'Applicant' },
  reviewer: { fr: 'Expert du jury', en: 'Jury expert' },
  panelist: { fr: 'Membre du panel citoyen', en: 'Citizen panel member' },
  staff: { fr: 'Équipe du programme', en: 'Programme staff' },
  partner: { fr: 'Partenaire', en: 'Partner' },
  admin: { fr: 'Administrateur', en: 'Administrator' },
});
