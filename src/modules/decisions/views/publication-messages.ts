import { type CountMessage, defineMessages } from '../../../core/i18n/i18n.js';

/** Texts of the staff publication pages (FR first, EN). */
export const publicationMessages = defineMessages({
  administration: { fr: 'Administration', en: 'Administration' },
  decisions: { fr: 'Délibération et décisions', en: 'Deliberation and decisions' },
  title: { fr: 'Publication des lauréats — {season}', en: 'Publishing the laureates — {season}' },
  crumb: { fr: 'Publication', en: 'Publication' },
  confirmTitle: { fr: 'Confirmer la publication — {season}', en: 'Confirm the publication — {season}' },
  confirmCrumb: { fr: 'Confirmation', en: 'Confirmation' },
  noDeliberation: {
    fr: 'Cette saison n’a pas encore de délibération.',
    en: 'This season has no deliberation yet.',
  },
  notClosed: {
    fr: 'La publication sera possible une fois la délibération close.',
    en: 'Publication will be possible once the deliberation is closed.',
  },
  notClosedTitle: { fr: 'Délibération en cours', en: 'Deliberation in progress' },
  notPublished: {
    fr: 'Les décisions ne sont pas encore publiées.',
    en: 'The decisions are not published yet.',
  },
  published: {
    fr: 'Décisions publiées le {at}. Les lauréats apparaissent sur le site public à partir du {from} (heure de Paris).',
    en: 'Decisions published on {at}. The laureates appear on the public site from {from} (Paris time).',
  },
  publishedVisible: {
    fr: 'Décisions publiées le {at}. Les lauréats sont visibles sur le site public depuis le {from}.',
    en: 'Decisions published on {at}. The laureates have been visible on the public site since {from}.',
  },
  who: {
    fr: 'Lauréats publiés : les décisions « lauréat » confirmées et celles dont la confirmation est en attente ; un lauréat qui décline ou laisse passer le délai est retiré, son remplaçant ajouté.',
    en: 'Laureates published: “laureate” decisions confirmed and those awaiting confirmation; a laureate who declines or lets the deadline pass is removed, their replacement added.',
  },
  noLaureates: { fr: 'Aucun lauréat à publier.', en: 'No laureate to publish.' },
  publishAt: { fr: 'Date et heure de publication (embargo)', en: 'Publication date and time (embargo)' },
  publishAtHint: {
    fr: 'Heure de Paris. Laissez vide pour montrer les lauréats dès la publication.',
    en: 'Paris time. Leave empty to show the laureates as soon as they are published.',
  },
  dateTimeInvalid: {
    fr: 'Saisissez une date et une heure valides, par exemple 2026-06-15T10:00.',
    en: 'Enter a valid date and time, e.g. 2026-06-15T10:00.',
  },
  summary: { fr: 'Résumé public (français)', en: 'Public summary (French)' },
  summaryEn: { fr: 'Résumé public (anglais)', en: 'Public summary (English)' },
  summaryHint: {
    fr: 'Prérempli avec le résumé de la candidature ; il sera lu par le public.',
    en: 'Prefilled with the application’s summary; the public will read it.',
  },
  confirmed: { fr: 'Acceptation confirmée', en: 'Acceptance confirmed' },
  pending: { fr: 'Confirmation en attente', en: 'Confirmation pending' },
  organisation: { fr: 'Structure : {name}', en: 'Organisation: {name}' },
  track: { fr: 'Parcours : {name}', en: 'Track: {name}' },
  website: { fr: 'Site : {url}', en: 'Website: {url}' },
  save: { fr: 'Enregistrer les textes et la date', en: 'Save the texts and the date' },
  toConfirm: { fr: 'Publier toutes les décisions…', en: 'Publish all decisions…' },
  saved: { fr: 'Textes et date enregistrés.', en: 'Texts and date saved.' },
  publishedNotice: { fr: 'Toutes les décisions sont publiées.', en: 'All decisions are published.' },
  confirmNow: {
    fr: 'Aucune date d’embargo n’est fixée, ou elle est passée : les lauréats apparaîtront dès maintenant.',
    en: 'No embargo date is set, or it has passed: the laureates will appear right away.',
  },
  again: {
    fr: 'Les décisions ont déjà été publiées : publier de nouveau met à jour les lauréats publiés, sans doublon.',
    en: 'The decisions were already published: publishing again updates the published laureates, with no duplicate.',
  },
  project: { fr: 'Projet', en: 'Project' },
  organisationColumn: { fr: 'Structure', en: 'Organisation' },
  trackColumn: { fr: 'Parcours', en: 'Track' },
  confirmationColumn: { fr: 'Confirmation', en: 'Confirmation' },
  tableCaption: { fr: 'Lauréats à publier', en: 'Laureates to publish' },
  pressRelease: {
    fr: 'Créer un brouillon de communiqué de presse avec la liste des lauréats',
    en: 'Create a draft press release with the list of laureates',
  },
  pressReleaseHint: {
    fr: 'Il est créé non publié dans les contenus du site ; vous le relisez et le publiez depuis les contenus.',
    en: 'It is created unpublished in the site’s content; you review and publish it from the content pages.',
  },
  publish: { fr: 'Publier toutes les décisions', en: 'Publish all decisions' },
  back: { fr: 'Revenir sans publier', en: 'Go back without publishing' },
  pressReleaseCreated: {
    fr: 'Un brouillon de communiqué de presse a été créé : {title}.',
    en: 'A draft press release was created: {title}.',
  },
  openPressRelease: { fr: 'Ouvrir le brouillon du communiqué', en: 'Open the draft press release' },
});

/** Counts in the locale's plural form (`tCount`): never "(s)". */
export const publicationCounts = {
  /** Said only when there is at least one laureate to publish. */
  confirmIntro: {
    one: {
      fr: 'Vous allez publier le lauréat ci-dessous. Il apparaîtra sur la page publique des lauréats et sur la page de la saison à partir du {from} (heure de Paris).',
      en: 'You are about to publish the laureate below. It will appear on the public laureates page and on the season’s page from {from} (Paris time).',
    },
    other: {
      fr: 'Vous allez publier en une seule fois les {n} lauréats ci-dessous. Ils apparaîtront sur la page publique des lauréats et sur la page de la saison à partir du {from} (heure de Paris).',
      en: 'You are about to publish the {n} laureates below all at once. They will appear on the public laureates page and on the season’s page from {from} (Paris time).',
    },
  },
} satisfies Record<string, CountMessage>;
