/**
 * The rubric a season starts with: for each criterion, what each level from 0 to 5 means. Written for
 * this project around the programme's five criteria; any other criterion gets the generic scale. Staff
 * change any level per season on the rubric page.
 */
export const RUBRIC_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type RubricLevel = (typeof RUBRIC_LEVELS)[number];

export interface LevelText {
  fr: string;
  en: string;
}

type Scale = readonly [LevelText, LevelText, LevelText, LevelText, LevelText, LevelText];

const GENERIC: Scale = [
  {
    fr: 'Absent : le dossier ne dit rien sur ce critère.',
    en: 'Absent: the application says nothing about this criterion.',
  },
  {
    fr: 'Très insuffisant : quelques mentions, sans éléments concrets.',
    en: 'Very weak: a few mentions, nothing concrete.',
  },
  {
    fr: 'Insuffisant : des éléments, mais peu convaincants ou incomplets.',
    en: 'Weak: some elements, unconvincing or incomplete.',
  },
  { fr: 'Correct : le critère est rempli sans plus.', en: 'Fair: the criterion is met, no more.' },
  { fr: 'Bon : le critère est bien rempli, avec des preuves.', en: 'Good: the criterion is well met, with evidence.' },
  {
    fr: 'Excellent : le dossier est exemplaire sur ce critère.',
    en: 'Excellent: the application is exemplary on this criterion.',
  },
];

const BY_CRITERION: Record<string, Scale> = {
  'interet-general': [
    {
      fr: 'Le projet sert surtout les intérêts de ses porteurs.',
      en: 'The project mainly serves the interests of its team.',
    },
    {
      fr: 'Une cause collective est évoquée, mais reste secondaire.',
      en: 'A shared cause is mentioned but stays secondary.',
    },
    {
      fr: 'La cause collective est réelle, mais son public est étroit ou mal défini.',
      en: 'The shared cause is real, but its public is narrow or unclear.',
    },
    {
      fr: 'Le projet poursuit clairement un but d’intérêt général.',
      en: 'The project clearly pursues a general-interest goal.',
    },
    {
      fr: 'But d’intérêt général clair, sans captation de la valeur par les porteurs.',
      en: 'A clear general-interest goal, with no capture of value by the team.',
    },
    {
      fr: 'L’intérêt général est au cœur du projet et garanti par sa gouvernance.',
      en: 'The general interest is at the heart of the project and secured by its governance.',
    },
  ],
  impact: [
    { fr: 'Aucun bénéfice identifiable pour les habitants.', en: 'No identifiable benefit for residents.' },
    { fr: 'Bénéfice limité à un très petit groupe.', en: 'Benefit limited to a very small group.' },
    { fr: 'Bénéfice local, difficile à étendre.', en: 'Local benefit, hard to extend.' },
    {
      fr: 'Bénéfice réel, extension possible à d’autres territoires.',
      en: 'Real benefit, could extend to other places.',
    },
    {
      fr: 'Impact mesuré et plan crédible pour toucher beaucoup plus de monde.',
      en: 'Measured impact and a credible plan to reach many more people.',
    },
    {
      fr: 'Impact large et mesuré, accessible à toutes et tous partout.',
      en: 'Wide, measured impact, open to everyone everywhere.',
    },
  ],
  qualite: [
    { fr: 'Projet au stade d’idée, sans équipe ni méthode.', en: 'An idea only, with no team or method.' },
    { fr: 'Équipe ou méthode très fragiles.', en: 'Very fragile team or method.' },
    {
      fr: 'Projet lancé, mais des risques importants restent sans réponse.',
      en: 'Started, but major risks are unanswered.',
    },
    { fr: 'Projet crédible, équipe et méthode adaptées.', en: 'Credible project, suitable team and method.' },
    {
      fr: 'Projet mûr, premiers résultats, risques identifiés et traités.',
      en: 'Mature project, first results, risks identified and handled.',
    },
    { fr: 'Projet solide et éprouvé, prêt à changer d’échelle.', en: 'Solid, proven project, ready to scale.' },
  ],
  ouverture: [
    { fr: 'Rien n’est partagé ; fonctionnement opaque.', en: 'Nothing is shared; opaque workings.' },
    { fr: 'Intentions d’ouverture sans réalisation.', en: 'Intentions of openness, nothing done.' },
    { fr: 'Une partie est partagée, sous des conditions restrictives.', en: 'Part is shared, on restrictive terms.' },
    {
      fr: 'Code, données ou méthodes partagés sous licence ouverte.',
      en: 'Code, data or methods shared under an open licence.',
    },
    {
      fr: 'Ressources ouvertes et documentées, gouvernance transparente.',
      en: 'Open, documented resources and transparent governance.',
    },
    {
      fr: 'Ouverture exemplaire : contributions extérieures accueillies, comptes rendus publics.',
      en: 'Exemplary openness: outside contributions welcome, public reporting.',
    },
  ],
  'apport-administration': [
    {
      fr: 'L’administration n’apporterait rien au projet.',
      en: 'The administration would bring nothing to the project.',
    },
    { fr: 'Apport vague, sans besoin précis.', en: 'A vague contribution, with no precise need.' },
    {
      fr: 'Besoin identifié, mais que d’autres acteurs couvriraient aussi bien.',
      en: 'A need others could meet just as well.',
    },
    { fr: 'Besoin précis auquel l’administration peut répondre.', en: 'A precise need the administration can meet.' },
    {
      fr: 'Le soutien de l’État lève un obstacle réel et nommé.',
      en: 'The State’s support removes a real, named obstacle.',
    },
    {
      fr: 'Sans l’administration le projet ne franchit pas l’étape suivante ; l’État y gagne aussi.',
      en: 'Without the administration the project cannot take its next step; the State gains too.',
    },
  ],
};

/** The default meaning of `level` for a criterion code (the generic scale for codes without their own). */
export function defaultLevelText(criterionCode: string, level: RubricLevel): LevelText {
  return (BY_CRITERION[criterionCode] ?? GENERIC)[level];
}
