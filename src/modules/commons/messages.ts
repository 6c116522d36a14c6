import { defineMessages } from '../../core/i18n/i18n.js';

/** The module's site texts (menu, dashboard, the cooperation space's sections); each page's texts live beside its view. */
export const commonsSiteMessages = defineMessages({
  cooperation: { fr: 'Espace de coopération', en: 'Cooperation space' },
  cooperationText: {
    fr: 'Administrations et communs numériques : cas d’usage, besoins, offres et expérimentations.',
    en: 'Administrations and digital commons: use cases, needs, offers and experiments.',
  },
  staffText: {
    fr: 'Modérer les communs, les administrations et leurs publications ; suivre les mises en contact.',
    en: 'Moderate commons, administrations and what they post; follow the contacts made.',
  },
  sectionsNav: { fr: 'Rubriques de l’espace de coopération', en: 'Sections of the cooperation space' },
  home: { fr: 'Accueil', en: 'Home' },
  commons: { fr: 'Communs numériques', en: 'Digital commons' },
  administrations: { fr: 'Administrations', en: 'Administrations' },
  useCases: { fr: 'Cas d’usage', en: 'Use cases' },
  needs: { fr: 'Besoins et offres', en: 'Needs and offers' },
  experiments: { fr: 'Expérimentations', en: 'Experiments' },
  mySpace: { fr: 'Mon espace de coopération', en: 'My cooperation space' },
  staffArea: { fr: 'Administration', en: 'Administration' },
  membersOnly: { fr: 'Visible des membres de l’espace', en: 'Visible to members of the space' },
});
