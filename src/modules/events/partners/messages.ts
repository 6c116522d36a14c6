import { defineMessages } from '../../../core/i18n/i18n.js';

export const partnerMessages = defineMessages({
  // Public page.
  navPartners: { fr: 'Partenaires', en: 'Partners' },
  home: { fr: 'Accueil', en: 'Home' },
  publicTitle: { fr: 'Partenaires', en: 'Partners' },
  publicLead: {
    fr: 'Les administrations, associations, entreprises et fondations qui accompagnent le programme, saison après saison.',
    en: 'The administrations, associations, companies and foundations that support the programme, season after season.',
  },
  filterSeason: { fr: 'Saison', en: 'Season' },
  allSeasons: { fr: 'Toutes les saisons', en: 'All seasons' },
  filterButton: { fr: 'Filtrer', en: 'Filter' },
  unknownSeasonFilter: {
    fr: 'Cette saison n’existe pas : voici les partenaires de toutes les saisons.',
    en: 'This season does not exist: here are the partners of every season.',
  },
  noPartners: { fr: 'Aucun partenaire pour le moment.', en: 'No partners yet.' },
  noPartnersForSeason: {
    fr: 'Aucun partenaire pour cette saison.',
    en: 'No partners for this season.',
  },
  everySeason: { fr: 'Toutes les saisons', en: 'Every season' },
  website: { fr: 'Site web', en: 'Website' },
  websiteTitle: { fr: 'Site web – {name} - nouvelle fenêtre', en: 'Website – {name} - new window' },
  partnerCountOne: { fr: '{n} partenaire', en: '{n} partner' },
  partnerCountOther: { fr: '{n} partenaires', en: '{n} partners' },

  // Kinds, as a group heading and as a label.
  kindAdministration: { fr: 'Administrations', en: 'Administrations' },
  kindAssociation: { fr: 'Associations', en: 'Associations' },
  kindCompany: { fr: 'Entreprises', en: 'Companies' },
  kindFoundation: { fr: 'Fondations', en: 'Foundations' },
  kindAdministrationOne: { fr: 'Administration', en: 'Administration' },
  kindAssociationOne: { fr: 'Association', en: 'Association' },
  kindCompanyOne: { fr: 'Entreprise', en: 'Company' },
  kindFoundationOne: { fr: 'Fondation', en: 'Foundation' },

  // Staff.
  administration: { fr: 'Administration', en: 'Administration' },
  staffTitle: { fr: 'Partenaires', en: 'Partners' },
  staffTileText: {
    fr: 'Ajouter, ordonner et publier les partenaires de la page publique.',
    en: 'Add, order and publish the partners of the public page.',
  },
  staffLead: {
    fr: 'Seuls les partenaires publiés paraissent sur la page publique, par catégorie, dans l’ordre de cette liste.',
    en: 'Only published partners appear on the public page, by kind, in the order of this list.',
  },
  newPartner: { fr: 'Ajouter un partenaire', en: 'Add a partner' },
  seePublicPage: { fr: 'Voir la page publique', en: 'See the public page' },
  tableCaption: { fr: 'Partenaires, dans l’ordre de la page publique', en: 'Partners, in the public page’s order' },
  colOrder: { fr: 'Ordre', en: 'Order' },
  colName: { fr: 'Nom', en: 'Name' },
  colKind: { fr: 'Catégorie', en: 'Kind' },
  colLogo: { fr: 'Logo', en: 'Logo' },
  colState: { fr: 'État', en: 'State' },
  colActions: { fr: 'Actions', en: 'Actions' },
  published: { fr: 'Publié', en: 'Published' },
  unpublished: { fr: 'Non publié', en: 'Not published' },
  withLogo: { fr: 'Oui', en: 'Yes' },
  withoutLogo: { fr: 'Non', en: 'No' },
  moveUp: { fr: 'Monter', en: 'Move up' },
  moveDown: { fr: 'Descendre', en: 'Move down' },
  moveUpNamed: { fr: 'Monter {name}', en: 'Move {name} up' },
  moveDownNamed: { fr: 'Descendre {name}', en: 'Move {name} down' },
  edit: { fr: 'Modifier', en: 'Edit' },
  editNamed: { fr: 'Modifier {name}', en: 'Edit {name}' },
  publish: { fr: 'Publier', en: 'Publish' },
  unpublish: { fr: 'Dépublier', en: 'Unpublish' },
  publishNamed: { fr: 'Publier {name}', en: 'Publish {name}' },
  unpublishNamed: { fr: 'Dépublier {name}', en: 'Unpublish {name}' },
  delete: { fr: 'Supprimer', en: 'Delete' },
  deleteNamed: { fr: 'Supprimer {name}', en: 'Delete {name}' },
  none: { fr: 'Aucun partenaire. Ajoutez le premier.', en: 'No partners. Add the first one.' },
  createdNotice: { fr: 'Partenaire ajouté.', en: 'Partner added.' },
  savedNotice: { fr: 'Partenaire enregistré.', en: 'Partner saved.' },
  publishedNotice: { fr: 'Partenaire publié.', en: 'Partner published.' },
  unpublishedNotice: { fr: 'Partenaire dépublié.', en: 'Partner unpublished.' },
  deletedNotice: { fr: 'Partenaire supprimé.', en: 'Partner deleted.' },
  movedNotice: { fr: 'Ordre enregistré.', en: 'Order saved.' },

  // Form.
  newTitle: { fr: 'Ajouter un partenaire', en: 'Add a partner' },
  editTitle: { fr: 'Modifier {name}', en: 'Edit {name}' },
  requiredHint: { fr: 'Les champs marqués d’un * sont obligatoires.', en: 'Fields marked * are required.' },
  fieldName: { fr: 'Nom', en: 'Name' },
  fieldKind: { fr: 'Catégorie', en: 'Kind' },
  fieldDescription: { fr: 'Description (français)', en: 'Description (French)' },
  fieldDescriptionEn: { fr: 'Description (anglais)', en: 'Description (English)' },
  fieldDescriptionHint: { fr: 'Texte simple, {max} caractères au plus.', en: 'Plain text, {max} characters at most.' },
  fieldWebsite: { fr: 'Site web', en: 'Website' },
  fieldWebsiteHint: {
    fr: 'Adresse complète commençant par https:// (ou http://).',
    en: 'Full address starting with https:// (or http://).',
  },
  fieldLogo: { fr: 'Logo', en: 'Logo' },
  fieldLogoHint: {
    fr: 'Image PNG, JPEG ou WebP, {max} au plus. Le SVG n’est pas accepté.',
    en: 'PNG, JPEG or WebP image, {max} at most. SVG is not accepted.',
  },
  fieldLogoReplaceHint: {
    fr: 'Choisissez une image pour remplacer le logo actuel : PNG, JPEG ou WebP, {max} au plus. Le SVG n’est pas accepté.',
    en: 'Choose an image to replace the current logo: PNG, JPEG or WebP, {max} at most. SVG is not accepted.',
  },
  currentLogo: { fr: 'Logo actuel', en: 'Current logo' },
  removeLogo: { fr: 'Retirer le logo', en: 'Remove the logo' },
  fieldLogoAlt: { fr: 'Texte alternatif du logo', en: 'Logo’s text alternative' },
  fieldLogoAltHint: {
    fr: 'Obligatoire avec un logo : ce que le logo dit, en général le nom du partenaire.',
    en: 'Required with a logo: what the logo says, usually the partner’s name.',
  },
  fieldSeasons: { fr: 'Saisons', en: 'Seasons' },
  fieldSeasonsHint: {
    fr: 'Les saisons auxquelles le partenaire a pris part. Aucune cochée : toutes les saisons.',
    en: 'The seasons the partner took part in. None ticked: every season.',
  },
  noSeasonsYet: { fr: 'Aucune saison pour le moment.', en: 'No seasons yet.' },
  fieldPublished: { fr: 'Publier sur la page publique', en: 'Publish on the public page' },
  save: { fr: 'Enregistrer', en: 'Save' },
  create: { fr: 'Ajouter', en: 'Add' },
  cancel: { fr: 'Annuler', en: 'Cancel' },

  // Errors.
  errWebsite: {
    fr: 'Saisissez une adresse web complète commençant par https:// ou http://, par exemple https://exemple.fr.',
    en: 'Enter a full web address starting with https:// or http://, e.g. https://example.org.',
  },
  errLogoType: {
    fr: 'Ce fichier n’est pas une image PNG, JPEG ou WebP (le SVG n’est pas accepté).',
    en: 'This file is not a PNG, JPEG or WebP image (SVG is not accepted).',
  },
  errLogoTooLarge: { fr: 'Le logo ne doit pas dépasser {max}.', en: 'The logo must not exceed {max}.' },
  errLogoAlt: {
    fr: 'Décrivez le logo : ce texte est lu à la place de l’image.',
    en: 'Describe the logo: this text is read in place of the image.',
  },
  errLogoResend: {
    fr: 'Le logo choisi n’a pas été enregistré : choisissez-le à nouveau une fois les autres champs corrigés.',
    en: 'The logo chosen was not saved: choose it again once the other fields are corrected.',
  },
  errNameTaken: { fr: 'Un partenaire porte déjà ce nom.', en: 'A partner already has this name.' },
  errSeasons: { fr: 'Choisissez parmi les saisons proposées.', en: 'Choose among the seasons offered.' },
  errStale: {
    fr: 'Quelqu’un a modifié ce partenaire pendant que vous le modifiiez. Voici vos changements : vérifiez-les au regard de la version actuelle, puis enregistrez à nouveau.',
    en: 'Someone changed this partner while you were editing it. Here are your changes: check them against the current version, then save again.',
  },
  currentVersion: { fr: 'Version actuelle : {name}.', en: 'Current version: {name}.' },

  // Deleting.
  deleteTitle: { fr: 'Supprimer {name}', en: 'Delete {name}' },
  deleteQuestion: {
    fr: 'Supprimer le partenaire « {name} » et son logo ? Il disparaîtra de la page publique. Cette action est définitive.',
    en: 'Delete the partner “{name}” and its logo? It will disappear from the public page. This cannot be undone.',
  },
  confirmDelete: { fr: 'Supprimer définitivement', en: 'Delete for good' },
});
