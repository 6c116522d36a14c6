import { systemActor } from '../../core/audit/audit.js';
import { isoDateParis } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { parisEndOfDay, parisStartOfDay } from '../../core/time/paris-time.js';
import { createLaureate } from './create-laureate.js';
import { createSeason } from './create-season.js';
import { type CriterionTemplate, DEFAULT_CRITERIA, SEASON2_EXTRA_CRITERIA } from './criteria.js';
import type { LaureateInput } from './laureate-form.js';
import { publishSeason } from './publish-season.js';
import type { SeasonInput } from './season-form.js';

const DAY = 86_400_000;

function criteria(templates: readonly CriterionTemplate[]): SeasonInput['criteria'] {
  return templates.map(({ code, label, labelEn, description, descriptionEn, weight }) => ({
    code,
    label,
    labelEn,
    description,
    descriptionEn,
    weight,
  }));
}

const COMMONS_TRACKS: SeasonInput['tracks'] = [
  { code: 'communs-numeriques', name: 'Communs numériques', nameEn: 'Digital commons', lead: 'DINUM' },
  { code: 'autres-communs', name: 'Autres communs', nameEn: 'Other commons', lead: 'DITP' },
];

function laureate(position: number, fields: Omit<LaureateInput, 'position'>): LaureateInput {
  return { position, ...fields };
}

const SEASON1_LAUREATES: LaureateInput[] = [
  laureate(1, {
    trackCode: '',
    name: 'SNU augmenté',
    organisation: 'Association porteuse du projet',
    summary:
      'Des missions d’intérêt général proposées aux jeunes du service national universel, testées en Île-de-France avant un déploiement dans une douzaine de villes.',
    summaryEn:
      'Public-interest missions for young people in the universal national service, tried in Île-de-France before spreading to a dozen cities.',
    website: '',
  }),
  laureate(2, {
    trackCode: '',
    name: 'Infoclimat',
    organisation: 'Association Infoclimat',
    summary:
      'Un réseau associatif de stations météorologiques dont les relevés sont publiés en données ouvertes, qui s’étend à de nouveaux départements.',
    summaryEn:
      'A volunteer network of weather stations publishing its readings as open data, now reaching new départements.',
    website: 'https://www.infoclimat.fr',
  }),
  laureate(3, {
    trackCode: '',
    name: 'Permis de construire',
    organisation: 'Association Permis de construire',
    summary:
      'Un accompagnement vers l’emploi et le logement pour les personnes qui sortent de détention, avec de nouvelles antennes locales.',
    summaryEn: 'Support towards work and housing for people leaving prison, with new local branches.',
    website: '',
  }),
  laureate(4, {
    trackCode: '',
    name: 'Sport inclusif',
    organisation: 'Association Sport inclusif',
    summary:
      'Rendre la pratique sportive accessible aux personnes en situation de handicap, en rapprochant clubs et institutions.',
    summaryEn: 'Making sport accessible to people with disabilities by bringing clubs and institutions together.',
    website: '',
  }),
  ...[
    [
      'Cartes des fontaines publiques',
      'Public fountain maps',
      'Un relevé participatif des points d’eau potable gratuits, publié en données ouvertes.',
      'A crowd-sourced survey of free drinking-water points, published as open data.',
    ],
    [
      'Répar’Quartier',
      'Répar’Quartier',
      'Des ateliers de réparation animés par des bénévoles pour prolonger la vie des objets du quotidien.',
      'Repair workshops run by volunteers to extend the life of everyday objects.',
    ],
    [
      'Aide aux démarches en ligne',
      'Help with online procedures',
      'Des permanences de bénévoles pour aider chacun à accomplir ses démarches administratives en ligne.',
      'Volunteer drop-in sessions helping everyone complete administrative procedures online.',
    ],
    [
      'Jardins nourriciers',
      'Food gardens',
      'Un réseau de jardins partagés qui fournit des légumes frais à des épiceries solidaires.',
      'A network of shared gardens supplying fresh vegetables to community grocery shops.',
    ],
    [
      'Tutorat numérique',
      'Digital tutoring',
      'Des étudiants bénévoles accompagnent des collégiens dans l’usage des outils numériques scolaires.',
      'Volunteer students help pupils use the school’s digital tools.',
    ],
  ].map(([name, nameEn, summary, summaryEn], i) =>
    laureate(5 + i, {
      trackCode: '',
      name: `${name} (exemple)`,
      organisation: 'Projet fictif de démonstration',
      summary,
      summaryEn: `${summaryEn} (${nameEn}, a fictional demo project)`,
      website: '',
    }),
  ),
];

/** The demo programme's seasons; season 3 is open, its dates relative to the clock at load time. */
export function demoSeasons(now: Date): { season: SeasonInput; laureates: LaureateInput[] }[] {
  return [
    {
      season: {
        number: 1,
        slug: 'saison-1',
        name: 'Saison 1 — la première promotion',
        nameEn: 'Season 1 — the first cohort',
        summary:
          'Le premier appel de l’Accélérateur, ouvert à tous les porteurs de projets d’intérêt général de la société civile.',
        summaryEn: 'The Accelerator’s first call, open to every public-interest project from civil society.',
        opensAt: parisStartOfDay('2021-12-17'),
        closesAt: parisEndOfDay('2022-01-29'),
        eligibleKinds: ['citizen', 'association', 'company'],
        supportMonths: 3,
        grantEnvelopeCents: 80_000_000,
        laureatesSought: 9,
        tracks: [],
        criteria: criteria(DEFAULT_CRITERIA),
      },
      laureates: SEASON1_LAUREATES,
    },
    {
      season: {
        number: 2,
        slug: 'saison-2',
        name: 'Saison 2 — les communs',
        nameEn: 'Season 2 — the commons',
        summary:
          'Une saison consacrée aux ressources d’intérêt commun, numériques ou non, avec un accompagnement d’un an.',
        summaryEn: 'A season devoted to shared resources, digital or not, with a year of support.',
        opensAt: parisStartOfDay('2023-04-07'),
        closesAt: parisEndOfDay('2023-05-02'),
        eligibleKinds: ['association', 'administration'],
        supportMonths: 12,
        grantEnvelopeCents: 30_000_000,
        laureatesSought: 4,
        tracks: COMMONS_TRACKS,
        criteria: criteria([...DEFAULT_CRITERIA, ...SEASON2_EXTRA_CRITERIA]),
      },
      // Its laureates come from the demo's deliberation (decisions module), published like a real season's.
      laureates: [],
    },
    {
      season: {
        number: 3,
        slug: 'saison-3',
        name: 'Saison 3 — appel en cours',
        nameEn: 'Season 3 — call open now',
        summary:
          'L’appel à candidatures en cours : associations, citoyennes, citoyens et administrations peuvent déposer leur projet.',
        summaryEn:
          'The call for applications now open: associations, citizens and administrations can submit their project.',
        opensAt: parisStartOfDay(isoDateParis(new Date(now.getTime() - 20 * DAY))),
        closesAt: parisEndOfDay(isoDateParis(new Date(now.getTime() + 60 * DAY))),
        eligibleKinds: ['citizen', 'association', 'administration'],
        supportMonths: 12,
        grantEnvelopeCents: 100_000_000,
        laureatesSought: 10,
        tracks: COMMONS_TRACKS,
        criteria: criteria([...DEFAULT_CRITERIA, ...SEASON2_EXTRA_CRITERIA]),
      },
      laureates: [],
    },
  ];
}

/** Loads the demo seasons and their laureates; a season already there (by slug) is left alone. */
export async function loadSeasonsDemo(services: Services): Promise<void> {
  for (const { season, laureates } of demoSeasons(services.clock.now())) {
    const existing = await services.db
      .selectFrom('seasons')
      .select('id')
      .where('slug', '=', season.slug)
      .executeTakeFirst();
    if (existing) continue;
    const result = await createSeason(services, systemActor, season);
    if (!result.ok) {
      services.log.warn(
        { slug: season.slug, errors: Object.keys(result.errors) },
        'demo season skipped: it clashes with an existing season',
      );
      continue;
    }
    for (const l of laureates) await createLaureate(services, systemActor, result.id, l);
    // The past seasons are published now; the open one stays a draft until the applications' demo has
    // given it its form and published it (a call never opens without a form).
    await publishSeason(services, systemActor, result.id, async () => false);
  }
}
