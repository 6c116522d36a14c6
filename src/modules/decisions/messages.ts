/** The module's site texts (menu, dashboard); each page's texts live beside its view. */
export const decisionsSiteMessages = {
  decisions: { fr: 'Délibération et décisions', en: 'Deliberation and decisions' },
  decisionsText: {
    fr: 'Combiner l’avis du jury et celui du panel citoyen, décider, notifier et publier les lauréats.',
    en: 'Combine the jury’s and the citizen panel’s opinions, decide, notify and publish the laureates.',
  },
};
