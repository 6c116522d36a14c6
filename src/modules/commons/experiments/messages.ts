import { type CountMessage, defineMessages } from '../../../core/i18n/i18n.js';

/** The experiments' texts: the list, the page, its forms, milestones, documents, people, and the staff list. */
export const experimentMessages = defineMessages({
  listTitle: { fr: 'Expérimentations', en: 'Experiments' },
  listIntro: {
    fr: 'Une expérimentation est un engagement convenu entre une ou plusieurs administrations et un commun numérique : un objectif, un territoire, des dates, des personnes, et des jalons suivis jusqu’au bilan.',
    en: 'An experiment is an agreed commitment between one or more administrations and a digital commons: a goal, a territory, dates, people, and milestones followed until the outcome.',
  },
  listEmpty: { fr: 'Aucune expérimentation pour ces critères.', en: 'No experiment matches these criteria.' },
  filterStatus: { fr: 'Statut', en: 'Status' },
  filterAll: { fr: 'Tous les statuts', en: 'All statuses' },
  filterApply: { fr: 'Filtrer', en: 'Filter' },
  filtersTitle: { fr: 'Filtrer les expérimentations', en: 'Filter the experiments' },
  propose: { fr: 'Proposer une expérimentation', en: 'Propose an experiment' },
  withCommons: { fr: 'Commun : {name}', en: 'Commons: {name}' },
  withAdministrations: { fr: 'Administrations : {names}', en: 'Administrations: {names}' },
  period: { fr: 'Du {start} au {end}', en: 'From {start} to {end}' },
  periodFrom: { fr: 'À partir du {start}', en: 'From {start}' },
  periodUntil: { fr: 'Jusqu’au {end}', en: 'Until {end}' },
  periodUnknown: { fr: 'Dates à préciser', en: 'Dates to be set' },
  progressShort: { fr: 'Avancement : {percent} %', en: 'Progress: {percent} %' },

  status_planned: { fr: 'Prévue', en: 'Planned' },
  status_running: { fr: 'En cours', en: 'Running' },
  status_finished: { fr: 'Terminée', en: 'Finished' },
  status_stopped: { fr: 'Arrêtée', en: 'Stopped' },
  visibility_public: { fr: 'Publique', en: 'Public' },
  visibility_members: { fr: 'Réservée aux membres de l’espace', en: 'Members of the space only' },

  // The page
  sectionSummary: { fr: 'En bref', en: 'At a glance' },
  fieldCommons: { fr: 'Commun numérique', en: 'Digital commons' },
  fieldAdministrations: { fr: 'Administrations', en: 'Administrations' },
  fieldTerritory: { fr: 'Territoire', en: 'Territory' },
  fieldDates: { fr: 'Dates', en: 'Dates' },
  fieldStatus: { fr: 'Statut', en: 'Status' },
  fieldVisibility: { fr: 'Visibilité', en: 'Visibility' },
  sectionGoal: { fr: 'Objectif', en: 'Goal' },
  sectionOutcome: { fr: 'Bilan', en: 'Outcome' },
  noOutcome: {
    fr: 'Le bilan sera écrit à la fin de l’expérimentation.',
    en: 'The outcome will be written when the experiment ends.',
  },
  edit: { fr: 'Modifier l’expérimentation', en: 'Edit the experiment' },
  partyNote: {
    fr: 'Vous êtes partie prenante de cette expérimentation : vous pouvez la modifier, faire avancer ses jalons, ajouter des personnes et des documents.',
    en: 'You are a party to this experiment: you may edit it, move its milestones forward, add people and documents.',
  },
  staffNote: {
    fr: 'Équipe du programme : vous validez les jalons remis ou les renvoyez avec un commentaire.',
    en: 'Programme staff: you validate submitted milestones or return them with a comment.',
  },

  // People
  sectionPeople: { fr: 'Personnes', en: 'People' },
  noPeople: { fr: 'Personne n’est encore indiqué.', en: 'Nobody is listed yet.' },
  erasedPerson: { fr: 'Personne dont les données ont été effacées', en: 'Person whose data was erased' },
  hasAccount: { fr: 'membre de l’espace', en: 'member of the space' },
  addPerson: { fr: 'Ajouter une personne', en: 'Add a person' },
  addPersonHint: {
    fr: 'Choisissez un membre des administrations ou un mainteneur du commun, ou écrivez le nom d’une personne sans compte.',
    en: 'Choose a member of the administrations or a maintainer of the commons, or write the name of someone without an account.',
  },
  fieldAccount: { fr: 'Compte de la personne', en: 'The person’s account' },
  noAccount: { fr: 'Sans compte (écrire son nom)', en: 'No account (write the name)' },
  fieldName: { fr: 'Nom', en: 'Name' },
  fieldNameHint: {
    fr: 'Obligatoire pour une personne sans compte ; sinon le nom du compte est repris.',
    en: 'Required for someone without an account; otherwise the account’s name is used.',
  },
  fieldRole: { fr: 'Rôle dans l’expérimentation', en: 'Role in the experiment' },
  fieldRoleHint: {
    fr: 'Par exemple : cheffe de projet, développeur, référent terrain.',
    en: 'E.g. project lead, developer, field contact.',
  },
  add: { fr: 'Ajouter', en: 'Add' },
  removePerson: { fr: 'Retirer {name}', en: 'Remove {name}' },
  nameRequired: {
    fr: 'Écrivez le nom de la personne (son compte n’en indique pas).',
    en: 'Write the person’s name (their account has none).',
  },
  notAParty: {
    fr: 'Ce compte n’est ni membre des administrations ni mainteneur du commun.',
    en: 'This account is neither a member of the administrations nor a maintainer of the commons.',
  },
  alreadyListed: { fr: 'Cette personne est déjà indiquée.', en: 'This person is listed already.' },

  // Milestones
  sectionMilestones: { fr: 'Jalons', en: 'Milestones' },
  milestonesIntro: {
    fr: 'Les parties prenantes font avancer chaque jalon jusqu’à « remis » ; l’équipe du programme le valide ou le renvoie avec un commentaire. L’avancement compte les jalons validés.',
    en: 'The parties move each milestone up to “submitted”; programme staff validate it or return it with a comment. Progress counts the validated milestones.',
  },
  noMilestones: { fr: 'Aucun jalon n’est encore défini.', en: 'No milestone is defined yet.' },
  progressText: {
    fr: 'Avancement : {percent} % (jalons validés : {validated} sur {total})',
    en: 'Progress: {percent} % (milestones validated: {validated} of {total})',
  },
  state_upcoming: { fr: 'À venir', en: 'Upcoming' },
  state_in_progress: { fr: 'En cours', en: 'In progress' },
  state_submitted: { fr: 'Remis', en: 'Submitted' },
  state_validated: { fr: 'Validé', en: 'Validated' },
  state_returned: { fr: 'À revoir', en: 'To be reworked' },
  dueOn: { fr: 'Échéance : {date}', en: 'Due: {date}' },
  noDue: { fr: 'Sans échéance', en: 'No due date' },
  late: { fr: 'En retard', en: 'Late' },
  staffComment: { fr: 'Commentaire de l’équipe : {comment}', en: 'Staff comment: {comment}' },
  start: { fr: 'Commencer ce jalon', en: 'Start this milestone' },
  submitMilestone: { fr: 'Marquer comme remis', en: 'Mark as submitted' },
  validate: { fr: 'Valider', en: 'Validate' },
  returnIt: { fr: 'Renvoyer à revoir', en: 'Return for rework' },
  fieldComment: { fr: 'Commentaire', en: 'Comment' },
  fieldCommentHint: {
    fr: 'Obligatoire pour renvoyer un jalon : dites ce qui manque.',
    en: 'Required to return a milestone: say what is missing.',
  },
  commentRequired: {
    fr: 'Écrivez un commentaire pour dire ce qui est à revoir.',
    en: 'Write a comment saying what must be reworked.',
  },
  editMilestone: { fr: 'Modifier ou retirer ce jalon', en: 'Edit or remove this milestone' },
  addMilestone: { fr: 'Ajouter un jalon', en: 'Add a milestone' },
  fieldMilestoneTitle: { fr: 'Intitulé du jalon', en: 'Milestone title' },
  fieldMilestoneDescription: { fr: 'Ce qui est attendu', en: 'What is expected' },
  fieldDueOn: { fr: 'Échéance', en: 'Due date' },
  save: { fr: 'Enregistrer', en: 'Save' },
  removeMilestone: { fr: 'Retirer ce jalon', en: 'Remove this milestone' },
  milestoneChanged: {
    fr: 'Ce jalon a changé entre-temps (quelqu’un d’autre l’a fait avancer). Voici son état actuel.',
    en: 'This milestone changed meanwhile (someone else moved it). Here is its current state.',
  },
  milestoneValidatedLocked: {
    fr: 'Un jalon validé ne se modifie plus et ne se retire plus.',
    en: 'A validated milestone can no longer be edited or removed.',
  },
  experimentClosed: {
    fr: 'L’expérimentation est terminée ou arrêtée : ses jalons ne bougent plus.',
    en: 'The experiment is finished or stopped: its milestones no longer move.',
  },

  // Documents
  sectionDocuments: { fr: 'Documents', en: 'Documents' },
  noDocuments: { fr: 'Aucun document.', en: 'No document.' },
  download: { fr: 'Télécharger « {title} »', en: 'Download “{title}”' },
  addedOn: { fr: 'ajouté le {date}', en: 'added on {date}' },
  addDocument: { fr: 'Ajouter un document', en: 'Add a document' },
  fieldDocumentTitle: { fr: 'Titre du document', en: 'Document title' },
  fieldFile: { fr: 'Fichier', en: 'File' },
  fieldFileHint: {
    fr: 'PDF, image (PNG, JPEG, WebP), document, tableur ou présentation (OpenDocument ou Office), archive ZIP ; 20 Mo au plus.',
    en: 'PDF, image (PNG, JPEG, WebP), text, spreadsheet or presentation (OpenDocument or Office), ZIP archive; 20 MB at most.',
  },
  upload: { fr: 'Ajouter le document', en: 'Add the document' },
  removeDocument: { fr: 'Retirer « {title} »', en: 'Remove “{title}”' },
  fileRequired: { fr: 'Choisissez un fichier.', en: 'Choose a file.' },
  fileTooLarge: { fr: 'Le fichier dépasse 20 Mo.', en: 'The file is larger than 20 MB.' },
  fileType: {
    fr: 'Ce type de fichier n’est pas accepté (le contenu du fichier ne correspond à aucun type permis).',
    en: 'This kind of file is not accepted (its content matches none of the allowed types).',
  },
  formError: { fr: 'Le formulaire contient des erreurs.', en: 'The form has errors.' },

  // Notices after a redirect
  ok_created: { fr: 'L’expérimentation est créée.', en: 'The experiment is created.' },
  ok_saved: { fr: 'Modifications enregistrées.', en: 'Changes saved.' },
  ok_milestone: { fr: 'Jalon enregistré.', en: 'Milestone saved.' },
  ok_milestone_removed: { fr: 'Jalon retiré.', en: 'Milestone removed.' },
  ok_moved: { fr: 'L’état du jalon a changé.', en: 'The milestone’s state changed.' },
  ok_validated: { fr: 'Jalon validé.', en: 'Milestone validated.' },
  ok_returned: { fr: 'Jalon renvoyé avec votre commentaire.', en: 'Milestone returned with your comment.' },
  ok_document: { fr: 'Document ajouté.', en: 'Document added.' },
  ok_document_removed: { fr: 'Document retiré.', en: 'Document removed.' },
  ok_person: { fr: 'Personne ajoutée.', en: 'Person added.' },
  ok_person_removed: { fr: 'Personne retirée.', en: 'Person removed.' },

  // The experiment's form
  newTitle: { fr: 'Proposer une expérimentation', en: 'Propose an experiment' },
  editTitle: { fr: 'Modifier l’expérimentation', en: 'Edit the experiment' },
  formIntro: {
    fr: 'Une expérimentation réunit au moins une administration et un commun numérique autour d’un objectif partagé. Les champs marqués d’un astérisque sont obligatoires.',
    en: 'An experiment brings at least one administration and a digital commons together around a shared goal. Fields marked with an asterisk are required.',
  },
  creatorRule: {
    fr: 'Pour proposer une expérimentation, il faut être membre d’une des administrations choisies (ou de l’équipe du programme).',
    en: 'To propose an experiment you must be a member of one of the chosen administrations (or programme staff).',
  },
  noAdministrationYet: {
    fr: 'Vous n’êtes membre d’aucune administration de l’espace. Rejoignez la vôtre depuis la page des administrations pour proposer une expérimentation.',
    en: 'You are not a member of any administration of the space. Join yours from the administrations page to propose an experiment.',
  },
  seeAdministrations: { fr: 'Voir les administrations', en: 'See the administrations' },
  fieldTitle: { fr: 'Intitulé', en: 'Title' },
  fieldGoal: { fr: 'Objectif', en: 'Goal' },
  fieldGoalHint: {
    fr: 'Ce que l’expérimentation doit montrer, pour qui, et comment on saura qu’elle a réussi.',
    en: 'What the experiment should show, for whom, and how success will be known.',
  },
  fieldAdministrationsLegend: { fr: 'Administrations engagées', en: 'Administrations taking part' },
  fieldAdministrationsHint: { fr: 'Au moins une.', en: 'At least one.' },
  yours: { fr: '(votre administration)', en: '(your administration)' },
  fieldStartsOn: { fr: 'Date de début', en: 'Start date' },
  fieldEndsOn: { fr: 'Date de fin prévue', en: 'Planned end date' },
  fieldDateHint: { fr: 'Format AAAA-MM-JJ', en: 'Format YYYY-MM-DD' },
  fieldOutcome: { fr: 'Bilan', en: 'Outcome' },
  fieldOutcomeHint: {
    fr: 'Obligatoire pour une expérimentation terminée ou arrêtée : ce qui a marché, ce qui n’a pas marché, et la suite.',
    en: 'Required for a finished or stopped experiment: what worked, what did not, and what comes next.',
  },
  fieldVisibilityHint: {
    fr: 'Une expérimentation réservée n’est visible que des membres de l’espace (administrations, mainteneurs) et de l’équipe.',
    en: 'A members-only experiment is visible to members of the space (administrations, maintainers) and staff only.',
  },
  create: { fr: 'Créer l’expérimentation', en: 'Create the experiment' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  commonsFixed: {
    fr: 'Le commun d’une expérimentation ne change pas ; pour un autre commun, proposez une autre expérimentation.',
    en: 'An experiment’s commons does not change; for another commons, propose another experiment.',
  },
  outcomeRequired: {
    fr: 'Écrivez le bilan pour terminer ou arrêter l’expérimentation.',
    en: 'Write the outcome to finish or stop the experiment.',
  },
  endBeforeStart: {
    fr: 'La date de fin doit suivre la date de début.',
    en: 'The end date must come after the start date.',
  },
  administrationsRequired: { fr: 'Choisissez au moins une administration.', en: 'Choose at least one administration.' },
  unknownAdministration: {
    fr: 'Une des administrations choisies n’existe pas (ou plus).',
    en: 'One of the chosen administrations does not exist (any more).',
  },
  unknownCommons: { fr: 'Choisissez un commun de la liste.', en: 'Choose a commons from the list.' },
  notMemberOfChosen: {
    fr: 'Vous devez être membre d’au moins une des administrations choisies.',
    en: 'You must be a member of at least one of the chosen administrations.',
  },
  wouldLeave: {
    fr: 'Avec ce choix, vous ne seriez plus partie prenante : gardez au moins une de vos administrations.',
    en: 'With this choice you would no longer be a party: keep at least one of your administrations.',
  },
  stale: {
    fr: 'Quelqu’un d’autre a modifié l’expérimentation pendant que vous la modifiiez. Vos saisies sont conservées ci-dessous ; rechargez la page pour voir sa version actuelle, puis recommencez.',
    en: 'Someone else changed the experiment while you were editing it. What you typed is kept below; reload the page to see its current version, then try again.',
  },

  // Staff list
  staffTitle: { fr: 'Expérimentations de l’espace de coopération', en: 'Experiments of the cooperation space' },
  staffIntro: {
    fr: 'Toutes les expérimentations, publiques ou réservées, avec les jalons remis qui attendent votre examen.',
    en: 'Every experiment, public or members-only, with the submitted milestones waiting for your review.',
  },
  staffToReview: { fr: 'Seulement celles qui ont un jalon à examiner', en: 'Only those with a milestone to review' },
  colTitle: { fr: 'Expérimentation', en: 'Experiment' },
  colCommons: { fr: 'Commun', en: 'Commons' },
  colAdministrations: { fr: 'Administrations', en: 'Administrations' },
  colStatus: { fr: 'Statut', en: 'Status' },
  colVisibility: { fr: 'Visibilité', en: 'Visibility' },
  colProgress: { fr: 'Avancement', en: 'Progress' },
  colToReview: { fr: 'Jalons à examiner', en: 'Milestones to review' },
  tileTitle: { fr: 'Expérimentations', en: 'Experiments' },
  tileText: {
    fr: 'Suivre les expérimentations entre administrations et communs ; examiner les jalons remis.',
    en: 'Follow the experiments between administrations and commons; review submitted milestones.',
  },
});

/** The space's home page (/cooperation). */
export const homeMessages = defineMessages({
  title: { fr: 'Espace de coopération', en: 'Cooperation space' },
  description: {
    fr: 'Administrations et communs numériques se rencontrent autour de cas d’usage concrets, de besoins et d’expérimentations.',
    en: 'Administrations and digital commons meet around concrete use cases, needs and experiments.',
  },
  lead: {
    fr: 'Cet espace met en relation les administrations qui utilisent ou veulent utiliser des communs numériques et les communautés qui les font vivre.',
    en: 'This space connects the administrations that use, or want to use, digital commons with the communities that keep them alive.',
  },
  why: {
    fr: 'Une administration y dit ce qu’elle utilise, pour quoi faire et ce qu’elle a rendu au commun ; elle y publie ses besoins. Un commun y présente ce qu’il est, ce dont il a besoin et ce qu’il peut offrir. Les deux se trouvent autour de cas d’usage réels, plutôt que par des annuaires.',
    en: 'An administration says what it uses, what for, and what it gave back to the commons; it posts its needs. A commons presents what it is, what it needs and what it can offer. They find each other through real use cases rather than directories.',
  },
  lasting: {
    fr: 'Le but est de créer des liens qui durent : des référents qui acceptent d’être contactés, des échanges suivis jusqu’à ce qu’ils donnent quelque chose, et des expérimentations menées ensemble pendant au moins douze mois, avec des jalons et un bilan.',
    en: 'The aim is lasting links: referents who accept to be contacted, exchanges followed until something comes of them, and experiments run together for at least twelve months, with milestones and an outcome.',
  },
  figuresTitle: { fr: 'L’espace en chiffres', en: 'The space in figures' },
  figureCommons: { fr: 'communs numériques', en: 'digital commons' },
  figureAdministrations: { fr: 'administrations', en: 'administrations' },
  figureProduction: { fr: 'cas d’usage en production', en: 'use cases in production' },
  figureNeeds: { fr: 'besoins et offres ouverts', en: 'open needs and offers' },
  figureExperiments: { fr: 'expérimentations en cours', en: 'running experiments' },
  actionsTitle: { fr: 'Participer', en: 'Take part' },
  proposeCommons: { fr: 'Proposer un commun', en: 'Propose a commons' },
  postNeed: { fr: 'Publier un besoin', en: 'Post a need' },
  actionsText: {
    fr: 'Agents publics : connectez-vous avec ProConnect pour rejoindre votre administration. Mainteneurs : proposez votre commun et indiquez ce dont il a besoin.',
    en: 'Public agents: sign in with ProConnect to join your administration. Maintainers: propose your commons and say what it needs.',
  },
  latestUseCases: { fr: 'Derniers cas d’usage', en: 'Latest use cases' },
  noUseCases: { fr: 'Aucun cas d’usage publié pour l’instant.', en: 'No use case published yet.' },
  useCaseLine: { fr: '{administration} utilise {commons}', en: '{administration} uses {commons}' },
  allUseCases: { fr: 'Tous les cas d’usage', en: 'All use cases' },
  openNeeds: { fr: 'Besoins et offres ouverts', en: 'Open needs and offers' },
  noNeeds: { fr: 'Aucun besoin ouvert pour l’instant.', en: 'No open need yet.' },
  needBy: { fr: 'Publié par {owner}', en: 'Posted by {owner}' },
  offerBy: { fr: 'Offre de {owner}', en: 'Offer from {owner}' },
  allNeeds: { fr: 'Tous les besoins et offres', en: 'All needs and offers' },
  sectionsTitle: { fr: 'Les rubriques de l’espace', en: 'Sections of the space' },
  sectionCommons: {
    fr: 'Le catalogue des communs : ce qu’ils font, qui les porte, qui les utilise.',
    en: 'The catalogue of commons: what they do, who carries them, who uses them.',
  },
  sectionAdministrations: {
    fr: 'Les administrations membres, ce qu’elles utilisent et ce dont elles ont besoin.',
    en: 'Member administrations, what they use and what they need.',
  },
  sectionUseCases: {
    fr: 'Qui utilise quel commun pour quoi faire, du premier essai à la mise en production.',
    en: 'Who uses which commons for what, from the first trial to production.',
  },
  sectionNeeds: {
    fr: 'Les besoins des administrations et des communs, et les offres, avec des suggestions expliquées.',
    en: 'Needs of administrations and commons, and offers, with explained suggestions.',
  },
  sectionExperiments: {
    fr: 'Les expérimentations convenues entre administrations et communs, suivies par jalons.',
    en: 'Experiments agreed between administrations and commons, followed by milestones.',
  },
  status_exploration: { fr: 'Exploration', en: 'Exploration' },
  status_experimentation: { fr: 'Expérimentation', en: 'Experimentation' },
  status_production: { fr: 'En production', en: 'In production' },
  status_abandoned: { fr: 'Abandonné', en: 'Abandoned' },
});

/** The dashboard tile's count, in the plural form its number takes (tCount). */
export const milestonesToReviewCount = {
  one: { fr: '{n} jalon à examiner', en: '{n} milestone to review' },
  other: { fr: '{n} jalons à examiner', en: '{n} milestones to review' },
} satisfies CountMessage;

/** Counts in the locale's plural form (`tCount`): never "(s)". */
export const experimentCounts = {
  listCount: {
    one: { fr: '{n} expérimentation', en: '{n} experiment' },
    other: { fr: '{n} expérimentations', en: '{n} experiments' },
  },
} satisfies Record<string, CountMessage>;
