import { defineMessages } from '../../core/i18n/i18n.js';

/** The module's site texts (dashboard, site map); each page's texts live beside its view. */
export const grantsSiteMessages = defineMessages({
  grants: { fr: 'Subventions', en: 'Grants' },
  grantsText: {
    fr: 'Enveloppes, subventions des lauréats, conventions, versements et comptes rendus financiers.',
    en: 'Envelopes, the laureates’ grants, conventions, payments and financial reports.',
  },
});
