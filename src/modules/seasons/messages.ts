import { type CountMessage, defineMessages } from '../../core/i18n/i18n.js';

export const seasonMessages = defineMessages({
  apply: { fr: 'Déposer un projet', en: 'Apply with a project' },
  formOutline: { fr: 'Voir toutes les questions du formulaire', en: 'See every question of the form' },
  // Public pages
  seasonsTitle: { fr: 'Les saisons de l’Accélérateur', en: 'The seasons of the Accelerator' },
  seasonsLead: {
    fr: 'Chaque saison ouvre un appel à candidatures, sélectionne des lauréats et les accompagne pendant plusieurs mois.',
    en: 'Each season opens a call for applications, selects laureates and supports them for several months.',
  },
  noSeasons: { fr: 'Aucune saison n’est encore programmée.', en: 'No season has been scheduled yet.' },
  seasonNumber: { fr: 'Saison {n}', en: 'Season {n}' },
  statusDraft: { fr: 'Brouillon (non publiée)', en: 'Draft (not published)' },
  statusUpcoming: { fr: 'À venir', en: 'Upcoming' },
  statusOpen: { fr: 'Candidatures ouvertes', en: 'Applications open' },
  statusClosed: { fr: 'Terminée', en: 'Closed' },
  opensOn: { fr: 'Ouverture le {date}', en: 'Opens on {date}' },
  period: { fr: 'Du {from} au {to}', en: 'From {from} to {to}' },
  closesAt: { fr: 'Clôture le {date}', en: 'Closes on {date}' },
  closesInDays: { fr: 'Clôture dans {n} jours', en: 'Closes in {n} days' },
  closesInOneDay: { fr: 'Clôture dans 1 jour', en: 'Closes in 1 day' },
  closedOn: { fr: 'Candidatures closes depuis le {date}', en: 'Applications closed on {date}' },
  seeSeason: { fr: 'Voir la saison', en: 'See the season' },
  dateAtTime: { fr: '{date} à {time} (heure de Paris)', en: '{date} at {time} (Paris time)' },
  calendar: { fr: 'Calendrier', en: 'Calendar' },
  opening: { fr: 'Ouverture des candidatures', en: 'Applications open' },
  closing: { fr: 'Clôture des candidatures', en: 'Applications close' },
  whoCanApply: { fr: 'Qui peut candidater ?', en: 'Who can apply?' },
  tracks: { fr: 'Les volets', en: 'Tracks' },
  trackLead: { fr: 'Sélection et accompagnement : {lead}', en: 'Selection and support: {lead}' },
  criteria: { fr: 'Les critères de sélection', en: 'Selection criteria' },
  weight: { fr: 'Pondération', en: 'Weight' },
  criterion: { fr: 'Critère', en: 'Criterion' },
  support: { fr: 'L’accompagnement', en: 'Support' },
  supportMonths: { fr: 'Durée de l’accompagnement : {n} mois', en: 'Length of support: {n} months' },
  envelope: { fr: 'Enveloppe de subventions : {amount}', en: 'Grant envelope: {amount}' },
  laureatesSought: { fr: 'Nombre de lauréats visé : {n}', en: 'Number of laureates sought: {n}' },
  seasonReport: { fr: 'Bilan de la saison (page et PDF)', en: 'Season report (page and PDF)' },
  seeLaureates: { fr: 'Voir les lauréats de cette saison', en: 'See this season’s laureates' },
  selectionTransparency: {
    fr: 'Transparence de la sélection : chiffres, méthode et données à recalculer',
    en: 'Transparency of the selection: figures, method and data to recompute',
  },
  levers: { fr: 'Les huit leviers d’accompagnement', en: 'The eight support levers' },
  kind_citizen: { fr: 'Citoyennes et citoyens', en: 'Citizens' },
  kind_association: { fr: 'Associations', en: 'Associations' },
  kind_administration: { fr: 'Administrations', en: 'Administrations' },
  kind_company: {
    fr: 'Entreprises, sans captation exclusive de la valeur',
    en: 'Companies, without exclusive capture of value',
  },
  laureatesTitle: { fr: 'Les lauréats', en: 'Laureates' },
  laureatesLead: {
    fr: 'Les projets d’intérêt général accompagnés par l’Accélérateur, saison par saison.',
    en: 'The public-interest projects supported by the Accelerator, season by season.',
  },
  filterSeason: { fr: 'Saison', en: 'Season' },
  allSeasons: { fr: 'Toutes les saisons', en: 'All seasons' },
  filter: { fr: 'Filtrer', en: 'Filter' },
  noLaureates: {
    fr: 'Aucun lauréat n’a encore été annoncé pour cette saison.',
    en: 'No laureate has been announced for this season yet.',
  },
  unknownSeasonFilter: {
    fr: 'Cette saison n’existe pas : tous les lauréats sont affichés.',
    en: 'This season does not exist: all laureates are shown.',
  },
  organisation: { fr: 'Structure : {name}', en: 'Organisation: {name}' },
  laureateProgress: {
    fr: 'Avancement du plan d’accompagnement : {percent} %',
    en: 'Progress of the support plan: {percent}%',
  },
  track: { fr: 'Volet : {name}', en: 'Track: {name}' },
  website: { fr: 'Site du projet', en: 'Project website' },
  newWindow: { fr: 'nouvelle fenêtre', en: 'new window' },

  // Staff pages
  adminTitle: { fr: 'Gérer les saisons', en: 'Manage seasons' },
  administration: { fr: 'Administration', en: 'Administration' },
  newSeason: { fr: 'Créer une saison', en: 'Create a season' },
  editSeason: { fr: 'Modifier la saison {n}', en: 'Edit season {n}' },
  edit: { fr: 'Modifier', en: 'Edit' },
  manageLaureates: { fr: 'Lauréats', en: 'Laureates' },
  applicationForm: { fr: 'Formulaire de candidature', en: 'Application form' },
  jury: { fr: 'Jury', en: 'Jury' },
  colNumber: { fr: 'N°', en: 'No.' },
  colName: { fr: 'Nom', en: 'Name' },
  colDates: { fr: 'Dates', en: 'Dates' },
  colStatus: { fr: 'Statut', en: 'Status' },
  colActions: { fr: 'Actions', en: 'Actions' },
  seasonsTable: { fr: 'Liste des saisons', en: 'List of seasons' },
  saved: { fr: 'Modifications enregistrées', en: 'Changes saved' },
  created: {
    fr: 'Saison créée en brouillon : elle n’est pas encore publique. Donnez-lui son formulaire de candidature, puis publiez-la depuis la page du formulaire.',
    en: 'Season created as a draft: it is not public yet. Give it its application form, then publish it from the form’s page.',
  },
  draftNotice: {
    fr: 'Cette saison est un brouillon : elle n’apparaît pas sur le site public et ne reçoit pas de candidatures.',
    en: 'This season is a draft: it does not appear on the public site and takes no applications.',
  },
  draftNext: {
    fr: 'Formulaire de candidature et publication',
    en: 'Application form and publication',
  },
  save: { fr: 'Enregistrer', en: 'Save' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  sectionGeneral: { fr: 'Informations générales', en: 'General information' },
  sectionDates: { fr: 'Dates de l’appel', en: 'Call dates' },
  sectionSupport: { fr: 'Éligibilité et accompagnement', en: 'Eligibility and support' },
  sectionTracks: { fr: 'Volets', en: 'Tracks' },
  sectionCriteria: { fr: 'Critères et pondérations', en: 'Criteria and weights' },
  tracksHint: {
    fr: 'Laissez une ligne vide pour ne pas l’utiliser. Le code identifie le volet (lettres minuscules, chiffres, tirets).',
    en: 'Leave a row empty to skip it. The code identifies the track (lower-case letters, digits, hyphens).',
  },
  criteriaHint: {
    fr: 'Laissez une ligne vide pour ne pas l’utiliser. La pondération est un nombre entier positif.',
    en: 'Leave a row empty to skip it. The weight is a positive whole number.',
  },
  fieldNumber: { fr: 'Numéro de la saison', en: 'Season number' },
  fieldSlug: { fr: 'Identifiant dans l’adresse', en: 'Identifier in the address' },
  fieldSlugHint: { fr: 'Par exemple saison-3', en: 'For example saison-3' },
  fieldName: { fr: 'Nom (français)', en: 'Name (French)' },
  fieldNameEn: { fr: 'Nom (anglais)', en: 'Name (English)' },
  fieldSummary: { fr: 'Présentation (français)', en: 'Summary (French)' },
  fieldSummaryEn: { fr: 'Présentation (anglais)', en: 'Summary (English)' },
  fieldOpensOn: { fr: 'Date d’ouverture', en: 'Opening date' },
  fieldOpensOnHint: {
    fr: 'Format AAAA-MM-JJ ; ouverture à 00:00, heure de Paris',
    en: 'Format YYYY-MM-DD; opens at 00:00 Paris time',
  },
  fieldClosesOn: { fr: 'Date de clôture', en: 'Closing date' },
  fieldClosesOnHint: { fr: 'Format AAAA-MM-JJ', en: 'Format YYYY-MM-DD' },
  fieldClosesTime: { fr: 'Heure de clôture (facultatif)', en: 'Closing time (optional)' },
  fieldClosesTimeHint: { fr: 'HH:MM, heure de Paris ; 23:59:59 si vide', en: 'HH:MM, Paris time; 23:59:59 when empty' },
  fieldEligible: { fr: 'Publics éligibles', en: 'Who may apply' },
  fieldSupportMonths: { fr: 'Durée de l’accompagnement (mois)', en: 'Length of support (months)' },
  fieldEnvelope: { fr: 'Enveloppe de subventions (euros)', en: 'Grant envelope (euros)' },
  fieldEnvelopeHint: { fr: 'Par exemple 800000 ou 800 000,50', en: 'For example 800000 or 800 000,50' },
  fieldLaureatesSought: { fr: 'Nombre de lauréats visé', en: 'Number of laureates sought' },
  fieldTrackCode: { fr: 'Code du volet {n}', en: 'Code of track {n}' },
  fieldTrackName: { fr: 'Nom du volet {n} (français)', en: 'Name of track {n} (French)' },
  fieldTrackNameEn: { fr: 'Nom du volet {n} (anglais)', en: 'Name of track {n} (English)' },
  fieldTrackLead: { fr: 'Pilote du volet {n}', en: 'Lead of track {n}' },
  fieldTrackLeadHint: { fr: 'Par exemple DINUM ou DITP', en: 'For example DINUM or DITP' },
  trackRow: { fr: 'Volet {n}', en: 'Track {n}' },
  criterionRow: { fr: 'Critère {n}', en: 'Criterion {n}' },
  fieldCriterionCode: { fr: 'Code du critère {n}', en: 'Code of criterion {n}' },
  fieldCriterionLabel: { fr: 'Intitulé du critère {n} (français)', en: 'Label of criterion {n} (French)' },
  fieldCriterionLabelEn: { fr: 'Intitulé du critère {n} (anglais)', en: 'Label of criterion {n} (English)' },
  fieldCriterionDescription: {
    fr: 'Description du critère {n} (français)',
    en: 'Description of criterion {n} (French)',
  },
  fieldCriterionDescriptionEn: {
    fr: 'Description du critère {n} (anglais)',
    en: 'Description of criterion {n} (English)',
  },
  fieldCriterionWeight: { fr: 'Pondération du critère {n}', en: 'Weight of criterion {n}' },

  laureatesOf: { fr: 'Lauréats de la saison {n}', en: 'Laureates of season {n}' },
  newLaureate: { fr: 'Ajouter un lauréat', en: 'Add a laureate' },
  editLaureate: { fr: 'Modifier le lauréat', en: 'Edit the laureate' },
  deleteLaureate: { fr: 'Supprimer', en: 'Delete' },
  deleteLaureateTitle: { fr: 'Supprimer le lauréat {name}', en: 'Delete the laureate {name}' },
  laureateDeleted: { fr: 'Lauréat supprimé', en: 'Laureate deleted' },
  laureateSaved: { fr: 'Lauréat enregistré', en: 'Laureate saved' },
  fromDecisions: {
    fr: 'Publié depuis les décisions, visible à partir du {from} ; une nouvelle publication remplace les modifications faites ici.',
    en: 'Published from the decisions, visible from {from}; a new publication replaces changes made here.',
  },
  fromDecisionsAlways: {
    fr: 'Publié depuis les décisions ; une nouvelle publication remplace les modifications faites ici.',
    en: 'Published from the decisions; a new publication replaces changes made here.',
  },
  laureatesTable: { fr: 'Lauréats de la saison', en: 'Laureates of the season' },
  colTrack: { fr: 'Volet', en: 'Track' },
  colOrganisation: { fr: 'Structure', en: 'Organisation' },
  colPosition: { fr: 'Ordre', en: 'Order' },
  noTrack: { fr: 'Aucun volet', en: 'No track' },
  fieldLaureateName: { fr: 'Nom du projet', en: 'Project name' },
  fieldOrganisation: { fr: 'Structure porteuse', en: 'Organisation' },
  fieldTrack: { fr: 'Volet', en: 'Track' },
  fieldLaureateSummary: { fr: 'Description (français)', en: 'Description (French)' },
  fieldLaureateSummaryEn: { fr: 'Description (anglais)', en: 'Description (English)' },
  fieldWebsite: { fr: 'Site web', en: 'Website' },
  fieldPosition: { fr: 'Ordre d’affichage', en: 'Display order' },

  // Field errors
  closesBeforeOpens: {
    fr: 'La clôture doit être postérieure à l’ouverture.',
    en: 'The closing date must be after the opening date.',
  },
  time: {
    fr: 'Saisissez une heure au format HH:MM, par exemple 18:00.',
    en: 'Enter a time in the format HH:MM, e.g. 18:00.',
  },
  positiveInteger: {
    fr: 'Saisissez un nombre entier supérieur à zéro.',
    en: 'Enter a whole number greater than zero.',
  },
  naturalInteger: { fr: 'Saisissez un nombre entier positif ou nul.', en: 'Enter a whole number, zero or more.' },
  euros: {
    fr: 'Saisissez un montant en euros, par exemple 800000 ou 800 000,50.',
    en: 'Enter an amount in euros, e.g. 800000 or 800 000,50.',
  },
  duplicateTrack: {
    fr: 'Ce code de volet est déjà utilisé dans cette saison.',
    en: 'This track code is already used in this season.',
  },
  duplicateCriterion: {
    fr: 'Ce code de critère est déjà utilisé dans cette saison.',
    en: 'This criterion code is already used in this season.',
  },
  slugTaken: {
    fr: 'Une autre saison utilise déjà cet identifiant.',
    en: 'Another season already uses this identifier.',
  },
  numberTaken: { fr: 'Une autre saison porte déjà ce numéro.', en: 'Another season already has this number.' },
  eligibleRequired: { fr: 'Cochez au moins un public éligible.', en: 'Tick at least one kind of applicant.' },
  rowIncomplete: {
    fr: 'Complétez ce champ ou videz toute la ligne.',
    en: 'Fill in this field or empty the whole row.',
  },
  criteriaRequired: { fr: 'Une saison a besoin d’au moins un critère.', en: 'A season needs at least one criterion.' },
  unknownTrack: { fr: 'Choisissez un des volets de la saison.', en: 'Choose one of the season’s tracks.' },
  notYourTrack: {
    fr: 'Vos droits se limitent à un autre volet : choisissez votre volet.',
    en: 'Your rights are limited to another track: choose your own track.',
  },
  tooBig: { fr: 'Cette valeur est trop grande.', en: 'This value is too large.' },
});

/** Labels of what this module adds to the shared pages (menu, header, site map, dashboard): see index.ts. */
export const seasonsSiteMessages = defineMessages({
  navSeasons: { fr: 'Saisons et appels', en: 'Seasons and calls' },
  navLaureates: { fr: 'Lauréats', en: 'Laureates' },
  seasons: { fr: 'Saisons', en: 'Seasons' },
  seasonsText: {
    fr: 'Saisons, appels à candidatures et lauréats.',
    en: 'Seasons, calls for applications and laureates.',
  },
});

/** Counts, in the plural form their number takes (tCount). */
export const seasonCounts = {
  laureates: { one: { fr: '{n} lauréat', en: '{n} laureate' }, other: { fr: '{n} lauréats', en: '{n} laureates' } },
} satisfies Record<string, CountMessage>;

/** Counts in the locale's plural form (`tCount`): never "(s)". */
export const seasonCountdowns = {
  closesInHours: {
    one: { fr: 'Clôture dans {n} heure', en: 'Closes in {n} hour' },
    other: { fr: 'Clôture dans {n} heures', en: 'Closes in {n} hours' },
  },
  closesInMinutes: {
    one: { fr: 'Clôture dans {n} minute', en: 'Closes in {n} minute' },
    other: { fr: 'Clôture dans {n} minutes', en: 'Closes in {n} minutes' },
  },
  opensInDays: {
    one: { fr: 'Ouverture dans {n} jour', en: 'Opens in {n} day' },
    other: { fr: 'Ouverture dans {n} jours', en: 'Opens in {n} days' },
  },
  opensInHours: {
    one: { fr: 'Ouverture dans {n} heure', en: 'Opens in {n} hour' },
    other: { fr: 'Ouverture dans {n} heures', en: 'Opens in {n} hours' },
  },
} satisfies Record<string, CountMessage>;
