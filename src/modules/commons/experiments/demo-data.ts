import type {
  CommonsKind,
  CommonsMaturity,
  ContributionKind,
  NeedCategory,
  NeedKind,
  NeedOutcome,
  NeedSide,
  UseCaseStatus,
  Visibility,
} from '../tables.js';

/**
 * The cooperation space's demo, as data (demo.ts writes it): real digital commons described in the project's own
 * words, administrations with valid SIRETs (DINUM's is its real public one, the others are made up), demo
 * agents and maintainers, use cases at every status, needs and offers on both sides, contacts and experiments.
 * People are invented; their addresses are on the demo's domain. Keys tie the rows together.
 */

export const DEMO_COOPERATION_DOMAIN = 'cooperation.demo.accelerateur.localhost';
export const DINUM_SIRET = '13002526500013';

export interface DemoCommons {
  key: string;
  name: string;
  summary: string;
  description: string;
  website: string;
  repository: string | null;
  licence: string | null;
  kind: CommonsKind;
  maturity: CommonsMaturity;
  governance: string;
  governanceSiret?: string;
  categories: string[];
  keywords: string[];
  levers: string[];
  wikidata?: string;
  /** The title of the season-2 laureate it is, to link its laureate page (and make its team its maintainer). */
  laureate?: string;
  /** Person keys of its maintainers (the laureate's team owner is added when there is one). */
  maintainers: string[];
}

export const DEMO_COMMONS: DemoCommons[] = [
  {
    key: 'umap',
    name: 'uMap',
    summary:
      'Des cartes sur fond OpenStreetMap faites en quelques minutes, avec ses propres données, à intégrer dans un site.',
    description:
      'uMap permet à une personne sans compétence technique de dessiner une carte, d’y importer un tableau de points ou de tracés et de la partager par un simple lien. Beaucoup de collectivités s’en servent pour publier des cartes thématiques sans dépendre d’un service propriétaire.',
    website: 'https://umap.openstreetmap.fr',
    repository: 'https://github.com/umap-project/umap',
    licence: 'AGPL-3.0-or-later',
    kind: 'software',
    maturity: 'mature',
    governance: 'OpenStreetMap France et la communauté uMap',
    categories: ['cartographie'],
    keywords: ['carte', 'OpenStreetMap', 'données géographiques', 'intégration web'],
    levers: ['conformite', 'mises-en-relation'],
    laureate: 'uMap',
    maintainers: ['claire'],
  },
  {
    key: 'off',
    name: 'Open Food Facts',
    summary:
      'Une base ouverte et collaborative des produits alimentaires : composition, nutrition, emballages, origine.',
    description:
      'Des milliers de contributeurs photographient les étiquettes et complètent les fiches des produits vendus en magasin. La base est réutilisée par des applications grand public, des chercheurs et des services publics qui ont besoin de connaître ce que contiennent les aliments.',
    website: 'https://world.openfoodfacts.org',
    repository: 'https://github.com/openfoodfacts/openfoodfacts-server',
    licence: 'ODbL-1.0',
    kind: 'data',
    maturity: 'mature',
    governance: 'Association Open Food Facts',
    categories: ['alimentation', 'données ouvertes'],
    keywords: ['produits alimentaires', 'Nutri-Score', 'composition', 'base collaborative'],
    levers: ['donnees-outils', 'mises-en-relation', 'financement-juridique'],
    laureate: 'Open Food Facts',
    maintainers: ['ines'],
  },
  {
    key: 'pyronear',
    name: 'Pyronear',
    summary:
      'Des caméras et un logiciel ouverts qui repèrent les fumées de départs de feux de forêt et préviennent les secours.',
    description:
      'Pyronear assemble des détecteurs peu coûteux, posés sur des points hauts, et un modèle de vision qui reconnaît une fumée naissante. L’alerte arrive aux services d’incendie avec l’image, pour qu’un opérateur confirme et engage les moyens plus tôt.',
    website: 'https://pyronear.org',
    repository: 'https://github.com/pyronear/pyro-engine',
    licence: 'Apache-2.0',
    kind: 'hardware',
    maturity: 'prototype',
    governance: 'Association Pyronear',
    categories: ['sécurité civile', 'environnement'],
    keywords: ['feux de forêt', 'détection', 'caméra', 'vision par ordinateur'],
    levers: ['experimentations', 'financement-juridique', 'mises-en-relation'],
    laureate: 'Pyronear',
    maintainers: ['mathis'],
  },
  {
    key: 'primtux',
    name: 'Primtux',
    summary:
      'Un système libre pour l’école primaire, prêt à l’emploi, qui fait revivre les ordinateurs que l’on croyait trop vieux.',
    description:
      'Des enseignants rassemblent dans une distribution GNU/Linux légère les logiciels éducatifs dont ils se servent en classe, classés par cycle. Une école peut ainsi réemployer ses postes et offrir aux élèves un environnement simple, sans publicité ni compte à créer.',
    website: 'https://primtux.fr',
    repository: 'https://framagit.org/primtux',
    // A distribution gathering software under many free licences: no single SPDX identifier fits.
    licence: null,
    kind: 'software',
    maturity: 'production',
    governance: 'Association Primtux',
    categories: ['éducation'],
    keywords: ['école', 'distribution GNU/Linux', 'réemploi', 'logiciels éducatifs'],
    levers: ['experimentations', 'reseaux', 'valorisation'],
    laureate: 'Primtux',
    maintainers: ['olivier'],
  },
  {
    key: 'decidim',
    name: 'Decidim',
    summary:
      'Une plateforme de participation citoyenne : budgets participatifs, concertations, assemblées et pétitions.',
    description:
      'Decidim donne à une collectivité les outils d’une démarche participative complète, de la proposition à la décision, avec un suivi public de ce qui a été retenu. Le logiciel est gouverné par une association qui réunit villes, régions et communauté de développeurs.',
    website: 'https://decidim.org',
    repository: 'https://github.com/decidim/decidim',
    licence: 'AGPL-3.0-only',
    kind: 'software',
    maturity: 'mature',
    governance: 'Association Decidim',
    categories: ['participation citoyenne'],
    keywords: ['budget participatif', 'concertation', 'pétition', 'assemblée'],
    levers: ['reseaux', 'valorisation'],
    maintainers: ['lea'],
  },
  {
    key: 'osm',
    name: 'OpenStreetMap',
    summary: 'La carte du monde que ses contributeurs dessinent et mettent à jour, libre de réutilisation.',
    description:
      'OpenStreetMap est une base de données géographique construite par des bénévoles, des associations et de plus en plus d’administrations. Routes, bâtiments, commerces ou équipements publics y sont décrits et réutilisables par tous, à condition de partager les améliorations.',
    website: 'https://www.openstreetmap.org',
    repository: 'https://github.com/openstreetmap/openstreetmap-website',
    licence: 'ODbL-1.0',
    kind: 'data',
    maturity: 'mature',
    governance: 'Fondation OpenStreetMap',
    categories: ['cartographie', 'données ouvertes'],
    keywords: ['base de données géographique', 'contribution', 'voirie', 'équipements publics'],
    levers: ['donnees-outils', 'reseaux'],
    wikidata: 'Q936',
    maintainers: [],
  },
  {
    key: 'libreoffice',
    name: 'LibreOffice',
    summary:
      'Une suite bureautique libre : traitement de texte, tableur, présentations, au format ouvert OpenDocument.',
    description:
      'LibreOffice couvre les usages de bureautique courants d’un service, et lit comme écrit les formats des autres suites. Son format natif, OpenDocument, est celui que recommande le référentiel général d’interopérabilité.',
    website: 'https://www.libreoffice.org',
    repository: 'https://git.libreoffice.org/core',
    licence: 'MPL-2.0',
    kind: 'software',
    maturity: 'mature',
    governance: 'The Document Foundation',
    categories: ['bureautique'],
    keywords: ['traitement de texte', 'tableur', 'OpenDocument', 'présentation'],
    levers: ['reseaux'],
    wikidata: 'Q10135',
    maintainers: [],
  },
  {
    key: 'nextcloud',
    name: 'Nextcloud',
    summary: 'Partager et synchroniser des fichiers, des agendas et des contacts sur un serveur que l’on maîtrise.',
    description:
      'Nextcloud offre à une équipe un espace de fichiers partagé, des agendas et de l’édition en ligne, hébergés là où l’organisation le décide. Des administrations l’utilisent pour travailler entre services sans confier leurs documents à un tiers.',
    website: 'https://nextcloud.com',
    repository: 'https://github.com/nextcloud/server',
    licence: 'AGPL-3.0-or-later',
    kind: 'software',
    maturity: 'mature',
    governance: 'Nextcloud GmbH et sa communauté',
    categories: ['collaboration', 'stockage'],
    keywords: ['partage de fichiers', 'agenda', 'synchronisation', 'hébergement maîtrisé'],
    levers: ['conformite'],
    maintainers: [],
  },
  {
    key: 'moodle',
    name: 'Moodle',
    summary: 'Une plateforme d’apprentissage en ligne pour construire des cours, des parcours et des évaluations.',
    description:
      'Moodle sert à des universités, des écoles et des services de formation du monde entier à proposer des cours en ligne, suivre la progression des apprenants et organiser des classes. Son écosystème de modules permet de l’adapter à presque tous les dispositifs de formation.',
    website: 'https://moodle.org',
    repository: 'https://github.com/moodle/moodle',
    licence: 'GPL-3.0-or-later',
    kind: 'software',
    maturity: 'mature',
    governance: 'Moodle HQ et sa communauté',
    categories: ['éducation', 'formation'],
    keywords: ['plateforme d’apprentissage', 'cours en ligne', 'évaluation', 'formation continue'],
    levers: ['reseaux'],
    maintainers: [],
  },
  {
    key: 'hedgedoc',
    name: 'HedgeDoc',
    summary: 'Écrire à plusieurs, en même temps, des notes et des documents en Markdown, depuis un navigateur.',
    description:
      'HedgeDoc, autrefois CodiMD, ouvre un document partagé où chacun voit les modifications des autres en direct. Il sert aux comptes rendus de réunion, aux documentations d’équipe et aux ateliers, avec un hébergement simple.',
    website: 'https://hedgedoc.org',
    repository: 'https://github.com/hedgedoc/hedgedoc',
    licence: 'AGPL-3.0-only',
    kind: 'software',
    maturity: 'production',
    governance: 'Communauté HedgeDoc',
    categories: ['collaboration'],
    keywords: ['Markdown', 'prise de notes', 'édition collaborative', 'temps réel'],
    levers: ['reseaux', 'financement-juridique'],
    maintainers: ['paul'],
  },
  {
    key: 'bbb',
    name: 'BigBlueButton',
    summary: 'Une classe virtuelle libre : visioconférence, tableau blanc partagé, sondages et enregistrement.',
    description:
      'BigBlueButton a été conçu pour l’enseignement à distance : l’animateur partage ses diapositives, annote un tableau blanc, répartit les participants en salles et enregistre la séance. Il demande un serveur bien dimensionné et un peu d’exploitation.',
    website: 'https://bigbluebutton.org',
    repository: 'https://github.com/bigbluebutton/bigbluebutton',
    licence: 'LGPL-3.0-or-later',
    kind: 'software',
    maturity: 'mature',
    governance: 'Communauté BigBlueButton',
    categories: ['visioconférence', 'éducation'],
    keywords: ['classe virtuelle', 'tableau blanc', 'enregistrement', 'salles de sous-groupes'],
    levers: [],
    maintainers: [],
  },
  {
    key: 'jitsi',
    name: 'Jitsi Meet',
    summary: 'Des réunions en visioconférence ouvertes d’un lien, sans compte ni installation pour les participants.',
    description:
      'Jitsi Meet lance une réunion depuis le navigateur et se raccorde au téléphone pour ceux qui n’ont pas de bonne connexion. Une administration peut l’héberger elle-même ou passer par une instance mutualisée.',
    website: 'https://jitsi.org',
    repository: 'https://github.com/jitsi/jitsi-meet',
    licence: 'Apache-2.0',
    kind: 'software',
    maturity: 'mature',
    governance: 'Communauté Jitsi',
    categories: ['visioconférence'],
    keywords: ['réunion', 'WebRTC', 'sans compte', 'navigateur'],
    levers: [],
    maintainers: [],
  },
  {
    key: 'qgis',
    name: 'QGIS',
    summary:
      'Un système d’information géographique libre pour produire, analyser et publier des cartes et des données.',
    description:
      'QGIS est l’outil de travail quotidien de nombreux géomaticiens des services de l’État et des collectivités. Il lit la plupart des formats géographiques, s’étend par des extensions et produit des cartes prêtes à imprimer.',
    website: 'https://qgis.org',
    repository: 'https://github.com/qgis/QGIS',
    licence: 'GPL-2.0-or-later',
    kind: 'software',
    maturity: 'mature',
    governance: 'Association QGIS.org',
    categories: ['cartographie', 'analyse de données'],
    keywords: ['SIG', 'données géographiques', 'analyse spatiale', 'géomatique'],
    levers: ['reseaux'],
    maintainers: ['julie'],
  },
  {
    key: 'catalogi',
    name: 'Catalogi (socle du SILL)',
    summary: 'Le logiciel qui publie le catalogue des logiciels libres utilisés et recommandés dans l’administration.',
    description:
      'Catalogi liste des logiciels, les administrations qui les utilisent et les agents référents qui acceptent d’en parler. C’est la base du socle interministériel de logiciels libres, et d’autres organisations peuvent l’installer pour leur propre catalogue.',
    website: 'https://code.gouv.fr/sill',
    repository: 'https://github.com/codegouvfr/catalogi',
    licence: 'MIT',
    kind: 'software',
    maturity: 'production',
    governance: 'Direction interministérielle du numérique',
    governanceSiret: DINUM_SIRET,
    categories: ['catalogue', 'logiciels libres'],
    keywords: ['SILL', 'référents', 'cas d’usage', 'administration'],
    levers: ['valorisation'],
    maintainers: ['camille'],
  },
  {
    key: 'ban',
    name: 'Base Adresse Nationale',
    summary: 'La base de référence des adresses en France, tenue avec les communes et ouverte à tous.',
    description:
      'Chaque adresse y a une position et un identifiant stables, que les communes mettent à jour elles-mêmes. Secours, services de livraison et administrations s’en servent pour trouver le bon endroit du premier coup.',
    website: 'https://adresse.data.gouv.fr',
    repository: 'https://github.com/BaseAdresseNationale',
    licence: 'etalab-2.0',
    kind: 'data',
    maturity: 'mature',
    governance: 'Programme Base Adresse Nationale',
    categories: ['données ouvertes', 'adresses'],
    keywords: ['adresse', 'géocodage', 'données de référence', 'communes'],
    levers: ['donnees-outils'],
    maintainers: [],
  },
];

export interface DemoAdministration {
  key: string;
  name: string;
  siret: string;
  legalCategory: string;
  website: string | null;
  territory: string;
  description: string;
  services: string[];
  /** Person keys with how they joined. */
  members: { person: string; via: 'proconnect' | 'invitation' | 'staff'; service?: string; invitedBy?: string }[];
}

export const DEMO_ADMINISTRATIONS: DemoAdministration[] = [
  {
    key: 'dinum',
    name: 'Direction interministérielle du numérique',
    siret: DINUM_SIRET,
    legalCategory: '7120',
    website: 'https://www.numerique.gouv.fr',
    territory: 'FR',
    description:
      'La direction qui pilote la transformation numérique de l’État ; elle tient le catalogue des logiciels libres de l’administration et anime le programme.',
    services: ['Pôle logiciels libres', 'Opérateur des produits interministériels'],
    members: [
      { person: 'camille', via: 'proconnect', service: 'Pôle logiciels libres' },
      {
        person: 'sophie',
        via: 'invitation',
        service: 'Opérateur des produits interministériels',
        invitedBy: 'camille',
      },
    ],
  },
  {
    key: 'dne',
    name: 'Direction du numérique pour l’éducation',
    siret: '11004301500012',
    legalCategory: '7120',
    website: null,
    territory: 'FR',
    description:
      'Le service du ministère chargé de l’éducation qui conduit les projets numériques des écoles et des établissements.',
    services: ['Sous-direction du socle numérique'],
    members: [{ person: 'thomas', via: 'proconnect', service: 'Sous-direction du socle numérique' }],
  },
  {
    key: 'sdis07',
    name: 'Service départemental d’incendie et de secours de l’Ardèche',
    siret: '28070001700013',
    legalCategory: '7372',
    website: null,
    territory: 'D07',
    description: 'Les sapeurs-pompiers du département, en première ligne face aux feux de forêt chaque été.',
    services: [],
    members: [{ person: 'aurelie', via: 'proconnect' }],
  },
  {
    key: 'bretagne',
    name: 'Région Bretagne',
    siret: '23350001600040',
    legalCategory: '7230',
    website: null,
    territory: 'R53',
    description: 'La région, chargée des lycées, des mobilités et du développement du territoire.',
    services: ['Direction du numérique'],
    members: [{ person: 'yann', via: 'proconnect', service: 'Direction du numérique' }],
  },
  {
    key: 'valdesaone',
    name: 'Communauté de communes du Val de Saône',
    siret: '20021435000015',
    legalCategory: '7346',
    website: null,
    territory: 'D21',
    description: 'Une intercommunalité rurale qui mutualise les outils numériques de ses communes et de leurs écoles.',
    services: [],
    members: [{ person: 'marion', via: 'staff' }],
  },
  {
    key: 'anct',
    name: 'Agence nationale de la cohésion des territoires',
    siret: '13002603200016',
    legalCategory: '7389',
    website: null,
    territory: 'FR',
    description:
      'L’agence qui accompagne les collectivités dans leurs projets, dont les France services et les tiers-lieux.',
    services: [],
    members: [{ person: 'nicolas', via: 'proconnect' }],
  },
];

/** Demo people of the cooperation space: agents and maintainers. */
export const DEMO_PEOPLE: Record<string, { givenName: string; familyName: string }> = {
  camille: { givenName: 'Camille', familyName: 'Durand' },
  sophie: { givenName: 'Sophie', familyName: 'Martel' },
  thomas: { givenName: 'Thomas', familyName: 'Lefèvre' },
  aurelie: { givenName: 'Aurélie', familyName: 'Fontaine' },
  yann: { givenName: 'Yann', familyName: 'Le Gall' },
  marion: { givenName: 'Marion', familyName: 'Girard' },
  nicolas: { givenName: 'Nicolas', familyName: 'Bertin' },
  lea: { givenName: 'Léa', familyName: 'Moreau' },
  paul: { givenName: 'Paul', familyName: 'Henry' },
  julie: { givenName: 'Julie', familyName: 'Roussel' },
  // Maintainers of laureate commons when the season-2 laureates are not in the demo (else their team's owner).
  claire: { givenName: 'Claire', familyName: 'Vasseur' },
  ines: { givenName: 'Inès', familyName: 'Marchal' },
  mathis: { givenName: 'Mathis', familyName: 'Leclerc' },
  olivier: { givenName: 'Olivier', familyName: 'Renard' },
};

export function demoEmail(key: string): string {
  const p = DEMO_PEOPLE[key]!;
  const local = `${p.givenName}.${p.familyName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z.]+/g, '');
  return `${local}@${DEMO_COOPERATION_DOMAIN}`;
}

export interface DemoUseCase {
  key: string;
  administration: string;
  commons: string;
  service?: string;
  title: string;
  description: string;
  status: UseCaseStatus;
  abandonReason?: string;
  serviceUrl?: string;
  audience: string;
  territory: string;
  startedOn: string | null;
  endedOn?: string;
  visibility: Visibility;
  referents: { person: string; expert: boolean }[];
  contributions: { kind: ContributionKind; description: string; amountCents?: number; occurredOn?: string }[];
  /** Days before the demo's day it was published. */
  ageDays: number;
}

export const DEMO_USE_CASES: DemoUseCase[] = [
  {
    key: 'sill',
    administration: 'dinum',
    commons: 'catalogi',
    service: 'Pôle logiciels libres',
    title: 'Publier le socle interministériel de logiciels libres',
    description:
      'Le catalogue des logiciels libres recommandés aux administrations est publié avec Catalogi : chaque fiche dit qui l’utilise et quel agent accepte d’en parler.',
    status: 'production',
    serviceUrl: 'https://code.gouv.fr/sill',
    audience: 'Agents publics de toutes les administrations',
    territory: 'FR',
    startedOn: '2021-03-01',
    visibility: 'public',
    referents: [{ person: 'camille', expert: true }],
    contributions: [
      {
        kind: 'code',
        description: 'Développement de l’import des déclarations de référents.',
        occurredOn: '2024-05-15',
      },
      { kind: 'people', description: 'Une développeuse à mi-temps sur le projet.' },
    ],
    ageDays: 300,
  },
  {
    key: 'nextcloud',
    administration: 'dinum',
    commons: 'nextcloud',
    service: 'Opérateur des produits interministériels',
    title: 'Partager des fichiers entre agents de plusieurs ministères',
    description:
      'Une instance commune permet aux équipes interministérielles d’échanger des documents de travail sans messagerie ni service étranger.',
    status: 'production',
    audience: 'Équipes interministérielles',
    territory: 'FR',
    startedOn: '2022-09-01',
    visibility: 'public',
    referents: [{ person: 'sophie', expert: false }],
    contributions: [
      { kind: 'feedback', description: 'Signalement et suivi de problèmes d’accessibilité de l’interface web.' },
      { kind: 'code', description: 'Correctifs de traduction française remontés au projet.' },
    ],
    ageDays: 240,
  },
  {
    key: 'moodle',
    administration: 'dne',
    commons: 'moodle',
    title: 'Parcours de formation continue des enseignants',
    description:
      'Les formations à distance des enseignants sont construites sur Moodle, avec des parcours partagés entre académies.',
    status: 'production',
    audience: 'Enseignants du premier et du second degré',
    territory: 'FR',
    startedOn: '2019-09-01',
    visibility: 'public',
    referents: [{ person: 'thomas', expert: true }],
    contributions: [
      {
        kind: 'funding',
        description: 'Financement du développement d’un module d’accessibilité reversé au projet.',
        amountCents: 4_500_000,
        occurredOn: '2024-02-01',
      },
    ],
    ageDays: 200,
  },
  {
    key: 'primtux',
    administration: 'dne',
    commons: 'primtux',
    title: 'Réemployer les ordinateurs des écoles avec Primtux',
    description:
      'Des écoles volontaires installent Primtux sur des postes anciens plutôt que de les remplacer, avec l’appui de la communauté d’enseignants du projet.',
    status: 'experimentation',
    audience: 'Élèves et enseignants des écoles primaires',
    territory: 'D21',
    startedOn: null,
    visibility: 'public',
    referents: [{ person: 'thomas', expert: false }],
    contributions: [{ kind: 'people', description: 'Deux conseillers pédagogiques numériques associés aux tests.' }],
    ageDays: 120,
  },
  {
    key: 'pyronear',
    administration: 'sdis07',
    commons: 'pyronear',
    title: 'Détecter plus tôt les fumées sur les massifs ardéchois',
    description:
      'Des détecteurs Pyronear installés sur des points hauts envoient une alerte avec image au centre de traitement de l’alerte dès qu’une fumée apparaît.',
    status: 'experimentation',
    audience: 'Opérateurs du centre de traitement de l’alerte',
    territory: 'D07',
    startedOn: null,
    visibility: 'public',
    referents: [{ person: 'aurelie', expert: false }],
    contributions: [
      {
        kind: 'data',
        description: 'Images de départs de feux annotées par les opérateurs, versées au jeu d’entraînement.',
      },
      { kind: 'funding', description: 'Achat de trois détecteurs.', amountCents: 360_000 },
    ],
    ageDays: 180,
  },
  {
    key: 'decidim',
    administration: 'bretagne',
    commons: 'decidim',
    service: 'Direction du numérique',
    title: 'Budget participatif régional',
    description:
      'Les habitants déposent leurs projets, les votent et suivent leur réalisation sur une plateforme Decidim aux couleurs de la région.',
    status: 'production',
    audience: 'Habitants de la région',
    territory: 'R53',
    startedOn: '2023-01-15',
    visibility: 'public',
    referents: [{ person: 'yann', expert: true }],
    contributions: [{ kind: 'code', description: 'Module de vote par ordre de préférence reversé à Decidim.' }],
    ageDays: 150,
  },
  {
    key: 'umap',
    administration: 'bretagne',
    commons: 'umap',
    service: 'Direction du numérique',
    title: 'Carte des aménagements cyclables',
    description:
      'Les voies vertes et pistes cyclables aménagées avec l’aide de la région sont publiées sur une carte uMap intégrée au site régional.',
    status: 'production',
    serviceUrl: 'https://umap.openstreetmap.fr',
    audience: 'Cyclistes, collectivités',
    territory: 'R53',
    startedOn: '2024-04-01',
    visibility: 'public',
    referents: [{ person: 'yann', expert: false }],
    contributions: [{ kind: 'feedback', description: 'Tests de la nouvelle interface d’édition et retours publiés.' }],
    ageDays: 60,
  },
  {
    key: 'off-lycees',
    administration: 'bretagne',
    commons: 'off',
    title: 'Mesurer la qualité des repas servis dans les lycées',
    description:
      'La région étudie comment croiser les produits achetés par les cantines des lycées avec les fiches d’Open Food Facts pour suivre la qualité nutritionnelle.',
    status: 'exploration',
    audience: 'Gestionnaires de restauration des lycées',
    territory: 'R53',
    startedOn: null,
    visibility: 'public',
    referents: [],
    contributions: [],
    ageDays: 20,
  },
  {
    key: 'libreoffice',
    administration: 'valdesaone',
    commons: 'libreoffice',
    title: 'Bureautique libre dans les mairies du territoire',
    description:
      'Les secrétariats de mairie de l’intercommunalité sont passés à LibreOffice, avec des modèles de documents communs.',
    status: 'production',
    audience: 'Secrétaires de mairie',
    territory: 'D21',
    startedOn: '2022-01-10',
    visibility: 'members',
    referents: [{ person: 'marion', expert: true }],
    contributions: [{ kind: 'people', description: 'Ateliers de prise en main animés pour les communes voisines.' }],
    ageDays: 210,
  },
  {
    key: 'bbb',
    administration: 'valdesaone',
    commons: 'bbb',
    title: 'Conseils communautaires en visioconférence',
    description:
      'Les élus devaient pouvoir suivre les conseils à distance sur une instance BigBlueButton de l’intercommunalité.',
    status: 'abandoned',
    abandonReason:
      'Le débit de plusieurs mairies ne suffisait pas et l’exploitation du serveur demandait des compétences absentes ; les réunions passent désormais par une instance Jitsi mutualisée.',
    audience: 'Élus communautaires',
    territory: 'D21',
    startedOn: '2021-10-01',
    endedOn: '2022-06-30',
    visibility: 'public',
    referents: [],
    contributions: [{ kind: 'feedback', description: 'Retour d’expérience publié sur le forum de la communauté.' }],
    ageDays: 400,
  },
  {
    key: 'jitsi',
    administration: 'valdesaone',
    commons: 'jitsi',
    title: 'Réunions à distance avec les secrétaires de mairie',
    description:
      'Les réunions hebdomadaires du réseau des secrétaires de mairie se tiennent sur une instance Jitsi Meet mutualisée.',
    status: 'production',
    audience: 'Secrétaires de mairie, agents intercommunaux',
    territory: 'D21',
    startedOn: '2022-09-01',
    visibility: 'public',
    referents: [{ person: 'marion', expert: false }],
    contributions: [],
    ageDays: 90,
  },
  {
    key: 'qgis',
    administration: 'anct',
    commons: 'qgis',
    title: 'Cartographier les France services et leurs temps d’accès',
    description:
      'Les géomaticiens de l’agence calculent avec QGIS les temps de trajet vers la France services la plus proche.',
    status: 'production',
    audience: 'Équipes de l’agence, préfectures',
    territory: 'FR',
    startedOn: '2020-06-01',
    visibility: 'members',
    referents: [{ person: 'nicolas', expert: true }],
    contributions: [{ kind: 'code', description: 'Extension de calcul d’isochrones publiée sous licence libre.' }],
    ageDays: 100,
  },
  {
    key: 'hedgedoc',
    administration: 'anct',
    commons: 'hedgedoc',
    title: 'Comptes rendus partagés des programmes territoriaux',
    description:
      'L’agence teste HedgeDoc pour écrire en direct les comptes rendus des réunions avec les collectivités.',
    status: 'exploration',
    audience: 'Chargés de mission de l’agence',
    territory: 'FR',
    startedOn: null,
    visibility: 'members',
    referents: [],
    contributions: [],
    ageDays: 10,
  },
  {
    key: 'ban',
    administration: 'anct',
    commons: 'ban',
    title: 'Géolocaliser les France services avec la Base Adresse Nationale',
    description:
      'Les adresses des France services sont rapprochées de la Base Adresse Nationale pour placer chaque point sur la carte.',
    status: 'production',
    audience: 'Usagers cherchant une France services',
    territory: 'FR',
    startedOn: '2021-01-01',
    visibility: 'public',
    referents: [{ person: 'nicolas', expert: false }],
    contributions: [{ kind: 'data', description: 'Corrections d’adresses signalées aux communes concernées.' }],
    ageDays: 30,
  },
];

export interface DemoNeed {
  key: string;
  side: NeedSide;
  kind: NeedKind;
  owner: string;
  category: NeedCategory;
  title: string;
  description: string;
  context: string;
  territory: string;
  lever: string | null;
  /** Days from the demo's day. */
  deadlineDays?: number;
  visibility: Visibility;
  closed?: { outcome: NeedOutcome; note: string; daysAgo: number };
  author: string | null;
  ageDays: number;
}

export const DEMO_NEEDS: DemoNeed[] = [
  {
    key: 'sdis-feux',
    side: 'administration',
    kind: 'need',
    owner: 'sdis07',
    category: 'problem',
    title: 'Repérer plus tôt les départs de feux sur les massifs boisés',
    description:
      'Les guetteurs ne couvrent pas tous les massifs et les alertes arrivent souvent quand le feu a déjà pris de l’ampleur.',
    context: 'Saison des feux de juin à septembre, zones peu couvertes par le réseau mobile.',
    territory: 'D07',
    lever: 'experimentations',
    visibility: 'public',
    closed: { outcome: 'met', note: 'Mise en relation avec Pyronear : une expérimentation a démarré.', daysAgo: 250 },
    author: 'aurelie',
    ageDays: 300,
  },
  {
    key: 'deliberations',
    side: 'administration',
    kind: 'need',
    owner: 'valdesaone',
    category: 'problem',
    title: 'Publier les délibérations des communes en données ouvertes',
    description:
      'Les petites communes doivent publier leurs délibérations mais n’ont ni outil ni temps ; un format commun aiderait aussi les habitants.',
    context: 'Trente communes de moins de 2 000 habitants, secrétariats à temps partiel.',
    territory: 'D21',
    lever: 'donnees-outils',
    deadlineDays: 120,
    visibility: 'public',
    author: 'marion',
    ageDays: 25,
  },
  {
    key: 'velo',
    side: 'administration',
    kind: 'need',
    owner: 'bretagne',
    category: 'problem',
    title: 'Recenser avec les habitants les itinéraires cyclables du quotidien',
    description:
      'La région veut connaître les trajets réellement faits à vélo pour choisir les prochains aménagements, et cherche un outil de contribution ouvert.',
    context: 'Schéma régional des mobilités en cours de révision.',
    territory: 'R53',
    lever: 'experimentations',
    deadlineDays: 90,
    visibility: 'public',
    author: 'yann',
    ageDays: 12,
  },
  {
    key: 'postes',
    side: 'administration',
    kind: 'need',
    owner: 'dne',
    category: 'problem',
    title: 'Équiper les écoles avec des ordinateurs reconditionnés',
    description:
      'Des écoles reçoivent des postes réformés par d’autres administrations mais n’ont pas de système adapté aux élèves.',
    context: '',
    territory: 'FR',
    lever: 'mises-en-relation',
    visibility: 'public',
    closed: {
      outcome: 'partly_met',
      note: 'Primtux convient aux écoles pilotes ; la logistique du reconditionnement reste à organiser.',
      daysAgo: 100,
    },
    author: 'thomas',
    ageDays: 200,
  },
  {
    key: 'visio-tiers-lieux',
    side: 'administration',
    kind: 'need',
    owner: 'anct',
    category: 'problem',
    title: 'Une visioconférence hébergée en France pour les tiers-lieux',
    description:
      'Les tiers-lieux du programme cherchent une solution commune de visioconférence, simple et hébergée en France.',
    context: 'Réseau de plusieurs centaines de lieux, équipements très variables.',
    territory: 'FR',
    lever: 'mises-en-relation',
    visibility: 'members',
    author: 'nicolas',
    ageDays: 8,
  },
  {
    key: 'retours-sill',
    side: 'administration',
    kind: 'need',
    owner: 'dinum',
    category: 'problem',
    title: 'Recueillir les retours d’usage des logiciels du catalogue',
    description:
      'Le catalogue voudrait savoir, pour chaque logiciel, ce qui marche et ce qui manque aux administrations qui l’utilisent.',
    context: '',
    territory: 'FR',
    lever: 'reseaux',
    visibility: 'public',
    author: 'camille',
    ageDays: 40,
  },
  {
    key: 'off-menus',
    side: 'commons',
    kind: 'need',
    owner: 'off',
    category: 'data_access',
    title: 'Accéder aux compositions des menus de la restauration collective',
    description:
      'Pour étendre la base aux repas servis en collectivité, le projet cherche des administrations prêtes à partager les fiches techniques de leurs menus.',
    context: 'Les données seraient publiées sous la même licence ouverte que la base.',
    territory: 'FR',
    lever: 'donnees-outils',
    visibility: 'public',
    author: 'ines',
    ageDays: 35,
  },
  {
    key: 'umap-a11y',
    side: 'commons',
    kind: 'need',
    owner: 'umap',
    category: 'funding',
    title: 'Financer l’accessibilité de l’éditeur de cartes',
    description:
      'Rendre l’édition des cartes utilisable au clavier et avec un lecteur d’écran demande plusieurs mois de travail.',
    context: 'Un audit a listé les points à reprendre.',
    territory: 'FR',
    lever: 'financement-juridique',
    deadlineDays: 180,
    visibility: 'public',
    author: 'claire',
    ageDays: 50,
  },
  {
    key: 'hedgedoc-fr',
    side: 'commons',
    kind: 'need',
    owner: 'hedgedoc',
    category: 'contributors',
    title: 'Traducteurs et testeurs pour la version française',
    description:
      'La prochaine version réécrit l’interface : il faut relire sa traduction et la tester dans de vrais usages.',
    context: '',
    territory: 'FR',
    lever: 'reseaux',
    visibility: 'public',
    author: 'paul',
    ageDays: 15,
  },
  {
    key: 'qgis-formation',
    side: 'commons',
    kind: 'offer',
    owner: 'qgis',
    category: 'expertise',
    title: 'Formation à QGIS pour les agents des collectivités',
    description:
      'Des formateurs de la communauté proposent des journées d’initiation pour les services qui démarrent en géomatique.',
    context: 'Sessions à distance ou sur place, en petits groupes.',
    territory: 'FR',
    lever: null,
    visibility: 'public',
    author: 'julie',
    ageDays: 5,
  },
  {
    key: 'pyronear-hosting',
    side: 'commons',
    kind: 'need',
    owner: 'pyronear',
    category: 'hosting',
    title: 'Héberger les flux d’images des détecteurs',
    description:
      'Les images envoyées par les détecteurs doivent être reçues et gardées quelques jours sur un serveur fiable.',
    context: '',
    territory: 'D07',
    lever: 'donnees-outils',
    visibility: 'public',
    closed: { outcome: 'met', note: 'Le SDIS héberge les flux pendant l’expérimentation.', daysAgo: 200 },
    author: 'mathis',
    ageDays: 260,
  },
  {
    key: 'decidim-mutualise',
    side: 'commons',
    kind: 'offer',
    owner: 'decidim',
    category: 'hosting',
    title: 'Une instance mutualisée pour les petites communes',
    description:
      'L’association proposait d’ouvrir des espaces de participation aux communes de moins de 5 000 habitants.',
    context: '',
    territory: 'FR',
    lever: null,
    visibility: 'public',
    closed: {
      outcome: 'not_met',
      note: 'Trop peu de communes intéressées pendant l’été ; l’offre sera relancée.',
      daysAgo: 30,
    },
    author: 'lea',
    ageDays: 120,
  },
  {
    key: 'primtux-tests',
    side: 'commons',
    kind: 'need',
    owner: 'primtux',
    category: 'testers',
    title: 'Des écoles volontaires pour tester la prochaine version',
    description: 'L’association cherche une dizaine de classes pour essayer la nouvelle version pendant un trimestre.',
    context: 'Tous cycles, postes de plus de dix ans bienvenus.',
    territory: 'FR',
    lever: 'experimentations',
    deadlineDays: 60,
    visibility: 'public',
    author: 'olivier',
    ageDays: 18,
  },
];
