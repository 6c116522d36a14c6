import { type CountMessage, defineMessages } from '../../../core/i18n/i18n.js';

/** The administrations' pages: public list and page, creation, members, services, invitations, staff. */
export const administrationMessages = defineMessages({
  // The public list
  listTitle: { fr: 'Administrations', en: 'Administrations' },
  listIntro: {
    fr: 'Les administrations de l’espace de coopération : les communs numériques qu’elles utilisent, ce dont elles ont besoin et les expérimentations qu’elles mènent.',
    en: 'The administrations of the cooperation space: the digital commons they use, what they need and the experiments they run.',
  },
  filters: { fr: 'Filtrer les administrations', en: 'Filter the administrations' },
  search: { fr: 'Rechercher', en: 'Search' },
  searchHint: { fr: 'Nom ou présentation, avec ou sans accents', en: 'Name or presentation, with or without accents' },
  territory: { fr: 'Territoire', en: 'Territory' },
  allTerritories: { fr: 'Tous les territoires', en: 'All territories' },
  filter: { fr: 'Filtrer', en: 'Filter' },
  resetFilters: { fr: 'Effacer les filtres', en: 'Clear the filters' },
  noResult: {
    fr: 'Aucune administration ne correspond à cette recherche.',
    en: 'No administration matches this search.',
  },
  createPrompt: {
    fr: 'Votre administration n’y figure pas encore ?',
    en: 'Your administration is not listed yet?',
  },
  createLink: { fr: 'Créer la page de votre administration', en: 'Create your administration’s page' },

  // Badges and register
  closed: { fr: 'Établissement fermé', en: 'Closed establishment' },
  closedText: {
    fr: 'Le répertoire des entreprises indique que cet établissement est fermé.',
    en: 'The company register says this establishment is closed.',
  },
  verified: { fr: 'Vérifiée au répertoire des entreprises', en: 'Verified in the company register' },
  verifiedOn: {
    fr: 'Vérifiée au répertoire des entreprises le {date}',
    en: 'Verified in the company register on {date}',
  },
  notVerified: { fr: 'Non vérifiée', en: 'Not verified' },
  notFoundInRegister: { fr: 'Inconnue du répertoire', en: 'Unknown to the register' },
  hiddenBadge: { fr: 'Masquée', en: 'Hidden' },
  mergedBadge: { fr: 'Fusionnée', en: 'Merged' },
  membersOnlyBadge: { fr: 'Membres', en: 'Members' },

  // The public page
  siret: { fr: 'SIRET', en: 'SIRET' },
  legalCategory: { fr: 'Catégorie juridique', en: 'Legal category' },
  website: { fr: 'Site web', en: 'Website' },
  register: { fr: 'Répertoire des entreprises', en: 'Company register' },
  facts: { fr: 'Fiche de l’administration', en: 'About the administration' },
  presentation: { fr: 'Présentation', en: 'Presentation' },
  noDescription: {
    fr: 'Cette administration n’a pas encore rédigé sa présentation.',
    en: 'This administration has not written its presentation yet.',
  },
  uses: { fr: 'Ce qu’elle utilise', en: 'What it uses' },
  usesEmpty: { fr: 'Aucun cas d’usage publié pour l’instant.', en: 'No use case published yet.' },
  needs: { fr: 'Ce dont elle a besoin', en: 'What it needs' },
  needsEmpty: { fr: 'Aucun besoin ouvert pour l’instant.', en: 'No open need at the moment.' },
  experiments: { fr: 'Ses expérimentations', en: 'Its experiments' },
  experimentsEmpty: { fr: 'Aucune expérimentation pour l’instant.', en: 'No experiment yet.' },
  colCommons: { fr: 'Commun numérique', en: 'Digital commons' },
  colUseCase: { fr: 'Cas d’usage', en: 'Use case' },
  colStatus: { fr: 'Statut', en: 'Status' },
  colNeed: { fr: 'Besoin', en: 'Need' },
  colCategory: { fr: 'Nature', en: 'Kind' },
  colDeadline: { fr: 'Échéance', en: 'Deadline' },
  colExperiment: { fr: 'Expérimentation', en: 'Experiment' },
  noDeadline: { fr: 'Aucune', en: 'None' },
  membersOnlyHint: { fr: 'Visible des membres de l’espace seulement', en: 'Visible to members of the space only' },
  manage: { fr: 'Gérer l’administration', en: 'Manage the administration' },
  membersLink: { fr: 'Membres et invitations', en: 'Members and invitations' },
  servicesLink: { fr: 'Services', en: 'Services' },
  editLink: { fr: 'Modifier la présentation', en: 'Edit the presentation' },
  newUseCase: { fr: 'Déclarer un cas d’usage', en: 'Declare a use case' },
  newNeed: { fr: 'Publier un besoin', en: 'Post a need' },
  moderateLink: { fr: 'Modérer (équipe)', en: 'Moderate (staff)' },
  hiddenNotice: { fr: 'Cette administration est masquée', en: 'This administration is hidden' },
  hiddenNoticeText: {
    fr: 'Elle n’apparaît pas au public. Motif : {reason}',
    en: 'The public does not see it. Reason: {reason}',
  },
  memberNotice: { fr: 'Vous êtes membre de cette administration.', en: 'You are a member of this administration.' },

  // Use case, need and experiment labels (the use-cases and experiments parts own the objects)
  statusExploration: { fr: 'Exploration', en: 'Exploration' },
  statusExperimentation: { fr: 'Expérimentation', en: 'Experimentation' },
  statusProduction: { fr: 'En production', en: 'In production' },
  statusAbandoned: { fr: 'Abandonné', en: 'Abandoned' },
  experimentPlanned: { fr: 'Prévue', en: 'Planned' },
  experimentRunning: { fr: 'En cours', en: 'Running' },
  experimentFinished: { fr: 'Terminée', en: 'Finished' },
  experimentStopped: { fr: 'Arrêtée', en: 'Stopped' },
  categoryProblem: { fr: 'Problème à résoudre', en: 'Problem to solve' },
  categoryFunding: { fr: 'Financement', en: 'Funding' },
  categoryDataAccess: { fr: 'Accès à des données', en: 'Data access' },
  categoryTesters: { fr: 'Testeurs', en: 'Testers' },
  categoryContributors: { fr: 'Contributeurs', en: 'Contributors' },
  categoryHosting: { fr: 'Hébergement', en: 'Hosting' },
  categoryExpertise: { fr: 'Expertise', en: 'Expertise' },
  categoryOther: { fr: 'Autre', en: 'Other' },

  // Creation
  createTitle: { fr: 'Créer une administration', en: 'Create an administration' },
  createIntroAgent: {
    fr: 'Votre compte ProConnect indique l’établissement dont le SIRET est {siret}. Aucune administration de l’espace n’a encore ce SIRET : créez sa page, vous en serez le premier membre. Le nom, la catégorie juridique et l’état de l’établissement sont lus au répertoire des entreprises.',
    en: 'Your ProConnect account gives the establishment whose SIRET is {siret}. No administration of the space has this SIRET yet: create its page, you will be its first member. The name, legal category and state of the establishment are read from the company register.',
  },
  createIntroStaff: {
    fr: 'Indiquez le SIRET de l’administration : il est vérifié au répertoire des entreprises, qui en donne le nom. Vous n’en devenez pas membre ; invitez ensuite ses agents.',
    en: 'Give the administration’s SIRET: it is checked in the company register, which gives its name. You do not become a member; invite its agents afterwards.',
  },
  createNeedsProconnect: {
    fr: 'Pour créer la page d’une administration, connectez-vous avec ProConnect, le service d’identification des agents publics : le SIRET de votre établissement sera lu sur votre compte. Vous pouvez aussi demander à un membre de votre administration de vous inviter.',
    en: 'To create an administration’s page, sign in with ProConnect, the sign-in service of public agents: your establishment’s SIRET is read from your account. You may also ask a member of your administration to invite you.',
  },
  proconnectLogin: { fr: 'S’identifier avec', en: 'Sign in with' },
  createExists: {
    fr: 'Une administration de l’espace a déjà ce SIRET.',
    en: 'An administration of the space already has this SIRET.',
  },
  seeExisting: { fr: 'Voir sa page', en: 'See its page' },
  fieldSiret: { fr: 'SIRET de l’administration', en: 'The administration’s SIRET' },
  fieldSiretHint: { fr: '14 chiffres, par exemple 130 025 265 00013', en: '14 digits, e.g. 130 025 265 00013' },
  fieldName: { fr: 'Nom', en: 'Name' },
  fieldNameHint: {
    fr: 'Utilisé seulement si le répertoire des entreprises ne répond pas : sinon, le nom est celui du répertoire.',
    en: 'Used only if the company register does not answer: otherwise the name is the register’s.',
  },
  fieldTerritory: { fr: 'Territoire', en: 'Territory' },
  fieldTerritoryHint: {
    fr: 'Le territoire où elle agit : la France entière, une région ou un département.',
    en: 'Where it acts: all of France, a region or a département.',
  },
  fieldWebsite: { fr: 'Site web', en: 'Website' },
  fieldWebsiteHint: { fr: 'Adresse commençant par https://', en: 'Address starting with https://' },
  fieldDescription: { fr: 'Présentation', en: 'Presentation' },
  fieldDescriptionHint: {
    fr: 'Ses missions, ses publics, ce qu’elle attend de l’espace de coopération (5 000 caractères au plus).',
    en: 'Its missions, who it serves, what it expects from the cooperation space (at most 5,000 characters).',
  },
  create: { fr: 'Créer l’administration', en: 'Create the administration' },
  created: { fr: 'L’administration a été créée.', en: 'The administration was created.' },
  siretInvalid: {
    fr: 'Saisissez un SIRET valide : 14 chiffres dont le dernier est une clé de contrôle.',
    en: 'Enter a valid SIRET: 14 digits, the last one being a check digit.',
  },
  siretNotFound: {
    fr: 'Le répertoire des entreprises ne connaît pas ce SIRET. Vérifiez-le.',
    en: 'The company register does not know this SIRET. Check it.',
  },
  siretIsService: {
    fr: 'Ce SIRET est celui d’un service d’une administration de l’espace.',
    en: 'This SIRET is that of a service of an administration of the space.',
  },
  nameNeeded: {
    fr: 'Le répertoire des entreprises n’a pas répondu : saisissez le nom de l’administration.',
    en: 'The company register did not answer: enter the administration’s name.',
  },
  territoryInvalid: { fr: 'Choisissez un territoire de la liste.', en: 'Choose a territory from the list.' },
  websiteInvalid: {
    fr: 'Saisissez une adresse web commençant par https:// ou http://.',
    en: 'Enter a web address starting with https:// or http://.',
  },

  // Edition
  editTitle: { fr: 'Modifier la présentation de {name}', en: 'Edit the presentation of {name}' },
  editIntro: {
    fr: 'Le nom, le SIRET et la catégorie juridique viennent du répertoire des entreprises.',
    en: 'The name, SIRET and legal category come from the company register.',
  },
  save: { fr: 'Enregistrer', en: 'Save' },
  saved: { fr: 'La présentation a été enregistrée.', en: 'The presentation was saved.' },
  stale: {
    fr: 'Quelqu’un a modifié cette présentation pendant que vous l’éditiez. Voici la version enregistrée ; vos modifications sont conservées dans le formulaire : vérifiez-les puis enregistrez à nouveau.',
    en: 'Someone changed this presentation while you were editing it. Your changes are kept in the form over the saved version: check them and save again.',
  },

  // Members
  membersTitle: { fr: 'Membres de {name}', en: 'Members of {name}' },
  membersIntro: {
    fr: 'Les membres publient les cas d’usage et les besoins de l’administration et invitent leurs collègues. Leurs noms ne sont visibles que des membres et de l’équipe du programme.',
    en: 'Members post the administration’s use cases and needs and invite their colleagues. Their names are visible to members and the programme’s staff only.',
  },
  colName: { fr: 'Nom', en: 'Name' },
  colService: { fr: 'Service', en: 'Service' },
  colJoined: { fr: 'Arrivée', en: 'Joined' },
  colActions: { fr: 'Actions', en: 'Actions' },
  noService: { fr: '—', en: '—' },
  erasedPerson: { fr: 'Personne effacée', en: 'Erased person' },
  viaProconnect: { fr: 'par ProConnect, le {date}', en: 'through ProConnect, on {date}' },
  viaInvitation: { fr: 'sur invitation, le {date}', en: 'by invitation, on {date}' },
  viaStaff: { fr: 'ajouté par l’équipe, le {date}', en: 'added by staff, on {date}' },
  noMembers: { fr: 'Aucun membre pour l’instant.', en: 'No member yet.' },
  you: { fr: '(vous)', en: '(you)' },
  inviteTitle: { fr: 'Inviter un ou une collègue', en: 'Invite a colleague' },
  inviteIntro: {
    fr: 'Un courriel lui est envoyé avec un lien valable 14 jours ; elle ou il se connecte avec cette adresse pour accepter.',
    en: 'A mail is sent with a link valid for 14 days; they sign in with this address to accept.',
  },
  fieldEmail: { fr: 'Adresse électronique professionnelle', en: 'Work email address' },
  invite: { fr: 'Envoyer l’invitation', en: 'Send the invitation' },
  invited: { fr: 'L’invitation a été envoyée.', en: 'The invitation was sent.' },
  alreadyMember: { fr: 'Cette personne est déjà membre.', en: 'This person is already a member.' },
  alreadyInvited: {
    fr: 'Une invitation à cette adresse est déjà en attente.',
    en: 'An invitation to this address is already pending.',
  },
  tooManyInvitations: {
    fr: 'Vous avez envoyé beaucoup d’invitations aujourd’hui. Réessayez demain ou écrivez à l’équipe du programme.',
    en: 'You sent many invitations today. Try again tomorrow or write to the programme’s staff.',
  },
  pendingTitle: { fr: 'Invitations en attente', en: 'Pending invitations' },
  colAddress: { fr: 'Adresse', en: 'Address' },
  colSent: { fr: 'Envoyée le', en: 'Sent on' },
  colExpires: { fr: 'Expire le', en: 'Expires on' },
  withdraw: { fr: 'Retirer l’invitation', en: 'Withdraw the invitation' },
  withdrawFor: { fr: 'Retirer l’invitation de {email}', en: 'Withdraw the invitation of {email}' },
  withdrawn: { fr: 'L’invitation a été retirée.', en: 'The invitation was withdrawn.' },
  leaveTitle: { fr: 'Quitter l’administration', en: 'Leave the administration' },
  leaveText: {
    fr: 'Vous ne pourrez plus publier en son nom et ne serez plus référent de ses cas d’usage. Ce qui a été publié reste. Pour revenir, il faudra l’invitation d’un membre.',
    en: 'You will no longer post in its name nor be a referent of its use cases. What was posted stays. To come back, you will need a member’s invitation.',
  },
  leave: { fr: 'Quitter cette administration', en: 'Leave this administration' },
  left: { fr: 'Vous avez quitté l’administration.', en: 'You left the administration.' },
  lastMemberWarning: {
    fr: 'Vous êtes son seul membre : après votre départ, personne ne pourra plus la modifier sans l’équipe du programme.',
    en: 'You are its only member: after you leave, nobody can change it without the programme’s staff.',
  },

  // Services
  servicesTitle: { fr: 'Services de {name}', en: 'Services of {name}' },
  servicesIntro: {
    fr: 'Les directions, bureaux ou antennes de l’administration. Un service peut avoir son propre SIRET : les agents qui se connectent avec ProConnect depuis cet établissement rejoignent alors l’administration dans ce service.',
    en: 'The administration’s directorates, offices or local units. A service may have its own SIRET: agents signing in with ProConnect from that establishment then join the administration in this service.',
  },
  noServices: { fr: 'Aucun service déclaré.', en: 'No service declared.' },
  colSiret: { fr: 'SIRET', en: 'SIRET' },
  colMembers: { fr: 'Membres', en: 'Members' },
  addService: { fr: 'Ajouter un service', en: 'Add a service' },
  editService: { fr: 'Modifier le service {name}', en: 'Edit the service {name}' },
  editServiceLink: { fr: 'Modifier', en: 'Edit' },
  editServiceFor: { fr: 'Modifier le service {name}', en: 'Edit the service {name}' },
  removeService: { fr: 'Supprimer', en: 'Remove' },
  removeServiceFor: { fr: 'Supprimer le service {name}', en: 'Remove the service {name}' },
  fieldServiceName: { fr: 'Nom du service', en: 'Name of the service' },
  fieldServiceSiret: { fr: 'SIRET du service (facultatif)', en: 'SIRET of the service (optional)' },
  fieldServiceSiretHint: {
    fr: 'Celui de son établissement, s’il en a un propre ; vérifié au répertoire des entreprises.',
    en: 'Its establishment’s, if it has its own; checked in the company register.',
  },
  serviceSaved: { fr: 'Le service a été enregistré.', en: 'The service was saved.' },
  serviceRemoved: {
    fr: 'Le service a été supprimé ; ses membres restent membres de l’administration.',
    en: 'The service was removed; its members stay members of the administration.',
  },
  serviceSiretTaken: {
    fr: 'Ce SIRET est déjà celui d’une administration ou d’un service de l’espace.',
    en: 'This SIRET already belongs to an administration or a service of the space.',
  },
  serviceNameTaken: {
    fr: 'L’administration a déjà un service de ce nom.',
    en: 'The administration already has a service with this name.',
  },
  notFoundAnyMore: {
    fr: 'Cet élément n’existe plus ; la page a été rechargée.',
    en: 'This item no longer exists; the page was reloaded.',
  },

  // Invitations
  invitationTitle: { fr: 'Invitation à rejoindre {name}', en: 'Invitation to join {name}' },
  invitationText: {
    fr: 'Vous êtes invité ou invitée à rejoindre « {name} » dans l’espace de coopération. Les membres publient ses cas d’usage et ses besoins et échangent avec les porteurs de communs numériques.',
    en: 'You are invited to join “{name}” in the cooperation space. Members post its use cases and needs and talk with the people behind digital commons.',
  },
  invitationBy: { fr: 'Invitation envoyée par {name}.', en: 'Invitation sent by {name}.' },
  invitationExpiresOn: { fr: 'Elle expire le {date}.', en: 'It expires on {date}.' },
  accept: { fr: 'Accepter l’invitation', en: 'Accept the invitation' },
  welcome: {
    fr: 'Bienvenue ! Vous êtes membre de l’administration.',
    en: 'Welcome! You are a member of the administration.',
  },
  invitationExpired: { fr: 'Cette invitation a expiré', en: 'This invitation has expired' },
  invitationExpiredText: {
    fr: 'Les invitations sont valables 14 jours. Demandez à un membre de l’administration de vous inviter à nouveau.',
    en: 'Invitations are valid for 14 days. Ask a member of the administration to invite you again.',
  },
  invitationUsed: { fr: 'Cette invitation a déjà servi', en: 'This invitation has already been used' },
  invitationUsedText: {
    fr: 'Un lien d’invitation ne sert qu’une fois. Demandez une nouvelle invitation à un membre de l’administration.',
    en: 'An invitation link works once. Ask a member of the administration for a new invitation.',
  },
  invitationAccepted: { fr: 'Vous avez accepté cette invitation', en: 'You accepted this invitation' },
  invitationWrongAccount: {
    fr: 'Cette invitation a été envoyée à une autre adresse',
    en: 'This invitation was sent to another address',
  },
  invitationWrongAccountText: {
    fr: 'Elle a été envoyée à {masked}, et vous êtes connecté ou connectée avec {email}. Déconnectez-vous, puis connectez-vous avec l’adresse qui a reçu l’invitation.',
    en: 'It was sent to {masked}, and you are signed in as {email}. Sign out, then sign in with the address that received the invitation.',
  },
  invitationUnavailable: {
    fr: 'Cette administration n’est pas disponible',
    en: 'This administration is not available',
  },
  invitationUnavailableText: {
    fr: 'L’équipe du programme l’a masquée. Écrivez-lui si vous pensez que c’est une erreur.',
    en: 'The programme’s staff hid it. Write to them if you think this is a mistake.',
  },
  goToAdministration: { fr: 'Aller à la page de l’administration', en: 'Go to the administration’s page' },

  // Staff
  staffArea: { fr: 'Administration', en: 'Administration' },
  cooperation: { fr: 'Espace de coopération', en: 'Cooperation space' },
  staffTitle: { fr: 'Administrations de l’espace de coopération', en: 'Administrations of the cooperation space' },
  staffTileText: {
    fr: 'Créer, masquer, fusionner les administrations ; ajouter des membres ; importer un fichier.',
    en: 'Create, hide and merge administrations; add members; import a file.',
  },
  staffSearchHint: { fr: 'Nom ou SIRET', en: 'Name or SIRET' },
  staffCreate: { fr: 'Créer une administration', en: 'Create an administration' },
  staffImport: { fr: 'Importer un fichier CSV', en: 'Import a CSV file' },
  colAdministration: { fr: 'Administration', en: 'Administration' },
  colTerritory: { fr: 'Territoire', en: 'Territory' },
  colState: { fr: 'État', en: 'State' },
  stateVisible: { fr: 'Visible', en: 'Visible' },
  staffDetailTitle: { fr: '{name} (modération)', en: '{name} (moderation)' },
  publicPage: { fr: 'Voir la page publique', en: 'See the public page' },
  mergedInto: { fr: 'Fusionnée dans {name}.', en: 'Merged into {name}.' },
  registerAnswer: { fr: 'Réponse du répertoire', en: 'Register’s answer' },
  registerNotChecked: {
    fr: 'Le répertoire n’a pas été interrogé (non configuré).',
    en: 'The register was not asked (not configured).',
  },
  registerUnavailable: {
    fr: 'Le répertoire n’a pas répondu lors de la dernière vérification.',
    en: 'The register did not answer at the last check.',
  },
  recheck: { fr: 'Vérifier à nouveau au répertoire', en: 'Check the register again' },
  rechecked: { fr: 'Le répertoire a été interrogé : {outcome}.', en: 'The register was asked: {outcome}.' },
  hideTitle: { fr: 'Masquer l’administration', en: 'Hide the administration' },
  fieldReason: { fr: 'Motif (visible des membres)', en: 'Reason (shown to members)' },
  hide: { fr: 'Masquer', en: 'Hide' },
  unhide: { fr: 'Rendre visible', en: 'Make visible' },
  hiddenDone: { fr: 'L’administration est masquée.', en: 'The administration is hidden.' },
  shownDone: { fr: 'L’administration est de nouveau visible.', en: 'The administration is visible again.' },
  mergeTitle: {
    fr: 'Fusionner ce doublon dans une autre administration',
    en: 'Merge this duplicate into another administration',
  },
  mergeText: {
    fr: 'Ses membres, services, invitations, cas d’usage, besoins et expérimentations passent à l’administration choisie ; sa page y redirige. Irréversible.',
    en: 'Its members, services, invitations, use cases, needs and experiments move to the chosen administration; its page redirects there. Cannot be undone.',
  },
  fieldTarget: { fr: 'Administration qui reste', en: 'Administration that stays' },
  fieldConfirmMerge: { fr: 'Je confirme la fusion', en: 'I confirm the merge' },
  confirmNeeded: { fr: 'Cochez la case pour confirmer.', en: 'Tick the box to confirm.' },
  merge: { fr: 'Fusionner', en: 'Merge' },
  merged: { fr: 'Les administrations ont été fusionnées.', en: 'The administrations were merged.' },
  mergeSame: { fr: 'Choisissez une autre administration.', en: 'Choose another administration.' },
  mergeImpossible: {
    fr: 'Fusion impossible : l’une des deux administrations a déjà été fusionnée.',
    en: 'Cannot merge: one of the two administrations was already merged.',
  },
  addMemberTitle: { fr: 'Ajouter un membre', en: 'Add a member' },
  addMemberText: {
    fr: 'La personne doit déjà avoir un compte sur la plateforme ; sinon, invitez-la depuis la page des membres.',
    en: 'The person must already have an account on the platform; otherwise invite them from the members page.',
  },
  addMember: { fr: 'Ajouter', en: 'Add' },
  memberAdded: { fr: 'Le membre a été ajouté.', en: 'The member was added.' },
  noAccount: {
    fr: 'Aucun compte n’a cette adresse. Invitez plutôt la personne.',
    en: 'No account has this address. Invite the person instead.',
  },
  removeMember: { fr: 'Retirer', en: 'Remove' },
  removeMemberFor: { fr: 'Retirer {name} de l’administration', en: 'Remove {name} from the administration' },
  memberRemoved: { fr: 'Le membre a été retiré.', en: 'The member was removed.' },
  notAMember: { fr: 'Cette personne n’est plus membre.', en: 'This person is no longer a member.' },

  // Import
  importTitle: { fr: 'Importer des administrations', en: 'Import administrations' },
  importIntro: {
    fr: 'Un fichier CSV (UTF-8, séparateur point-virgule, tel qu’un tableur l’enregistre) avec une administration par ligne. Les administrations sont créées ou mises à jour d’après leur SIRET ; chaque contact reçoit une invitation (une seule tant qu’elle est en attente). Le même fichier peut être importé deux fois sans doublon.',
    en: 'A CSV file (UTF-8, semicolon-separated, as a spreadsheet saves it) with one administration per line. Administrations are created or updated by their SIRET; each contact receives an invitation (only one while it is pending). The same file can be imported twice without duplicates.',
  },
  importColumns: { fr: 'Colonnes du fichier', en: 'Columns of the file' },
  colColumn: { fr: 'Colonne', en: 'Column' },
  colMeaning: { fr: 'Contenu', en: 'Content' },
  colRequired: { fr: 'Obligatoire', en: 'Required' },
  yes: { fr: 'oui', en: 'yes' },
  no: { fr: 'non', en: 'no' },
  colHelpName: {
    fr: 'Nom de l’administration (utilisé si le répertoire des entreprises ne répond pas)',
    en: 'Name of the administration (used if the company register does not answer)',
  },
  colHelpSiret: { fr: 'SIRET (14 chiffres)', en: 'SIRET (14 digits)' },
  colHelpTerritory: {
    fr: 'FR, un code de région (R11), de département (D75 ou 75) ou un nom (Bretagne) ; France entière si vide',
    en: 'FR, a region code (R11), a département code (D75 or 75) or a name (Bretagne); all of France if empty',
  },
  colHelpEmail: {
    fr: 'Adresses des contacts à inviter, séparées par des virgules',
    en: 'Addresses of the contacts to invite, separated by commas',
  },
  importFile: { fr: 'Fichier CSV', en: 'CSV file' },
  importFileHint: { fr: '1 Mo et 500 lignes au plus.', en: 'At most 1 MB and 500 lines.' },
  importButton: { fr: 'Importer', en: 'Import' },
  importReport: { fr: 'Compte rendu de l’import', en: 'Import report' },
  // Labels followed by their count: no agreement with the number to get wrong.
  importSummary: {
    fr: 'Lignes lues : {lines} · créées : {created} · mises à jour : {updated} · inchangées : {unchanged} · en erreur : {errors} · invitations envoyées : {invited}',
    en: 'Lines read: {lines} · created: {created} · updated: {updated} · unchanged: {unchanged} · with errors: {errors} · invitations sent: {invited}',
  },
  colLine: { fr: 'Ligne', en: 'Line' },
  colResult: { fr: 'Résultat', en: 'Result' },
  colInvitations: { fr: 'Invitations', en: 'Invitations' },
  resultCreated: { fr: 'Créée', en: 'Created' },
  resultUpdated: { fr: 'Mise à jour', en: 'Updated' },
  resultUnchanged: { fr: 'Inchangée', en: 'Unchanged' },
  resultError: { fr: 'Erreur', en: 'Error' },
  invitationsLine: {
    fr: 'Envoyées : {sent} · déjà en attente : {pending} · déjà membres : {members}',
    en: 'Sent: {sent} · already pending: {pending} · already members: {members}',
  },
  importAgain: { fr: 'Importer un autre fichier', en: 'Import another file' },
  fileRequired: { fr: 'Choisissez un fichier CSV.', en: 'Choose a CSV file.' },
  fileTooLarge: { fr: 'Le fichier dépasse 1 Mo.', en: 'The file exceeds 1 MB.' },
  fileNotUtf8: {
    fr: 'Le fichier n’est pas en UTF-8. Enregistrez-le au format « CSV UTF-8 ».',
    en: 'The file is not UTF-8. Save it as “CSV UTF-8”.',
  },
  fileEmpty: {
    fr: 'Le fichier ne contient aucune ligne d’administration.',
    en: 'The file holds no administration line.',
  },
  fileTooManyLines: { fr: 'Le fichier dépasse {max} lignes.', en: 'The file exceeds {max} lines.' },
  headerMissing: {
    fr: 'La première ligne doit nommer les colonnes ; il manque : {columns}.',
    en: 'The first line must name the columns; missing: {columns}.',
  },
  badQuotes: { fr: 'Un guillemet n’est pas refermé.', en: 'A quotation mark is not closed.' },
  duplicateInFile: { fr: 'Ce SIRET figure déjà ligne {line}.', en: 'This SIRET is already on line {line}.' },
  badEmail: { fr: 'Adresse invalide : {email}', en: 'Invalid address: {email}' },
  tooManyContacts: { fr: 'Au plus {max} contacts par ligne.', en: 'At most {max} contacts per line.' },
  unknownTerritory: { fr: 'Territoire inconnu : {value}', en: 'Unknown territory: {value}' },
  mergedSiret: {
    fr: 'Cette administration a été fusionnée dans « {name} » : les contacts y sont invités.',
    en: 'This administration was merged into “{name}”: the contacts are invited there.',
  },
  unexpected: {
    fr: 'Cette ligne n’a pas pu être importée (erreur inattendue) ; les autres l’ont été.',
    en: 'This line could not be imported (unexpected error); the others were.',
  },

  // Site
  siteMapAdministrations: {
    fr: 'Administrations de l’espace de coopération',
    en: 'Administrations of the cooperation space',
  },
});

/** Counts in the locale's plural form (`tCount`): never "(s)". */
export const administrationCounts = {
  resultCount: {
    one: { fr: '{n} administration', en: '{n} administration' },
    other: { fr: '{n} administrations', en: '{n} administrations' },
  },
  useCaseCount: {
    one: { fr: '{n} cas d’usage', en: '{n} use case' },
    other: { fr: '{n} cas d’usage', en: '{n} use cases' },
  },
  needCount: {
    one: { fr: '{n} besoin ouvert', en: '{n} open need' },
    other: { fr: '{n} besoins ouverts', en: '{n} open needs' },
  },
} satisfies Record<string, CountMessage>;
