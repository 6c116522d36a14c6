import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { DEMO_STAFF, findOrCreateUserByEmail, userActor } from '../accounts/index.js';
import { loadSeasons, type SeasonRecord } from '../seasons/index.js';
import type { DemoProject } from './demo.js';

/**
 * The demo's closed season: season 2 (call closed on 2 May 2023) is shown from end to end — applications,
 * jury, panel, deliberation, notices, confirmed laureates and its transparency page. Each module's demo
 * loader replays its part with the clock set to the day it would have happened (`at`), so dates,
 * deadlines and the audit log read as in a real season. Its four laureates are the programme's published
 * season-2 laureates; the people and the applications' texts are invented.
 */
export const DEMO_CLOSED_SEASON = 'saison-2';

export interface DemoClosedSeason {
  season: SeasonRecord;
  staffId: string;
  staffActor: Actor;
  /** Services whose clock reads `iso` (a Paris-time moment of 2023): what each step runs with. */
  at(iso: string): Services;
  /** The services the applications were submitted with (the day the call closed). */
  services: Services;
}

/** Null before the seasons' demo is loaded. */
export async function demoClosedSeason(services: Services): Promise<DemoClosedSeason | null> {
  const [season] = await loadSeasons(services.db, { slug: DEMO_CLOSED_SEASON });
  if (!season || season.tracks.length === 0) return null;
  const at = (iso: string): Services => {
    const moment = new Date(iso);
    return { ...services, clock: { now: () => new Date(moment.getTime()) } };
  };
  const submitted = at('2023-05-02T14:00:00+02:00');
  const staff = (await findOrCreateUserByEmail(services.db, DEMO_STAFF, submitted.clock.now(), { applicant: false }))
    .user;
  return { season, staffId: staff.id, staffActor: userActor(staff.id), at, services: submitted };
}

/** Season 2's applications: ten associations and administrations, nine eligible, one out of scope. */
export const CLOSED_SEASON_PROJECTS: DemoProject[] = [
  {
    owner: 'ines.marchal',
    givenName: 'Inès',
    familyName: 'Marchal',
    track: 'communs-numeriques',
    kind: 'association',
    name: 'Open Food Facts',
    summary:
      'Une base collaborative et ouverte des produits alimentaires, qui ajoute l’empreinte carbone des produits à ses informations.',
    organisation: 'Association Open Food Facts',
    website: 'https://world.openfoodfacts.org',
    people: 2_000_000,
    levers: ['data_tools', 'contacts', 'funding_legal'],
    stage: 'deploy',
    team: [['Inès Marchal', 'Coordinatrice']],
    amount: 90_000,
    submittedDaysAgo: 12,
    outcome: 'eligible',
  },
  {
    owner: 'olivier.renard',
    givenName: 'Olivier',
    familyName: 'Renard',
    track: 'communs-numeriques',
    kind: 'association',
    name: 'Primtux',
    summary:
      'Une distribution GNU/Linux éducative pour les enfants de 3 à 10 ans, conçue par des enseignants et qui redonne vie aux ordinateurs anciens.',
    organisation: 'Association Primtux',
    website: 'https://primtux.fr',
    levers: ['experiments', 'networking', 'promotion'],
    stage: 'integrate',
    team: [['Olivier Renard', 'Enseignant, président']],
    amount: 45_000,
    submittedDaysAgo: 9,
    outcome: 'eligible',
  },
  {
    owner: 'claire.vasseur',
    givenName: 'Claire',
    familyName: 'Vasseur',
    track: 'communs-numeriques',
    kind: 'association',
    name: 'uMap',
    summary:
      'Un outil libre pour créer en quelques minutes des cartes personnalisées sur fond OpenStreetMap et les intégrer à un site.',
    organisation: 'Communauté OpenStreetMap France',
    website: 'https://umap.openstreetmap.fr',
    levers: ['compliance', 'contacts'],
    stage: 'consolidate',
    team: [['Claire Vasseur', 'Mainteneuse']],
    amount: 60_000,
    submittedDaysAgo: 15,
    outcome: 'eligible',
  },
  {
    owner: 'mathis.leclerc',
    givenName: 'Mathis',
    familyName: 'Leclerc',
    track: 'autres-communs',
    kind: 'association',
    name: 'Pyronear',
    summary:
      'Des détecteurs ouverts et peu coûteux qui repèrent tôt les départs de feux de forêt, éprouvés en Ardèche.',
    organisation: 'Association Pyronear',
    website: 'https://pyronear.org',
    levers: ['experiments', 'funding_legal', 'contacts'],
    stage: 'deploy',
    team: [['Mathis Leclerc', 'Ingénieur bénévole']],
    amount: 80_000,
    submittedDaysAgo: 6,
    outcome: 'eligible',
  },
  {
    owner: 'sophie.garnier',
    givenName: 'Sophie',
    familyName: 'Garnier',
    track: 'autres-communs',
    kind: 'association',
    name: 'Grainothèques de quartier',
    summary:
      'Un réseau de boîtes d’échange de semences paysannes dans les bibliothèques, avec un guide ouvert pour en ouvrir une.',
    organisation: 'Association Graines partagées',
    levers: ['networking', 'promotion'],
    stage: 'consolidate',
    team: [['Sophie Garnier', 'Bibliothécaire bénévole']],
    amount: 15_000,
    submittedDaysAgo: 4,
    outcome: 'eligible',
  },
  {
    owner: 'antoine.roux',
    givenName: 'Antoine',
    familyName: 'Roux',
    track: 'communs-numeriques',
    kind: 'administration',
    name: 'Délibérations ouvertes',
    summary:
      'Un outil libre qui publie les délibérations des petites communes en données ouvertes, au fil des conseils municipaux.',
    organisation: 'Communauté de communes du Val de Saône',
    levers: ['data_tools', 'compliance'],
    stage: 'integrate',
    team: [['Antoine Roux', 'Chargé de mission numérique']],
    amount: 40_000,
    submittedDaysAgo: 3,
    outcome: 'eligible',
  },
  {
    owner: 'nadia.cherif',
    givenName: 'Nadia',
    familyName: 'Chérif',
    track: 'autres-communs',
    kind: 'association',
    name: 'Vélos partagés en milieu rural',
    summary:
      'Une flotte de vélos à assistance électrique gérée en commun par trois villages, avec des règles d’usage écrites par les habitants.',
    organisation: 'Association Roue libre',
    levers: ['funding_legal', 'experiments'],
    stage: 'deploy',
    team: [['Nadia Chérif', 'Trésorière']],
    amount: 70_000,
    submittedDaysAgo: 2,
    outcome: 'eligible',
  },
  {
    owner: 'julien.morel',
    givenName: 'Julien',
    familyName: 'Morel',
    track: 'communs-numeriques',
    kind: 'association',
    name: 'Annuaire ouvert des tiers-lieux',
    summary:
      'Un annuaire contributif des tiers-lieux, de leurs équipements et de leurs horaires, publié sous licence ouverte.',
    organisation: 'Collectif Lieux communs',
    levers: ['data_tools', 'networking'],
    stage: 'consolidate',
    team: [['Julien Morel', 'Animateur']],
    amount: 25_000,
    submittedDaysAgo: 8,
    outcome: 'eligible',
  },
  {
    owner: 'helene.picard',
    givenName: 'Hélène',
    familyName: 'Picard',
    track: 'autres-communs',
    kind: 'association',
    name: 'Jardins nourriciers partagés',
    summary:
      'Des parcelles cultivées ensemble au pied des immeubles, avec un carnet de culture ouvert que d’autres quartiers reprennent.',
    organisation: 'Association Les pieds dans la terre',
    levers: ['networking', 'promotion'],
    stage: 'integrate',
    team: [['Hélène Picard', 'Présidente']],
    amount: 20_000,
    submittedDaysAgo: 11,
    outcome: 'eligible',
  },
  {
    owner: 'xavier.bonnet',
    givenName: 'Xavier',
    familyName: 'Bonnet',
    track: 'communs-numeriques',
    kind: 'association',
    name: 'Comparateur de forfaits mobiles',
    summary: 'Un site qui compare les offres des opérateurs et se rémunère par des liens d’affiliation.',
    organisation: 'Association Forfaits malins',
    levers: ['promotion'],
    stage: 'deploy',
    team: [['Xavier Bonnet', 'Fondateur']],
    submittedDaysAgo: 1,
    outcome: 'ineligible',
    ineligibleReason:
      'Le projet ne porte pas sur une ressource partagée : son modèle repose sur des commissions versées par les opérateurs.',
  },
];
