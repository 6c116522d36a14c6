/** A selection criterion as offered to staff when they set up a season (weights are editable). */
export interface CriterionTemplate {
  code: string;
  label: string;
  labelEn: string;
  description: string;
  descriptionEn: string;
  weight: number;
}

/** The five criteria the programme has used since its first season. */
export const DEFAULT_CRITERIA: readonly CriterionTemplate[] = [
  {
    code: 'interet-general',
    label: 'Objectif d’intérêt général',
    labelEn: 'General-interest objective',
    description: 'Le projet sert une cause collective et non l’intérêt particulier de ceux qui le portent.',
    descriptionEn: 'The project serves a shared cause, not the private interest of the people behind it.',
    weight: 1,
  },
  {
    code: 'impact',
    label: 'Impact pour toutes et tous',
    labelEn: 'Impact for all',
    description: 'Le projet peut bénéficier largement aux habitants, partout sur le territoire.',
    descriptionEn: 'The project can benefit many residents, anywhere in the country.',
    weight: 1,
  },
  {
    code: 'qualite',
    label: 'Qualité du projet',
    labelEn: 'Quality of the project',
    description: 'L’équipe, la méthode et la maturité du projet le rendent crédible et réalisable.',
    descriptionEn: 'The team, the method and the maturity of the project make it credible and feasible.',
    weight: 1,
  },
  {
    code: 'ouverture',
    label: 'Ouverture et transparence',
    labelEn: 'Openness and transparency',
    description: 'Le projet partage ses données, son code ou ses méthodes et rend compte de son fonctionnement.',
    descriptionEn: 'The project shares its data, code or methods and is open about how it works.',
    weight: 1,
  },
  {
    code: 'apport-administration',
    label: 'Intérêt de l’accompagnement par l’administration',
    labelEn: 'Value of the administration’s support',
    description: 'Le soutien de l’État peut lever un obstacle réel que le projet ne franchirait pas seul.',
    descriptionEn: 'The State’s support can remove a real obstacle the project could not overcome alone.',
    weight: 1,
  },
];

/** The two criteria added in season 2, when the programme focused on commons. */
export const SEASON2_EXTRA_CRITERIA: readonly CriterionTemplate[] = [
  {
    code: 'ressources-communes',
    label: 'Gestion ou préservation de ressources communes',
    labelEn: 'Manages or preserves common resources',
    description: 'Le projet entretient une ressource partagée : données ou logiciels ouverts, nature, savoirs.',
    descriptionEn: 'The project looks after a shared resource: open data or software, nature, knowledge.',
    weight: 1,
  },
  {
    code: 'probleme-public-majeur',
    label: 'Fort impact sur une problématique publique majeure',
    labelEn: 'High impact on a major public problem',
    description:
      'Le projet agit sur une priorité de l’action publique et peut changer la situation de façon mesurable.',
    descriptionEn: 'The project acts on a public-policy priority and can change the situation measurably.',
    weight: 1,
  },
];
