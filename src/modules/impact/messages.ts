import { defineMessages } from '../../core/i18n/i18n.js';

/** The module's site texts (menu, dashboard); each page's texts live beside its view. */
export const impactSiteMessages = defineMessages({
  impact: { fr: 'Impact', en: 'Impact' },
  staffText: {
    fr: 'Indicateurs des lauréats, valeurs à valider, témoignages et bilan de saison.',
    en: 'Laureates’ indicators, values to approve, testimonies and the season report.',
  },
});
