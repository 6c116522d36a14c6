import type { Actor } from '../../core/audit/audit.js';
import { systemActor } from '../../core/audit/audit.js';
import type { CurrentUser } from '../../core/auth/permissions.js';
import type { Services } from '../../core/services.js';
import { DEMO_STAFF, findOrCreateUserByEmail, personColumn, updateProfile, userActor } from '../accounts/index.js';
import { loadSeasons, publishSeason, type SeasonRecord } from '../seasons/index.js';
import { changeState } from './change-state.js';
import { CLOSED_SEASON_PROJECTS, demoClosedSeason } from './demo-closed-season.js';
import { DEFAULT_FORM } from './form/default-form.js';
import { luhnValid } from './form/identifiers.js';
import type { AnswerMap } from './form/model.js';
import { saveForm } from './form-builder/save-form.js';
import { addNote } from './instruction/add-note.js';
import { postMessage } from './instruction/post-message.js';
import { loadApplication, loadCurrentFormVersion } from './queries.js';
import { createApplication } from './submission/create-application.js';
import { saveDraft } from './submission/save-draft.js';
import { submitApplication } from './submission/submit-application.js';

const DAY = 86_400_000;

/** The open season of the demo programme (src/modules/seasons/demo.ts). */
export const DEMO_OPEN_SEASON = 'saison-3';
/** Demo applicants and the team members named in their answers. */
export const DEMO_APPLICANT_DOMAIN = 'demo.accelerateur.localhost';

/** Where a demo application ends up; staff moves go through the state machine one step at a time. */
export type Outcome = 'draft' | 'submitted' | 'in_instruction' | 'eligible' | 'ineligible';

export interface DemoProject {
  /** Local part of the applicant's address. */
  owner: string;
  givenName: string;
  familyName: string;
  track: 'communs-numeriques' | 'autres-communs';
  kind: 'citizen' | 'association' | 'administration';
  name: string;
  summary: string;
  organisation?: string;
  website?: string;
  people?: number;
  startedOn?: string;
  levers: string[];
  stage: 'consolidate' | 'integrate' | 'deploy';
  details?: string;
  team: [string, string][];
  /** Grant requested, in euros (the form's optional amount question). */
  amount?: number;
  /** Days before the demo clock when it was submitted. */
  submittedDaysAgo: number;
  outcome: Outcome;
  ineligibleReason?: string;
}

/** Invented projects (any likeness to a real one is chance); French first, as applicants write. */
const PROJECTS: DemoProject[] = [
  {
    owner: 'lea.fontaine',
    givenName: 'Léa',
    familyName: 'Fontaine',
    track: 'communs-numeriques',
    kind: 'association',
    name: 'Horaires ouverts des mairies',
    summary:
      'Une base ouverte et contributive des horaires d’ouverture des mairies et des services publics de proximité, tenue à jour par les habitants et les agents, réutilisable par les moteurs de recherche et les applications de transport.',
    organisation: 'Association Horaires en commun',
    website: 'https://horaires-ouverts.example.org',
    people: 42000,
    startedOn: '2023-03-01',
    levers: ['data_tools', 'contacts', 'promotion'],
    stage: 'deploy',
    details:
      'Nous avons besoin d’accéder aux annuaires de l’administration pour croiser nos données et d’un relais auprès des associations de maires.',
    team: [
      ['Léa Fontaine', 'Présidente'],
      ['Karim Benali', 'Développeur bénévole'],
    ],
    submittedDaysAgo: 14,
    outcome: 'eligible',
  },
  {
    owner: 'yanis.morel',
    givenName: 'Yanis',
    familyName: 'Morel',
    track: 'autres-communs',
    kind: 'association',
    name: 'Ressourcerie des outils de chantier',
    summary:
      'Un lieu de prêt d’outils de chantier et de matériaux de réemploi pour les habitants d’un quartier prioritaire, avec des ateliers d’initiation animés par des artisans retraités.',
    organisation: 'Atelier partagé du Bas-Chantenay',
    people: 850,
    startedOn: '2022-09-15',
    levers: ['funding_legal', 'experiments', 'networking'],
    stage: 'consolidate',
    details:
      'Sécuriser un local sur trois ans avec le bailleur social et la ville, et structurer un modèle économique mixte.',
    team: [
      ['Yanis Morel', 'Coordinateur'],
      ['Odile Carré', 'Trésorière'],
    ],
    submittedDaysAgo: 12,
    outcome: 'eligible',
  },
  {
    owner: 'ines.garnier',
    givenName: 'Inès',
    familyName: 'Garnier',
    track: 'communs-numeriques',
    kind: 'administration',
    name: 'Simulateur libre d’aides au logement étudiant',
    summary:
      'Un simulateur en logiciel libre qui réunit les aides au logement accessibles aux étudiants (nationales, régionales, locales) et explique chaque règle de calcul, développé par une collectivité et ouvert aux autres.',
    organisation: 'Communauté d’agglomération du Val de Loire (fictive)',
    website: 'https://simulateur-logement.example.org',
    people: 6300,
    startedOn: '2024-01-08',
    levers: ['data_tools', 'compliance', 'contacts'],
    stage: 'integrate',
    details:
      'Accès aux barèmes officiels sous forme d’API et revue de conformité RGPD avant l’ouverture à d’autres collectivités.',
    team: [
      ['Inès Garnier', 'Cheffe de projet'],
      ['Thomas Lefort', 'Développeur'],
    ],
    submittedDaysAgo: 11,
    outcome: 'eligible',
  },
  {
    owner: 'marc.delaunay',
    givenName: 'Marc',
    familyName: 'Delaunay',
    track: 'autres-communs',
    kind: 'citizen',
    name: 'Bancs de lecture dans les gares rurales',
    summary:
      'Des boîtes à livres et des bancs de lecture installés dans les petites gares et haltes ferroviaires, entretenus par des habitants bénévoles, pour redonner vie à ces lieux d’attente.',
    people: 1200,
    startedOn: '2024-05-20',
    levers: ['contacts', 'experiments', 'promotion'],
    stage: 'deploy',
    team: [['Marc Delaunay', 'Initiateur']],
    submittedDaysAgo: 10,
    outcome: 'eligible',
  },
  {
    owner: 'amina.traore',
    givenName: 'Amina',
    familyName: 'Traoré',
    track: 'communs-numeriques',
    kind: 'association',
    name: 'Cartographie ouverte des rampes d’accès',
    summary:
      'Des relevés participatifs de l’accessibilité des commerces et bâtiments publics (rampes, marches, portes), versés dans OpenStreetMap et utilisés par des calculateurs d’itinéraires pour fauteuils roulants.',
    organisation: 'Association Roule partout',
    website: 'https://roule-partout.example.org',
    people: 15000,
    startedOn: '2021-06-01',
    levers: ['data_tools', 'coaching', 'networking'],
    stage: 'deploy',
    details:
      'Former des équipes de relevé dans vingt villes et obtenir les plans d’accessibilité des établissements publics.',
    team: [
      ['Amina Traoré', 'Directrice'],
      ['Julien Roux', 'Cartographe'],
      ['Sarah Petit', 'Bénévole'],
    ],
    submittedDaysAgo: 9,
    outcome: 'eligible',
  },
  {
    owner: 'paul.lemaire',
    givenName: 'Paul',
    familyName: 'Lemaire',
    track: 'autres-communs',
    kind: 'association',
    name: 'Cantines en circuit court',
    summary:
      'Un groupement d’achat qui relie les cantines scolaires de petites communes aux producteurs voisins, avec un calendrier de saison partagé et une logistique mutualisée.',
    organisation: 'Association Assiettes du canton',
    people: 3400,
    startedOn: '2023-09-04',
    levers: ['funding_legal', 'contacts', 'experiments'],
    stage: 'integrate',
    team: [
      ['Paul Lemaire', 'Président'],
      ['Nadia Haddad', 'Diététicienne'],
    ],
    submittedDaysAgo: 8,
    outcome: 'eligible',
  },
  {
    owner: 'claire.vasseur',
    givenName: 'Claire',
    familyName: 'Vasseur',
    track: 'communs-numeriques',
    kind: 'citizen',
    name: 'Traducteur des courriers administratifs en langage clair',
    summary:
      'Un outil libre qui aide à comprendre un courrier administratif reçu : il repère les échéances, les montants et les démarches à faire, et renvoie vers un accompagnement humain.',
    website: 'https://courrier-clair.example.org',
    people: 900,
    startedOn: '2024-10-01',
    levers: ['compliance', 'coaching', 'data_tools'],
    stage: 'consolidate',
    details: 'Tester l’outil avec des conseillers numériques et valider la protection des données des courriers.',
    team: [
      ['Claire Vasseur', 'Porteuse'],
      ['Hugo Martin', 'Designer'],
    ],
    submittedDaysAgo: 7,
    outcome: 'eligible',
  },
  {
    owner: 'sophie.nguyen',
    givenName: 'Sophie',
    familyName: 'Nguyen',
    track: 'autres-communs',
    kind: 'association',
    name: 'Vergers partagés des bords de route',
    summary:
      'La plantation et l’entretien d’arbres fruitiers en libre cueillette sur des délaissés routiers, avec les communes et les services des routes, et un inventaire ouvert des arbres plantés.',
    organisation: 'Association Fruits des talus',
    people: 2600,
    startedOn: '2022-11-12',
    levers: ['experiments', 'contacts', 'funding_legal'],
    stage: 'deploy',
    team: [
      ['Sophie Nguyen', 'Coordinatrice'],
      ['Bernard Colin', 'Arboriculteur bénévole'],
    ],
    submittedDaysAgo: 6,
    outcome: 'eligible',
  },
  {
    owner: 'hugo.perrin',
    givenName: 'Hugo',
    familyName: 'Perrin',
    track: 'communs-numeriques',
    kind: 'association',
    name: 'Annuaire ouvert des permanences juridiques gratuites',
    summary:
      'Recenser les permanences d’accès au droit gratuites (maisons de justice, associations, avocats bénévoles) dans un annuaire ouvert et à jour.',
    organisation: 'Collectif Droit pour tous',
    people: 500,
    startedOn: '2025-01-15',
    levers: ['data_tools', 'contacts'],
    stage: 'consolidate',
    team: [['Hugo Perrin', 'Juriste bénévole']],
    submittedDaysAgo: 5,
    outcome: 'in_instruction',
  },
  {
    owner: 'julie.bernard',
    givenName: 'Julie',
    familyName: 'Bernard',
    track: 'autres-communs',
    kind: 'association',
    name: 'Boutique de déguisements pour les fêtes d’école',
    summary:
      'La vente en ligne de déguisements neufs à prix réduit pour les fêtes d’école, avec une marge reversée aux porteurs du projet.',
    organisation: 'Association Festi’Costumes',
    people: 300,
    startedOn: '2025-02-01',
    levers: ['promotion', 'funding_legal'],
    stage: 'deploy',
    team: [['Julie Bernard', 'Gérante']],
    submittedDaysAgo: 4,
    outcome: 'ineligible',
    ineligibleReason:
      'Le projet est une activité commerciale dont la valeur revient à ses porteurs : il ne poursuit pas un objectif d’intérêt général au sens de l’appel.',
  },
  {
    owner: 'theo.roussel',
    givenName: 'Théo',
    familyName: 'Roussel',
    track: 'communs-numeriques',
    kind: 'citizen',
    name: 'Capteurs citoyens de bruit urbain',
    summary:
      'Des capteurs de bruit à monter soi-même, dont les mesures sont publiées en données ouvertes pour éclairer les décisions des villes sur la circulation et les chantiers.',
    website: 'https://bruit-citoyen.example.org',
    people: 150,
    startedOn: '2025-04-10',
    levers: ['data_tools', 'experiments', 'networking'],
    stage: 'consolidate',
    team: [
      ['Théo Roussel', 'Porteur'],
      ['Manon Girard', 'Électronicienne'],
    ],
    submittedDaysAgo: 2,
    outcome: 'submitted',
  },
  {
    owner: 'nora.benali',
    givenName: 'Nora',
    familyName: 'Benali',
    track: 'autres-communs',
    kind: 'association',
    name: 'Covoiturage solidaire vers les soins',
    summary: 'Des conducteurs bénévoles accompagnent des personnes âgées sans voiture vers leurs rendez-vous médicaux.',
    organisation: 'Association Roulons ensemble',
    levers: ['coaching'],
    stage: 'consolidate',
    team: [['Nora Benali', 'Présidente']],
    submittedDaysAgo: 0,
    outcome: 'draft',
  },
  {
    owner: 'victor.lambert',
    givenName: 'Victor',
    familyName: 'Lambert',
    track: 'communs-numeriques',
    kind: 'administration',
    name: 'Modèles ouverts de délibérations municipales',
    summary: 'Une bibliothèque de modèles de délibérations commentés, partagée entre communes.',
    organisation: 'Mairie de Saint-Exemple',
    levers: [],
    stage: 'integrate',
    team: [['Victor Lambert', 'Secrétaire général']],
    submittedDaysAgo: 0,
    outcome: 'draft',
  },
  {
    owner: 'camille.henry',
    givenName: 'Camille',
    familyName: 'Henry',
    track: 'autres-communs',
    kind: 'citizen',
    name: 'Grainothèque du plateau',
    summary: '',
    levers: [],
    stage: 'consolidate',
    team: [['Camille Henry', '']],
    submittedDaysAgo: 0,
    outcome: 'draft',
  },
];

/** A made-up SIRET that passes the checksum: 13 digits from `seed`, then the Luhn check digit. */
export function demoSiret(seed: number): string {
  const head = `9${String(seed).padStart(12, '0')}`.slice(0, 13);
  for (let d = 0; d <= 9; d++) if (luhnValid(`${head}${d}`)) return `${head}${d}`;
  throw new Error('unreachable');
}

function email(local: string): string {
  return `${local}@${DEMO_APPLICANT_DOMAIN}`;
}

function localPart(fullName: string): string {
  return fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** The answers to the default form (questions another form does not have are ignored by it). */
function answersOf(p: DemoProject, index: number): AnswerMap {
  const answers: AnswerMap = {
    project_name: p.name,
    project_summary: p.summary,
    organisation_type: p.kind,
    team: p.team.map(([name, role]) => ({
      member_name: name,
      member_email: email(localPart(name)),
      member_role: role,
    })),
    needs_levers: p.levers,
    needs_stage: p.stage,
  };
  if (p.website) answers.project_website = p.website;
  if (p.people !== undefined) answers.project_people_reached = p.people;
  if (p.startedOn) answers.project_started_on = p.startedOn;
  if (p.details) answers.needs_details = p.details;
  if (p.amount !== undefined) answers.needs_amount = p.amount;
  if (p.kind !== 'citizen' && p.organisation) answers.organisation_name = p.organisation;
  if (p.kind === 'association') answers.organisation_rna = `W${String(751_200_000 + index * 7_919).padStart(9, '0')}`;
  if (p.kind === 'administration') answers.organisation_siret = demoSiret(213_700_000_000 + index * 1_013);
  return answers;
}

function applicantOf(id: string, address: string): CurrentUser {
  return {
    id,
    email: address,
    givenName: null,
    familyName: null,
    locale: 'fr',
    roles: [{ role: 'applicant', track: '' }],
    sessionId: '',
  };
}

/** The staff moves that lead from `submitted` to the outcome. */
function movesTo(outcome: Outcome): { to: 'in_instruction' | 'eligible' | 'ineligible' }[] {
  if (outcome === 'in_instruction') return [{ to: 'in_instruction' }];
  if (outcome === 'eligible') return [{ to: 'in_instruction' }, { to: 'eligible' }];
  if (outcome === 'ineligible') return [{ to: 'in_instruction' }, { to: 'ineligible' }];
  return [];
}

/**
 * What every later demo loader (jury, panel) starts from: the demo's open season, and the demo staff
 * member who acts in it. Null before the seasons' demo is loaded.
 */
export async function demoOpenSeason(
  services: Services,
): Promise<{ season: SeasonRecord; staffId: string; staffActor: Actor } | null> {
  const [season] = await loadSeasons(services.db, { slug: DEMO_OPEN_SEASON });
  if (!season) return null;
  const staff = (await findOrCreateUserByEmail(services.db, DEMO_STAFF, services.clock.now(), { applicant: false }))
    .user;
  return { season, staffId: staff.id, staffActor: userActor(staff.id) };
}

/**
 * The demo's applications to the open season: fourteen applicants, eleven submitted (most of them
 * instructed and eligible, one ineligible with its reason), three drafts, a staff message and a
 * note; then those of the closed season (demo-closed-season.ts). Each step goes through the module's
 * use cases, so states, history, mails and audit are as in real use. An applicant who already has an
 * application in the season is skipped: running it again changes nothing.
 */
export async function loadApplicationsDemo(services: Services): Promise<void> {
  const demo = await demoOpenSeason(services);
  if (demo) await loadDemoApplications(services, demo.season, PROJECTS);
  const closed = await demoClosedSeason(services);
  if (closed) await loadDemoApplications(closed.services, closed.season, CLOSED_SEASON_PROJECTS);
}

/** One season's demo applications, as the clock of `services` says it is. */
export async function loadDemoApplications(
  services: Services,
  seasonAsLoaded: SeasonRecord,
  projects: readonly DemoProject[],
): Promise<void> {
  let season = seasonAsLoaded;
  if (season.tracks.length === 0) return;
  const staffUser = (await findOrCreateUserByEmail(services.db, DEMO_STAFF, services.clock.now(), { applicant: false }))
    .user;
  const staffActor = userActor(staffUser.id);
  const staff = { id: staffUser.id };
  const { db } = services;
  const now = services.clock.now();
  if (!(await loadCurrentFormVersion(db, season.id))) {
    const saved = await saveForm(services, systemActor, season.id, DEFAULT_FORM);
    if (!saved.ok) return;
  }
  if (season.publishedAt === null) {
    // The seasons' demo leaves the open season a draft: with its form, it is published as staff would.
    const published = await publishSeason(services, systemActor, season.id, async (trx) =>
      Boolean(await loadCurrentFormVersion(trx, season.id)),
    );
    if (!published.ok) return;
    season = (await loadSeasons(db, { id: season.id }))[0] ?? season;
  }
  const existing = await demoApplicationsByOwner(services, season.id);

  for (const [index, project] of projects.entries()) {
    const address = email(project.owner);
    if (existing.has(address)) continue;
    const { user, created } = await findOrCreateUserByEmail(db, address, now);
    if (created)
      await updateProfile(db, user.id, now, {
        givenName: project.givenName,
        familyName: project.familyName,
        locale: 'fr',
      });
    const applicant = applicantOf(user.id, address);
    const actor = userActor(user.id);
    const made = await createApplication(services, actor, applicant, season, {
      trackCode: project.track,
      applicantKind: project.kind,
    });
    if (!made.ok) {
      services.log.warn({ project: project.name, errors: Object.keys(made.errors) }, 'demo application skipped');
      continue;
    }
    const answers = answersOf(project, index);
    if (project.outcome === 'draft') {
      await saveDraft(services, actor, made.id, answers, now);
      continue;
    }
    const submitted = await submitApplication(services, actor, applicant, {
      applicationId: made.id,
      answers,
      idempotencyKey: null,
      arrivedAt: new Date(Math.max(season.opensAt.getTime() + DAY, now.getTime() - project.submittedDaysAgo * DAY)),
    });
    if (!submitted.ok) {
      // A season whose form was changed by staff may refuse these answers: the draft keeps them.
      services.log.warn({ project: project.name, reason: submitted.reason }, 'demo application left as a draft');
      continue;
    }
    for (const move of movesTo(project.outcome)) {
      await changeState(services, staffActor, {
        applicationId: made.id,
        to: move.to,
        by: 'staff',
        reason: move.to === 'ineligible' ? (project.ineligibleReason ?? '') : '',
        actorUserId: staff.id,
      });
    }
    if (project.owner === 'hugo.perrin') {
      const application = await loadApplication(db, made.id);
      if (application) {
        await postMessage(services, staffActor, {
          application,
          authorId: staff.id,
          authorName: 'Équipe de l’Accélérateur',
          fromStaff: true,
          body: 'Bonjour, merci pour votre candidature. Pourriez-vous nous indiquer quelles structures tiennent aujourd’hui les permanences que vous recensez, et comment l’annuaire sera mis à jour après l’accompagnement ?',
        });
      }
    }
    if (project.owner === 'amina.traore') {
      await addNote(services, staffActor, {
        applicationId: made.id,
        authorId: staff.id,
        body: 'Dossier solide, déjà utilisé par deux calculateurs d’itinéraires. Vérifier avec la DINUM l’accès aux plans d’accessibilité des établissements recevant du public.',
      });
    }
  }
}

/** The owners' addresses of the demo applications already in the season. */
async function demoApplicationsByOwner(services: Services, seasonId: string): Promise<Set<string>> {
  const rows = await services.db
    .selectFrom('applications as a')
    .select(personColumn('a.owner_id', 'email').as('email'))
    .where('a.season_id', '=', seasonId)
    .where(personColumn('a.owner_id', 'email'), 'like', `%@${DEMO_APPLICANT_DOMAIN}`)
    .$narrowType<{ email: string }>()
    .execute();
  return new Set(rows.map((r) => r.email));
}

/** How many demo applications there are (for tests and the report). */
export const DEMO_APPLICATION_COUNT = PROJECTS.length;
export const DEMO_ELIGIBLE_COUNT = PROJECTS.filter((p) => p.outcome === 'eligible').length;
