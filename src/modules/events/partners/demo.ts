import { systemActor } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { seasonSummaries } from '../../seasons/index.js';
import type { PartnerKind } from '../tables.js';
import { demoLogoPng, type LogoShape } from './demo-logo.js';
import { createPartner } from './save-partner.js';

interface DemoPartner {
  name: string;
  kind: PartnerKind;
  description: string;
  descriptionEn: string;
  website: string | null;
  /** Season numbers; empty: every season. */
  seasons: number[];
  logo: { rgb: [number, number, number]; shape: LogoShape } | null;
  published: boolean;
}

/** Made-up partners of the four kinds, in the programme's own words; example.org addresses only. */
const PARTNERS: DemoPartner[] = [
  {
    name: 'Agence régionale des services publics numériques',
    kind: 'administration',
    description:
      'Ouvre ses données et ses outils aux lauréats et accueille des expérimentations dans ses services de proximité.',
    descriptionEn: 'Opens its data and tools to the laureates and hosts experiments in its local services.',
    website: 'https://agence-numerique.example.org',
    seasons: [],
    logo: { rgb: [0, 0, 145], shape: 'disc' },
    published: true,
  },
  {
    name: 'Communauté de communes du Val Partagé',
    kind: 'administration',
    description: 'Teste sur son territoire les outils de deux lauréats, avec ses agents et ses habitants.',
    descriptionEn: 'Tests two laureates’ tools on its territory, with its staff and its residents.',
    website: 'https://val-partage.example.org',
    seasons: [2],
    logo: { rgb: [24, 117, 60], shape: 'diamond' },
    published: true,
  },
  {
    name: 'Réseau des tiers-lieux solidaires',
    kind: 'association',
    description: 'Met en relation les lauréats avec des lieux d’innovation et des communautés locales.',
    descriptionEn: 'Connects the laureates with innovation places and local communities.',
    website: 'https://tiers-lieux-solidaires.example.org',
    seasons: [1, 2],
    logo: { rgb: [206, 97, 20], shape: 'ring' },
    published: true,
  },
  {
    name: 'Collectif Données Ouvertes Citoyennes',
    kind: 'association',
    description: 'Accompagne les équipes sur l’ouverture de leurs données et le choix de leurs licences.',
    descriptionEn: '',
    website: null,
    seasons: [1],
    logo: null,
    published: true,
  },
  {
    name: 'Coopérative Logiciels Libres du Grand Ouest',
    kind: 'company',
    description: 'Offre des journées de conseil technique sur la sécurité, l’hébergement et la protection des données.',
    descriptionEn: 'Offers days of technical advice on security, hosting and data protection.',
    website: 'https://cooperative-libre.example.org',
    seasons: [2],
    logo: { rgb: [106, 106, 244], shape: 'bars' },
    published: true,
  },
  {
    name: 'Fondation pour l’engagement local',
    kind: 'foundation',
    description: 'Cofinance l’accompagnement des initiatives qui associent les habitants à leur gouvernance.',
    descriptionEn: 'Co-funds the support of initiatives that involve residents in their governance.',
    website: 'https://engagement-local.example.org',
    seasons: [],
    logo: { rgb: [161, 0, 73], shape: 'disc' },
    published: true,
  },
  {
    name: 'Fondation Savoirs en Commun',
    kind: 'foundation',
    description: 'Partenariat en préparation pour la prochaine saison.',
    descriptionEn: 'Partnership being prepared for the next season.',
    website: 'https://savoirs-en-commun.example.org',
    seasons: [],
    logo: { rgb: [0, 99, 203], shape: 'ring' },
    published: false,
  },
];

/** The demo's partners, added through staff's use case (so audited); one already there by name is left as it is. */
export async function loadPartnersDemo(services: Services): Promise<void> {
  const seasons = await seasonSummaries(services.db);
  const idOf = (n: number) => seasons.find((s) => s.number === n)?.id;
  const existing = new Set(
    (await services.db.selectFrom('partners').select('name').execute()).map((r) => r.name.toLowerCase()),
  );
  for (const p of PARTNERS) {
    if (existing.has(p.name.toLowerCase())) continue;
    const result = await createPartner(
      services,
      systemActor,
      {
        name: p.name,
        kind: p.kind,
        description: p.description,
        descriptionEn: p.descriptionEn,
        website: p.website,
        logoAlt: p.logo ? p.name : '',
        seasonIds: p.seasons.map(idOf).filter((id): id is string => id !== undefined),
        removeLogo: false,
      },
      {
        ...(p.logo ? { logo: { data: demoLogoPng(p.logo.rgb, p.logo.shape), name: 'logo.png' } } : {}),
        published: p.published,
      },
    );
    if (!result.ok) services.log.warn({ name: p.name, problem: result.problem }, 'demo partner skipped');
  }
}
