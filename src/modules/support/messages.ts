import { type CountMessage, defineMessages } from '../../core/i18n/i18n.js';

/** The module's site texts (menu, dashboard, the tabs of a laureate space); each page's texts live beside its view. */
export const supportSiteMessages = defineMessages({
  support: { fr: 'Accompagnement des lauréats', en: 'Laureates’ support' },
  supportText: {
    fr: 'Plans d’accompagnement, jalons, séances, mises en relation et suivi de chaque lauréat.',
    en: 'Support plans, milestones, sessions, introductions and the follow-up of each laureate.',
  },
  contacts: { fr: 'Annuaire des contacts de l’administration', en: 'Directory of administration contacts' },
  contactsText: {
    fr: 'Les interlocuteurs des administrations à qui présenter les lauréats.',
    en: 'The people in administrations to introduce laureates to.',
  },
  introductions: { fr: 'Demandes de mise en relation', en: 'Introduction requests' },
  introductionsText: {
    fr: 'Les mises en relation que les lauréats demandent, à faire ou à décliner.',
    en: 'The introductions laureates ask for, to make or to decline.',
  },
  mySpace: { fr: 'Mon espace lauréat', en: 'My laureate space' },
  tabOverview: { fr: 'Plan d’accompagnement', en: 'Support plan' },
  tabMilestones: { fr: 'Jalons et livrables', en: 'Milestones and deliverables' },
  tabSessions: { fr: 'Séances', en: 'Sessions' },
  tabIntroductions: { fr: 'Mises en relation', en: 'Introductions' },
  tabTimeline: { fr: 'Fil de suivi', en: 'Timeline' },
  tabGrant: { fr: 'Subvention', en: 'Grant' },
  tabImpact: { fr: 'Impact', en: 'Impact' },
  spaceNav: { fr: 'Rubriques de l’espace lauréat', en: 'Sections of the laureate space' },
  administration: { fr: 'Administration', en: 'Administration' },
});

/** The dashboard tiles' counts, in the plural form their number takes (tCount). */
export const supportCounts = {
  milestonesToReview: {
    one: { fr: '{n} jalon à valider', en: '{n} milestone to review' },
    other: { fr: '{n} jalons à valider', en: '{n} milestones to review' },
  },
  openRequests: {
    one: { fr: '{n} demande en attente', en: '{n} waiting request' },
    other: { fr: '{n} demandes en attente', en: '{n} waiting requests' },
  },
} satisfies Record<string, CountMessage>;
