/** One of the ways the State supports a laureate during the support period. */
export interface SupportLever {
  code: string;
  label: string;
  labelEn: string;
  description: string;
  descriptionEn: string;
}

/** The eight support levers of the programme. */
export const SUPPORT_LEVERS: readonly SupportLever[] = [
  {
    code: 'donnees-outils',
    label: 'Accès aux données et aux outils numériques de l’État',
    labelEn: 'Access to the State’s data and digital tools',
    description: 'Ouvrir les jeux de données, API et services numériques publics dont le projet a besoin.',
    descriptionEn: 'Opening up the public datasets, APIs and digital services the project needs.',
  },
  {
    code: 'coaching',
    label: 'Coaching et stratégie de croissance',
    labelEn: 'Coaching and growth strategy',
    description: 'Des séances avec des coachs pour clarifier le modèle, les priorités et le changement d’échelle.',
    descriptionEn: 'Sessions with coaches to clarify the model, the priorities and how to scale.',
  },
  {
    code: 'mises-en-relation',
    label: 'Mise en relation avec les bons interlocuteurs de l’administration',
    labelEn: 'Introductions to the right contacts in the administration',
    description: 'Trouver la bonne porte au bon niveau, dans les ministères comme dans les services locaux.',
    descriptionEn: 'Finding the right door at the right level, in ministries and local services alike.',
  },
  {
    code: 'financement-juridique',
    label: 'Financement et montage juridique',
    labelEn: 'Funding and legal set-up',
    description: 'Subventions, recherche de financements et conseils sur la structure juridique.',
    descriptionEn: 'Grants, fundraising leads and advice on the legal structure.',
  },
  {
    code: 'conformite',
    label: 'Conformité technique et protection des données',
    labelEn: 'Technical compliance and data protection',
    description: 'Sécurité, accessibilité, RGPD : se mettre en règle avec l’aide d’experts publics.',
    descriptionEn: 'Security, accessibility, GDPR: getting compliant with help from public experts.',
  },
  {
    code: 'reseaux',
    label: 'Mise en réseau avec les lieux et communautés d’innovation',
    labelEn: 'Networking with innovation places and communities',
    description: 'Rencontrer laboratoires d’innovation, incubateurs et communautés qui partagent la même cause.',
    descriptionEn: 'Meeting innovation labs, incubators and communities working on the same cause.',
  },
  {
    code: 'experimentations',
    label: 'Expérimentations locales avec l’État',
    labelEn: 'Local experiments with the State',
    description: 'Tester le projet sur un territoire avec des services de l’État partenaires.',
    descriptionEn: 'Trying the project out in one area with partner State services.',
  },
  {
    code: 'valorisation',
    label: 'Promotion et valorisation',
    labelEn: 'Promotion',
    description: 'Faire connaître le projet : événements, communication publique, reconnaissance officielle.',
    descriptionEn: 'Making the project known: events, public communication, official recognition.',
  },
];

/** How a laureate's needs are read at the start of the support period. */
export interface SupportNeed {
  code: 'consolider' | 'integrer' | 'deployer';
  label: string;
  labelEn: string;
  description: string;
  descriptionEn: string;
}

export const SUPPORT_NEEDS: readonly SupportNeed[] = [
  {
    code: 'consolider',
    label: 'Consolider',
    labelEn: 'Consolidate',
    description: 'Solidifier les fondations du projet : gouvernance, modèle économique, processus internes.',
    descriptionEn: 'Strengthening the project’s foundations: governance, business model, internal processes.',
  },
  {
    code: 'integrer',
    label: 'Intégrer',
    labelEn: 'Integrate',
    description: 'Trouver sa place dans un écosystème ou auprès des administrations de référence du domaine.',
    descriptionEn: 'Finding a place in an ecosystem or with the administrations that lead the field.',
  },
  {
    code: 'deployer',
    label: 'Déployer',
    labelEn: 'Deploy',
    description: 'Passer à l’échelle : nouveaux territoires, nouveaux publics ou nouveaux secteurs.',
    descriptionEn: 'Scaling up: new areas, new audiences or new sectors.',
  },
];
