import { defineMessages } from '../../core/i18n/i18n.js';

/** The datasets' titles and descriptions (the /donnees page, the API page and the DCAT-AP catalogue). */
export const datasetMessages = defineMessages({
  seasonsTitle: { fr: 'Saisons et appels à projets', en: 'Seasons and calls for projects' },
  seasonsText: {
    fr: 'Chaque saison du programme : son appel à projets (dates d’ouverture et de clôture, heure de Paris), ses parcours, ses critères de sélection, la durée de l’accompagnement, l’enveloppe de subventions et le nombre de lauréats.',
    en: 'Each season of the programme: its call for projects (opening and closing, Paris time), its tracks, its selection criteria, the length of the support, the grant envelope and the number of laureates.',
  },
  laureatesTitle: { fr: 'Lauréats, accompagnement et impact', en: 'Laureates, support and impact' },
  laureatesText: {
    fr: 'Les projets lauréats publiés, avec leur organisation, leur parcours, l’avancement de leur accompagnement quand il est publié, et leurs indicateurs d’impact publics avec les valeurs approuvées dans le temps.',
    en: 'The published laureate projects, with their organisation, their track, the progress of their support when published, and their public impact indicators with the values approved over time.',
  },
  grantsTitle: { fr: 'Subventions aux lauréats (SCDL)', en: 'Grants to the laureates (SCDL)' },
  grantsText: {
    fr: 'Les données essentielles des conventions de subvention signées, au format national SCDL Subventions 2.1.1, comme le demande le décret n° 2017-779 du 5 mai 2017. Toutes les conventions signées sont publiées, quel que soit leur montant. Les bénéficiaires sont des organisations.',
    en: 'The essential data of the signed grant agreements, in the French national SCDL Subventions 2.1.1 format, as decree 2017-779 of 5 May 2017 requires. Every signed agreement is published, whatever its amount. The beneficiaries are organisations.',
  },
  grantsScdl: { fr: 'Subventions (SCDL 2.1.1, CSV virgule)', en: 'Grants (SCDL 2.1.1, comma CSV)' },
  grants360: { fr: 'Subventions (360Giving, JSON)', en: 'Grants (360Giving, JSON)' },
  commonsTitle: { fr: 'Communs numériques', en: 'Digital commons' },
  commonsText: {
    fr: 'Le catalogue des communs numériques de l’espace de coopération : nature, maturité, licence, structure porteuse, catégories et nombre de cas d’usage publics.',
    en: 'The catalogue of digital commons of the cooperation space: kind, maturity, licence, carrying organisation, categories and number of public use cases.',
  },
  useCasesTitle: {
    fr: 'Cas d’usage des communs par les administrations',
    en: 'Use cases of commons by administrations',
  },
  useCasesText: {
    fr: 'Quelle administration utilise ou veut utiliser quel commun numérique, pour quoi faire, où et depuis quand : les cas d’usage publics de l’espace de coopération.',
    en: 'Which administration uses or wants to use which digital commons, for what, where and since when: the public use cases of the cooperation space.',
  },
  newsTitle: { fr: 'Actualités et communiqués', en: 'News and press releases' },
  newsText: {
    fr: 'Les actualités et communiqués de presse publiés : titre, chapeau, catégories, étiquettes et dates. Le texte complet est sur la page de chaque actualité.',
    en: 'The published news and press releases: title, standfirst, categories, tags and dates. The full text is on each item’s page.',
  },
  // The events dataset's (datasets/events.ts, added when the events module is merged).
  eventsTitle: { fr: 'Événements', en: 'Events' },
  eventsText: {
    fr: 'Les événements publics du programme, à venir et passés : titre, description, format (sur place, en ligne, hybride), lieu, début et fin à l’heure de Paris, nombre de places. Aucune donnée sur les personnes inscrites.',
    en: 'The programme’s public events, upcoming and past: title, description, format (in person, online, hybrid), place, start and end in Paris time, number of places. No data about the people registered.',
  },
  eventsIcs: { fr: 'Agenda (iCalendar)', en: 'Calendar (iCalendar)' },
});

/** The /donnees and /api pages. */
export const openDataMessages = defineMessages({
  navData: { fr: 'Données ouvertes', en: 'Open data' },
  navApi: { fr: 'API des données ouvertes', en: 'Open data API' },
  dataTitle: { fr: 'Données ouvertes', en: 'Open data' },
  dataIntro: {
    fr: 'Le programme publie ses données sous Licence Ouverte 2.0 : vous pouvez les réutiliser librement, y compris commercialement, en citant la source. Chaque jeu de données se télécharge en CSV (pour tableur : UTF-8, point-virgule, dates à l’heure de Paris) et en JSON, et se lit aussi par l’API. Aucune donnée personnelle n’y figure.',
    en: 'The programme publishes its data under the Licence Ouverte 2.0 (Open Licence): you may reuse it freely, commercially too, citing the source. Each dataset downloads as CSV (for spreadsheets: UTF-8, semicolon, Paris time) and JSON, and reads through the API too. It holds no personal data.',
  },
  catalogueText: {
    fr: 'Le catalogue de ces jeux de données au format DCAT-AP (JSON-LD), moissonnable par data.gouv.fr :',
    en: 'The catalogue of these datasets in DCAT-AP (JSON-LD), ready for data.gouv.fr to harvest:',
  },
  catalogueLink: { fr: 'Catalogue DCAT-AP (JSON-LD)', en: 'DCAT-AP catalogue (JSON-LD)' },
  apiLink: { fr: 'Documentation de l’API', en: 'API documentation' },
  licence: { fr: 'Licence', en: 'Licence' },
  licenceName: { fr: 'Licence Ouverte 2.0 (Etalab-2.0)', en: 'Licence Ouverte 2.0 (Etalab-2.0, Open Licence)' },
  updated: { fr: 'Mise à jour', en: 'Updated' },
  never: { fr: 'aucune donnée pour le moment', en: 'no data yet' },
  records: { fr: 'Enregistrements', en: 'Records' },
  schema: { fr: 'Schéma', en: 'Schema' },
  schemaOpenApi: { fr: 'Schéma de l’API (OpenAPI)', en: 'API schema (OpenAPI)' },
  schemaNational: { fr: 'Schéma national SCDL Subventions', en: 'National SCDL Subventions schema' },
  downloads: { fr: 'Téléchargements', en: 'Downloads' },
  downloadCsv: { fr: 'CSV pour tableur', en: 'CSV for spreadsheets' },
  downloadJson: { fr: 'JSON', en: 'JSON' },
  api: { fr: 'API', en: 'API' },
  apiTitle: { fr: 'API des données ouvertes', en: 'Open data API' },
  apiIntro: {
    fr: 'Une API REST en lecture seule, sans inscription ni clé, sous /api/v1. Les réponses sont en JSON ; les listes se parcourent page par page en suivant le lien « next ». Cette page est produite à partir du document OpenAPI 3.1 de l’API.',
    en: 'A read-only REST API, with neither registration nor key, under /api/v1. Answers are JSON; lists are read page by page by following the “next” link. This page is generated from the API’s OpenAPI 3.1 document.',
  },
  apiRules: { fr: 'Règles d’usage', en: 'Terms of use' },
  apiLicence: {
    fr: 'Les données sont publiées sous Licence Ouverte 2.0 (Etalab-2.0).',
    en: 'The data is published under the Licence Ouverte 2.0 (Etalab-2.0).',
  },
  apiRateLimit: {
    fr: 'Limite : {n} requêtes par minute et par adresse IP ; au-delà, la réponse est 429 avec un en-tête Retry-After (secondes à attendre).',
    en: 'Limit: {n} requests per minute per IP address; beyond, the answer is 429 with a Retry-After header (seconds to wait).',
  },
  apiCaching: {
    fr: 'Chaque réponse porte un ETag : renvoyez-le dans If-None-Match pour recevoir 304 sans corps quand rien n’a changé. CORS est ouvert à tous les sites pour GET.',
    en: 'Every answer carries an ETag: send it back in If-None-Match to get a 304 without body when nothing changed. CORS is open to every site for GET.',
  },
  apiDocument: { fr: 'Document OpenAPI (JSON)', en: 'OpenAPI document (JSON)' },
  apiContents: { fr: 'Sommaire', en: 'Contents' },
  apiParameters: { fr: 'Paramètres', en: 'Parameters' },
  apiRequiredYes: { fr: 'obligatoire', en: 'required' },
  apiRequiredNo: { fr: 'facultatif', en: 'optional' },
  apiInPath: { fr: 'dans le chemin', en: 'in the path' },
  apiInQuery: { fr: 'dans la requête', en: 'in the query string' },
  apiExample: { fr: 'Exemple de réponse', en: 'Example answer' },
  apiResponses: { fr: 'Réponses : {codes}', en: 'Answers: {codes}' },
  apiOther: { fr: 'Autres fichiers', en: 'Other files' },
});

/** The API's error messages (JSON bodies). */
export const apiErrorMessages = defineMessages({
  badRequest: { fr: 'Requête incorrecte', en: 'Bad Request' },
  notFound: { fr: 'Introuvable', en: 'Not Found' },
  badParameter: {
    fr: 'Le paramètre « {name} » n’est pas valide : {reason}.',
    en: 'The parameter “{name}” is not valid: {reason}.',
  },
  badCursor: {
    fr: 'Le curseur n’est pas valide : suivez le lien « next » d’une réponse, ou recommencez sans curseur.',
    en: 'The cursor is not valid: follow a response’s “next” link, or start again without a cursor.',
  },
  badDate: {
    fr: 'Le paramètre « updated_since » attend une date ISO 8601 (2026-01-31 ou 2026-01-31T12:00:00Z).',
    en: 'The parameter “updated_since” expects an ISO 8601 date (2026-01-31 or 2026-01-31T12:00:00Z).',
  },
  tooMany: {
    fr: 'Trop de requêtes : attendez {n} secondes (en-tête Retry-After) avant de réessayer.',
    en: 'Too many requests: wait {n} seconds (Retry-After header) and try again.',
  },
  noSuchRecord: { fr: 'Aucun enregistrement public n’a cet identifiant.', en: 'No public record has this id.' },
  noSuchRoute: {
    fr: 'Cette adresse n’existe pas dans l’API : voir /api/openapi.json.',
    en: 'This address does not exist in the API: see /api/openapi.json.',
  },
});
