import { type CountMessage, defineMessages } from '../../core/i18n/i18n.js';

/** Texts of the public site. */
export const publicMessages = defineMessages({
  homeTitle: { fr: 'Accueil', en: 'Home' },
  heroTitle: {
    fr: 'Des initiatives citoyennes, accélérées par l’État',
    en: 'Citizen initiatives, accelerated by the State',
  },
  heroText: {
    fr: 'Associations, collectifs, entreprises engagées, agents publics : vous portez un projet d’intérêt général ? L’Accélérateur vous ouvre les portes de l’administration pendant plusieurs mois.',
    en: 'Associations, collectives, committed companies, public servants: do you run a public-interest project? The Accelerator opens the doors of the administration to you for several months.',
  },
  discoverProgramme: { fr: 'Découvrir le programme', en: 'Discover the programme' },
  readManifesto: { fr: 'Lire le manifeste', en: 'Read the manifesto' },
  openCallTitle: { fr: 'Appel à candidatures', en: 'Call for applications' },
  openCallUntil: { fr: 'Candidatures ouvertes jusqu’au {date}.', en: 'Applications open until {date}.' },
  openCallFrom: { fr: 'Candidatures du {start} au {end}.', en: 'Applications from {start} to {end}.' },
  seeSeason: { fr: 'Voir la saison et candidater', en: 'See the season and apply' },
  noOpenCall: {
    fr: 'Aucun appel à candidatures n’est ouvert en ce moment. Suivez nos actualités pour connaître la prochaine saison.',
    en: 'No call for applications is open at the moment. Follow our news to hear about the next season.',
  },
  latestNews: { fr: 'Dernières actualités', en: 'Latest news' },
  allNews: { fr: 'Toutes les actualités', en: 'All news' },
  newsTitle: { fr: 'Actualités', en: 'News' },
  newsIntro: {
    fr: 'Annonces, communiqués de presse et événements de l’Accélérateur.',
    en: 'Announcements, press releases and events of the Accelerator.',
  },
  newsEmpty: {
    fr: 'Aucune actualité ne correspond à votre recherche sur cette page.',
    en: 'No news item matches your search on this page.',
  },
  backToFirstPage: { fr: 'Revenir à la première page', en: 'Back to the first page' },
  filterCategories: { fr: 'Filtrer par catégorie', en: 'Filter by category' },
  filterTags: { fr: 'Filtrer par mot-clé', en: 'Filter by tag' },
  removeFilters: { fr: 'Retirer les filtres', en: 'Remove the filters' },
  activeFilter: { fr: 'Filtre actif : {name}', en: 'Active filter: {name}' },
  publishedOn: { fr: 'Publié le', en: 'Published on' },
  categories: { fr: 'Catégories', en: 'Categories' },
  tags: { fr: 'Mots-clés', en: 'Tags' },
  downloads: { fr: 'Documents à télécharger', en: 'Documents to download' },
  download: { fr: 'Télécharger', en: 'Download' },
  externalDocument: { fr: 'document externe', en: 'external document' },
  pressContact: { fr: 'Contact presse', en: 'Press contact' },
  feeds: { fr: 'S’abonner aux actualités', en: 'Subscribe to the news' },
  rssFeed: { fr: 'Flux RSS', en: 'RSS feed' },
  atomFeed: { fr: 'Flux Atom', en: 'Atom feed' },
  feedTitle: {
    fr: 'Actualités de l’Accélérateur d’initiatives citoyennes',
    en: 'News of the Citizen Initiatives Accelerator',
  },
  feedDescription: {
    fr: 'Annonces, communiqués de presse et événements de l’Accélérateur d’initiatives citoyennes.',
    en: 'Announcements, press releases and events of the Citizen Initiatives Accelerator.',
  },
  programmeTitle: { fr: 'Le programme', en: 'The programme' },
  calendarTitle: { fr: 'Calendrier des saisons', en: 'Season calendar' },
  noSeason: {
    fr: 'Le calendrier de la prochaine saison sera publié ici.',
    en: 'The calendar of the next season will be published here.',
  },
  criteriaTitle: { fr: 'Les critères de sélection', en: 'Selection criteria' },
  leversTitle: { fr: 'Les huit leviers d’accompagnement', en: 'The eight support levers' },
  manifestoTitle: { fr: 'Manifeste', en: 'Manifesto' },
  partnersTitle: { fr: 'Partenaires', en: 'Partners' },
  faqTitle: { fr: 'Questions fréquentes', en: 'Frequently asked questions' },
  siteMapTitle: { fr: 'Plan du site', en: 'Site map' },
  otherPages: { fr: 'Autres pages', en: 'Other pages' },
  mandatoryPages: { fr: 'Informations légales', en: 'Legal information' },
  frenchOnly: { fr: '', en: 'This text is only available in French.' },
  seasonState: { fr: 'État', en: 'State' },
  seasonOpen: { fr: 'Candidatures ouvertes', en: 'Applications open' },
  seasonUpcoming: { fr: 'À venir', en: 'Upcoming' },
  seasonClosed: { fr: 'Candidatures closes', en: 'Applications closed' },
  badPage: {
    fr: 'le numéro de page doit être un nombre entier positif.',
    en: 'the page number must be a positive whole number.',
  },
  badFilter: {
    fr: 'le filtre doit être un texte unique de 60 caractères au plus.',
    en: 'the filter must be a single text of at most 60 characters.',
  },
});

/** Texts of the State's mandatory pages. */
export const legalMessages = defineMessages({
  legalTitle: { fr: 'Mentions légales', en: 'Legal notice' },
  publisherTitle: { fr: 'Éditeur', en: 'Publisher' },
  publisherText: {
    fr: 'Ce site est édité par l’administration qui conduit le programme Accélérateur d’initiatives citoyennes. Le directeur de la publication est son responsable légal.',
    en: 'This site is published by the administration that runs the Citizen Initiatives Accelerator programme. The publication director is its legal head.',
  },
  hostTitle: { fr: 'Hébergement', en: 'Hosting' },
  hostText: {
    fr: 'Le site est hébergé sur une infrastructure publique ou chez un prestataire situé dans l’Union européenne, désigné par l’éditeur.',
    en: 'The site is hosted on public infrastructure or by a provider located in the European Union, chosen by the publisher.',
  },
  licenceTitle: { fr: 'Réutilisation des contenus', en: 'Reuse of content' },
  licenceText: {
    fr: 'Sauf mention contraire, les textes de ce site sont publiés sous licence Etalab 2.0 : vous pouvez les réutiliser en citant la source. Le code de la plateforme est un logiciel libre (licence MIT).',
    en: 'Unless stated otherwise, the texts of this site are published under the Etalab 2.0 licence: you may reuse them provided you cite the source. The platform’s code is free software (MIT licence).',
  },
  accessibilityTitle: { fr: 'Déclaration d’accessibilité', en: 'Accessibility statement' },
  accessibilityIntro: {
    fr: 'L’éditeur s’engage à rendre ce site accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique au site de l’Accélérateur d’initiatives citoyennes.',
    en: 'The publisher is committed to making this site accessible in accordance with article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to the Citizen Initiatives Accelerator site.',
  },
  complianceTitle: { fr: 'État de conformité', en: 'Compliance status' },
  complianceText: {
    fr: 'Ce site est non conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2 : aucun audit de conformité n’a encore été réalisé.',
    en: 'This site is not compliant with the French accessibility guidelines (RGAA), version 4.1.2: no compliance audit has been carried out yet.',
  },
  testsTitle: { fr: 'Résultats des tests', en: 'Test results' },
  testsText: {
    fr: 'En l’absence d’audit, aucun taux de conformité n’est publié. Les pages sont contrôlées automatiquement (axe-core) à chaque version du logiciel.',
    en: 'With no audit, no compliance rate is published. Pages are checked automatically (axe-core) for every version of the software.',
  },
  feedbackTitle: { fr: 'Retour d’information et contact', en: 'Feedback and contact' },
  feedbackText: {
    fr: 'Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’équipe du programme pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.',
    en: 'If you cannot access some content or a service, contact the programme team to be directed to an accessible alternative or to get the content in another form.',
  },
  remedyTitle: { fr: 'Voies de recours', en: 'Remedies' },
  remedyText: {
    fr: 'Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une fonctionnalité, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de saisir le Défenseur des droits :',
    en: 'If you notice an accessibility defect that prevents you from accessing content or a feature, you report it to us and you do not get an answer, you are entitled to refer the matter to the Défenseur des droits (French rights ombudsman):',
  },
  remedyForm: {
    fr: 'écrire un message au Défenseur des droits (formulaire en ligne)',
    en: 'write to the Défenseur des droits (online form)',
  },
  remedyDelegate: {
    fr: 'contacter le délégué du Défenseur des droits dans votre région',
    en: 'contact the Défenseur des droits’ delegate in your region',
  },
  remedyMail: {
    fr: 'envoyer un courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
    en: 'send a free letter, no stamp needed: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
  },
  privacyTitle: { fr: 'Données personnelles et cookies', en: 'Personal data and cookies' },
  privacyIntro: {
    fr: 'Nous ne collectons que les données nécessaires au programme : votre adresse électronique pour vous connecter, et ce que vous saisissez dans vos candidatures et contributions. Vous pouvez à tout moment exporter ou supprimer vos données depuis votre espace.',
    en: 'We only collect the data the programme needs: your email address to sign in, and what you enter in your applications and contributions. You may export or erase your data at any time from your space.',
  },
  rightsTitle: { fr: 'Vos droits', en: 'Your rights' },
  rightsText: {
    fr: 'Conformément au règlement général sur la protection des données (RGPD), vous disposez d’un droit d’accès, de rectification, d’effacement, de limitation et d’opposition. Vous pouvez aussi adresser une réclamation à la CNIL.',
    en: 'Under the General Data Protection Regulation (GDPR), you have the right of access, rectification, erasure, restriction and objection. You may also lodge a complaint with the CNIL.',
  },
  cookiesTitle: { fr: 'Cookies', en: 'Cookies' },
  cookiesText: {
    fr: 'Ce site ne dépose que des cookies strictement nécessaires à son fonctionnement ; ils sont exemptés de consentement. Aucun cookie de mesure d’audience ni de publicité n’est utilisé.',
    en: 'This site only sets cookies that are strictly necessary for it to work; they do not require consent. No audience measurement or advertising cookie is used.',
  },
  cookieName: { fr: 'Cookie', en: 'Cookie' },
  cookiePurpose: { fr: 'Finalité', en: 'Purpose' },
  cookieLifetime: { fr: 'Durée', en: 'Lifetime' },
  cookieSession: { fr: 'Garde votre session ouverte une fois connecté.', en: 'Keeps you signed in.' },
  cookieSessionLife: { fr: '12 heures au plus', en: '12 hours at most' },
  cookieCsrf: {
    fr: 'Protège les formulaires contre les envois depuis un autre site.',
    en: 'Protects forms against submissions from another site.',
  },
  cookieCsrfLife: { fr: 'Durée de la visite', en: 'Length of the visit' },
  cookieLang: {
    fr: 'Retient la langue choisie (français ou anglais).',
    en: 'Remembers the chosen language (French or English).',
  },
  cookieLangLife: { fr: '1 an', en: '1 year' },
  moreInformation: { fr: 'Informations complémentaires', en: 'Further information' },
});

/** Texts of the staff CMS. */
export const adminMessages = defineMessages({
  contentsTitle: { fr: 'Contenus du site', en: 'Site content' },
  administration: { fr: 'Administration', en: 'Administration' },
  pagesTitle: { fr: 'Pages', en: 'Pages' },
  newsTitle: { fr: 'Actualités', en: 'News' },
  newPage: { fr: 'Créer une page', en: 'Create a page' },
  newNews: { fr: 'Créer une actualité', en: 'Create a news item' },
  editPage: { fr: 'Modifier la page « {title} »', en: 'Edit the page “{title}”' },
  editNews: { fr: 'Modifier l’actualité « {title} »', en: 'Edit the news item “{title}”' },
  noPages: { fr: 'Aucune page pour l’instant.', en: 'No page yet.' },
  noNews: { fr: 'Aucune actualité pour l’instant.', en: 'No news item yet.' },
  colTitle: { fr: 'Titre', en: 'Title' },
  colSlug: { fr: 'Adresse', en: 'Address' },
  colStatus: { fr: 'Statut', en: 'Status' },
  colUpdated: { fr: 'Mise à jour', en: 'Updated' },
  colPublished: { fr: 'Date de publication', en: 'Publication date' },
  colActions: { fr: 'Actions', en: 'Actions' },
  statusDraft: { fr: 'Brouillon', en: 'Draft' },
  statusPublished: { fr: 'Publié', en: 'Published' },
  edit: { fr: 'Modifier', en: 'Edit' },
  view: { fr: 'Voir sur le site', en: 'View on the site' },
  fieldTitle: { fr: 'Titre (français)', en: 'Title (French)' },
  fieldTitleEn: { fr: 'Titre (anglais)', en: 'Title (English)' },
  fieldSlug: { fr: 'Adresse (slug)', en: 'Address (slug)' },
  fieldSlugHint: {
    fr: 'Lettres minuscules, chiffres et tirets. Laissez vide pour la déduire du titre.',
    en: 'Lower-case letters, digits and hyphens. Leave empty to derive it from the title.',
  },
  fieldBody: { fr: 'Texte (français, Markdown)', en: 'Text (French, Markdown)' },
  fieldBodyEn: { fr: 'Texte (anglais, Markdown)', en: 'Text (English, Markdown)' },
  fieldBodyHint: {
    fr: 'Syntaxe Markdown : ## pour un intertitre, **gras**, [lien](https://…), listes avec -.',
    en: 'Markdown syntax: ## for a heading, **bold**, [link](https://…), lists with -.',
  },
  fieldChapeau: { fr: 'Chapeau (français)', en: 'Lead paragraph (French)' },
  fieldChapeauEn: { fr: 'Chapeau (anglais)', en: 'Lead paragraph (English)' },
  fieldDate: { fr: 'Date de publication', en: 'Publication date' },
  fieldDateHint: {
    fr: 'Format AAAA-MM-JJ. Laissez vide pour aujourd’hui.',
    en: 'Format YYYY-MM-DD. Leave empty for today.',
  },
  fieldCategories: { fr: 'Catégories', en: 'Categories' },
  fieldTags: { fr: 'Mots-clés', en: 'Tags' },
  fieldListHint: {
    fr: 'Séparées par des virgules, par exemple : Actualité, Événement',
    en: 'Separated by commas, e.g.: Actualité, Événement',
  },
  fieldImageUrl: { fr: 'Image : adresse', en: 'Image: address' },
  fieldImageUrlHint: {
    fr: 'https://… ou une adresse du site (/fichiers/…) : copiez celle d’une image téléversée ci-dessous.',
    en: 'https://… or a site path (/fichiers/…): copy the one of an image uploaded below.',
  },
  fieldImageAlt: { fr: 'Image : texte alternatif', en: 'Image: alternative text' },
  fieldImageAltHint: {
    fr: 'Décrit l’image pour les personnes qui ne la voient pas.',
    en: 'Describes the image for people who cannot see it.',
  },
  pressContactLegend: { fr: 'Contact presse (facultatif)', en: 'Press contact (optional)' },
  fieldPressName: { fr: 'Nom', en: 'Name' },
  fieldPressOrganisation: { fr: 'Organisation', en: 'Organisation' },
  fieldPressEmail: { fr: 'Adresse électronique', en: 'Email address' },
  fieldPressPhone: { fr: 'Téléphone', en: 'Phone' },
  preview: { fr: 'Prévisualiser', en: 'Preview' },
  save: { fr: 'Enregistrer', en: 'Save' },
  publish: { fr: 'Publier', en: 'Publish' },
  unpublish: { fr: 'Dépublier', en: 'Unpublish' },
  previewTitle: { fr: 'Aperçu (non enregistré)', en: 'Preview (not saved)' },
  previewEnglish: { fr: 'Aperçu de la version anglaise', en: 'Preview of the English version' },
  saved: { fr: 'Les modifications ont été enregistrées.', en: 'The changes have been saved.' },
  published: { fr: 'Le contenu est publié sur le site.', en: 'The content is published on the site.' },
  unpublished: {
    fr: 'Le contenu est retiré du site (brouillon).',
    en: 'The content has been taken off the site (draft).',
  },
  fileAdded: { fr: 'Le fichier a été ajouté.', en: 'The file has been added.' },
  fileDeleted: { fr: 'Le fichier a été supprimé.', en: 'The file has been deleted.' },
  slugTaken: {
    fr: 'Cette adresse est déjà utilisée par un autre contenu. Choisissez-en une autre.',
    en: 'This address is already used by other content. Choose another one.',
  },
  listInvalid: {
    fr: 'Chaque élément doit faire 60 caractères au plus, 20 éléments au plus.',
    en: 'Each item must be at most 60 characters, 20 items at most.',
  },
  phoneInvalid: {
    fr: 'Saisissez un numéro de téléphone, par exemple 01 23 45 67 89.',
    en: 'Enter a phone number, e.g. +33 1 23 45 67 89.',
  },
  altRequired: {
    fr: 'Décrivez l’image : le texte alternatif est obligatoire quand une image est indiquée.',
    en: 'Describe the image: the alternative text is required when an image is given.',
  },
  attachmentsTitle: { fr: 'Fichiers joints', en: 'Attached files' },
  noAttachments: { fr: 'Aucun fichier joint.', en: 'No attached file.' },
  uploadTitle: { fr: 'Ajouter un fichier', en: 'Add a file' },
  fieldFileLabel: { fr: 'Intitulé du lien', en: 'Link text' },
  fieldFileLabelHint: { fr: 'Laissez vide pour reprendre le nom du fichier.', en: 'Leave empty to use the file name.' },
  fieldFile: { fr: 'Fichier', en: 'File' },
  fieldFileHint: {
    fr: 'Images PNG, JPEG ou WebP, ou document PDF. 10 Mo au plus.',
    en: 'PNG, JPEG or WebP images, or a PDF document. 10 MB at most.',
  },
  upload: { fr: 'Téléverser', en: 'Upload' },
  deleteFile: { fr: 'Supprimer', en: 'Delete' },
  deleteFileTitle: { fr: 'Supprimer le fichier « {label} »', en: 'Delete the file “{label}”' },
  fileRequired: { fr: 'Choisissez un fichier à envoyer.', en: 'Choose a file to send.' },
  fileTypeRefused: {
    fr: 'Ce fichier n’est ni une image PNG, JPEG ou WebP ni un PDF (son contenu a été vérifié, pas seulement son nom).',
    en: 'This file is neither a PNG, JPEG or WebP image nor a PDF (its content was checked, not only its name).',
  },
  fileTooLarge: {
    fr: 'Le fichier dépasse 10 Mo. Réduisez sa taille puis envoyez-le à nouveau.',
    en: 'The file exceeds 10 MB. Reduce its size and send it again.',
  },
  deleteFileConfirm: { fr: 'Supprimer définitivement ce fichier ?', en: 'Delete this file permanently?' },
  fileAddress: { fr: 'Adresse', en: 'Address' },
  fileType: { fr: 'Type', en: 'Type' },
  fileSize: { fr: 'Taille', en: 'Size' },
  backToList: { fr: 'Retour à la liste des contenus', en: 'Back to the content list' },
  createFirst: {
    fr: 'Enregistrez l’actualité pour pouvoir y joindre des fichiers.',
    en: 'Save the news item to be able to attach files.',
  },
  englishFields: { fr: 'Version anglaise (facultative)', en: 'English version (optional)' },
});

/** Labels of what this module adds to the shared pages (menu, header, site map, dashboard): see index.ts. */
export const contentSiteMessages = defineMessages({
  navProgramme: { fr: 'Le programme', en: 'The programme' },
  navManifesto: { fr: 'Manifeste', en: 'Manifesto' },
  navNews: { fr: 'Actualités', en: 'News' },
  navPartners: { fr: 'Partenaires', en: 'Partners' },
  navFaq: { fr: 'Questions fréquentes', en: 'FAQ' },
  contents: { fr: 'Contenus', en: 'Contents' },
  contentsText: {
    fr: 'Pages, actualités, communiqués et fichiers du site public.',
    en: 'Pages, news, press releases and files of the public site.',
  },
});

/** Counts in the locale's plural form (`tCount`): never "(s)". */
export const contentCounts = {
  newsCount: {
    one: { fr: '{n} actualité', en: '{n} news item' },
    other: { fr: '{n} actualités', en: '{n} news items' },
  },
} satisfies Record<string, CountMessage>;
