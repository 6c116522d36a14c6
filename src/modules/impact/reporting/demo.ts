import type { Actor } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { userActor } from '../../accounts/index.js';
import { demoClosedSeason } from '../../applications/index.js';
import { findSeasonIdBySlug, type LaureateRecord, loadLaureates } from '../../seasons/index.js';
import { laureateSpaces } from '../../support/index.js';
import { laureateOfSpace } from './access.js';
import { recordApprovedValue, reportValue, type ValueInput } from './report-value.js';
import { reviewValue } from './review-value.js';
import { createIndicator, type IndicatorInput } from './save-indicator.js';
import { createTestimony, setTestimonyPublished, type TestimonyInput } from './save-testimony.js';

/**
 * The impact in the demo, through the module's use cases with the clock of the day each step happened:
 * season 1's hand-typed laureates have indicators whose values staff recorded for 2022 and 2023 (300 young
 * people reached in 2022, 2,000 in 2023 in 12 cities; open weather stations; local branches); season 2's
 * decided laureates report theirs from their space — one approved and one waiting for approval, one returned
 * with a comment and a draft — and four testimonies (made-up people) are published. Skipped once any
 * indicator of those laureates exists.
 */
export async function loadReportingDemo(services: Services): Promise<void> {
  const closed = await demoClosedSeason(services);
  const season1 = await findSeasonIdBySlug(services.db, 'saison-1');
  if (!closed || !season1) return;
  const handTyped = await loadLaureates(services.db, { seasonId: season1 });
  const decided = await loadLaureates(services.db, { seasonId: closed.season.id });
  const all = [...handTyped, ...decided].map((l) => l.id);
  const existing = all.length
    ? await services.db.selectFrom('impact_indicators').select('id').where('laureate_id', 'in', all).limit(1).execute()
    : [];
  if (existing.length > 0) return;
  const staff = closed.staffActor;
  const named = (name: string) => handTyped.find((l) => l.name === name);

  const snu = named('SNU augmenté');
  if (snu) {
    const young = await indicator(closed.at('2022-01-10T10:00:00+01:00'), staff, snu, {
      name: 'Jeunes accompagnés dans une mission d’intérêt général',
      nameEn: 'Young people supported in a public-interest mission',
      unit: 'jeunes',
      unitEn: 'young people',
      baseline: { value: '0', date: '2021-12-31' },
      targets: [
        { value: '500', date: '2022-12-31' },
        { value: '2500', date: '2023-12-31' },
      ],
      irisId: 'PI4060',
      lever: 'mises-en-relation',
    });
    await record(
      closed.at('2023-01-20T10:00:00+01:00'),
      staff,
      young,
      year(2022, '300', 'Registre des missions de l’association'),
    );
    await record(
      closed.at('2024-01-22T10:00:00+01:00'),
      staff,
      young,
      year(2023, '2000', 'Registre des missions de l’association'),
    );
    const cities = await indicator(closed.at('2022-01-10T10:00:00+01:00'), staff, snu, {
      name: 'Villes où le programme est proposé',
      nameEn: 'Cities where the programme runs',
      unit: 'villes',
      unitEn: 'cities',
      targets: [{ value: '12', date: '2023-12-31' }],
      position: 1,
    });
    await record(
      closed.at('2023-01-20T10:00:00+01:00'),
      staff,
      cities,
      year(2022, '3', 'Conventions signées avec les villes'),
    );
    await record(
      closed.at('2024-01-22T10:00:00+01:00'),
      staff,
      cities,
      year(2023, '12', 'Conventions signées avec les villes'),
    );
  }
  const infoclimat = named('Infoclimat');
  if (infoclimat) {
    const stations = await indicator(closed.at('2022-02-01T10:00:00+01:00'), staff, infoclimat, {
      name: 'Nouvelles stations météo ouvertes',
      nameEn: 'New open weather stations',
      unit: 'stations',
      unitEn: 'stations',
      baseline: { value: '0', date: '2022-01-01' },
      targets: [{ value: '5', date: '2023-12-31' }],
      lever: 'donnees-outils',
    });
    await record(
      closed.at('2023-01-15T10:00:00+01:00'),
      staff,
      stations,
      year(2022, '2', 'Carte des stations publiée'),
    );
    await record(
      closed.at('2024-01-15T10:00:00+01:00'),
      staff,
      stations,
      year(2023, '5', 'Carte des stations publiée'),
    );
  }
  const permis = named('Permis de construire');
  if (permis) {
    const branches = await indicator(closed.at('2022-02-01T10:00:00+01:00'), staff, permis, {
      name: 'Antennes locales ouvertes',
      nameEn: 'Local branches opened',
      unit: 'antennes',
      unitEn: 'branches',
      baseline: { value: '0', date: '2022-01-01' },
      targets: [{ value: '3', date: '2023-12-31' }],
      lever: 'financement-juridique',
    });
    await record(closed.at('2023-01-15T10:00:00+01:00'), staff, branches, year(2022, '1', 'Rapport d’activité'));
    await record(closed.at('2024-01-15T10:00:00+01:00'), staff, branches, year(2023, '3', 'Rapport d’activité'));
  }

  // Season 2: the teams report from their laureate space; staff approve or return.
  const spaces = await laureateSpaces(services.db, { seasonId: closed.season.id });
  const [first, second] = spaces;
  const firstLaureate = first ? await laureateOfSpace(services, first) : null;
  if (first && firstLaureate) {
    const team = userActor(first.application.ownerId);
    const users = await indicator(closed.at('2023-07-10T10:00:00+02:00'), staff, firstLaureate, {
      name: 'Personnes qui utilisent le service chaque mois',
      nameEn: 'People using the service each month',
      unit: 'personnes',
      unitEn: 'people',
      baseline: { value: '1200', date: '2023-06-30' },
      targets: [
        { value: '2000', date: '2023-12-31' },
        { value: '3500', date: '2024-06-30' },
      ],
      lever: 'valorisation',
    });
    const h2 = await report(
      closed.at('2024-01-12T10:00:00+01:00'),
      team,
      users,
      {
        periodStart: '2023-07-01',
        periodEnd: '2023-12-31',
        value: '2150',
        source: 'Statistiques de fréquentation du service',
        comment: 'Hausse nette après la présentation aux services de l’État.',
      },
      true,
    );
    if (h2)
      await reviewValue(closed.at('2024-01-16T10:00:00+01:00'), staff, {
        valueId: h2,
        verdict: 'approve',
        comment: '',
      });
    await report(
      closed.at('2024-07-05T10:00:00+02:00'),
      team,
      users,
      {
        periodStart: '2024-01-01',
        periodEnd: '2024-06-30',
        value: '3420',
        source: 'Statistiques de fréquentation du service',
        comment: '',
      },
      true,
    );
    await testimony(
      closed.at('2024-03-01T10:00:00+01:00'),
      team,
      firstLaureate,
      {
        quote: 'Je fais maintenant mes démarches seule, et j’aide ma voisine à faire les siennes.',
        quoteEn: 'I now do my paperwork on my own, and I help my neighbour with hers.',
        authorName: 'Mireille Coste',
        authorRole: 'Usagère du service',
        lever: 'valorisation',
      },
      staff,
      true,
    );
  }
  const secondLaureate = second ? await laureateOfSpace(services, second) : null;
  if (second && secondLaureate) {
    const team = userActor(second.application.ownerId);
    const volunteers = await indicator(closed.at('2023-07-10T10:00:00+02:00'), staff, secondLaureate, {
      name: 'Bénévoles formés',
      nameEn: 'Volunteers trained',
      unit: 'bénévoles',
      unitEn: 'volunteers',
      targets: [{ value: '60', date: '2024-06-30' }],
      lever: 'coaching',
    });
    const returned = await report(
      closed.at('2024-01-08T10:00:00+01:00'),
      team,
      volunteers,
      {
        periodStart: '2023-07-01',
        periodEnd: '2023-12-31',
        value: '45',
        source: '',
        comment: 'Chiffre estimé.',
      },
      true,
    );
    if (returned)
      await reviewValue(closed.at('2024-01-10T10:00:00+01:00'), staff, {
        valueId: returned,
        verdict: 'return',
        comment:
          'Pouvez-vous préciser la source (feuilles d’émargement des formations) et ne compter que les formations terminées ?',
      });
    await report(
      closed.at('2024-07-02T10:00:00+02:00'),
      team,
      volunteers,
      {
        periodStart: '2024-01-01',
        periodEnd: '2024-06-30',
        value: '38',
        source: 'Feuilles d’émargement',
        comment: 'Brouillon à compléter avec la session de juin.',
      },
      false,
    );
  }

  // Testimonies recorded by staff, with the authors' consent, and published.
  if (snu)
    await testimony(
      closed.at('2023-06-12T10:00:00+02:00'),
      staff,
      snu,
      {
        quote:
          'Ma mission à la banque alimentaire m’a donné envie de continuer comme bénévole. J’y vais encore le samedi.',
        quoteEn: 'My mission at the food bank made me want to carry on as a volunteer. I still go on Saturdays.',
        authorName: 'Yanis Belkacem',
        authorRole: 'Jeune volontaire, 17 ans',
        lever: 'mises-en-relation',
      },
      staff,
      true,
    );
  if (infoclimat)
    await testimony(
      closed.at('2023-09-20T10:00:00+02:00'),
      staff,
      infoclimat,
      {
        quote:
          'La station installée sur le toit de l’école sert à nos cours de sciences, et ses relevés profitent à tout le monde.',
        quoteEn:
          'The station on the school roof is used in our science lessons, and its readings are there for everyone.',
        authorName: 'Claire Duval',
        authorRole: 'Professeure des écoles',
        lever: 'donnees-outils',
      },
      staff,
      true,
    );
  if (permis)
    await testimony(
      closed.at('2023-11-08T10:00:00+01:00'),
      staff,
      permis,
      {
        quote:
          'À ma sortie, l’antenne m’a aidé à trouver un logement puis un contrat. Sans elle, je serais reparti de zéro.',
        quoteEn:
          'When I got out, the branch helped me find housing and then a job. Without it, I would have started from nothing.',
        authorName: 'Karim N.',
        authorRole: 'Accompagné par l’antenne de Lille',
        lever: 'financement-juridique',
      },
      staff,
      true,
    );
}

type IndicatorDemo = Partial<IndicatorInput> & Pick<IndicatorInput, 'name' | 'unit'>;

async function indicator(services: Services, staff: Actor, laureate: LaureateRecord, fields: IndicatorDemo) {
  return createIndicator(
    services,
    staff,
    laureate.id,
    {
      nameEn: '',
      description: '',
      unitEn: '',
      direction: 'increase',
      baseline: null,
      targets: [],
      irisId: null,
      lever: null,
      isPublic: true,
      position: 0,
      ...fields,
    },
    null,
  );
}

function year(y: number, value: string, source: string): ValueInput {
  return { periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, value, source, comment: '' };
}

async function record(services: Services, staff: Actor, indicatorId: string, value: ValueInput) {
  await recordApprovedValue(services, staff, { indicatorId, value, submissionKey: null });
}

async function report(services: Services, team: Actor, indicatorId: string, value: ValueInput, submit: boolean) {
  const result = await reportValue(services, team, { indicatorId, submit, value });
  return result.ok ? result.id : null;
}

async function testimony(
  services: Services,
  by: Actor,
  laureate: LaureateRecord,
  fields: Omit<TestimonyInput, 'laureateId' | 'photoAlt' | 'videoUrl' | 'quoteEn' | 'lever'> &
    Partial<Pick<TestimonyInput, 'quoteEn' | 'lever' | 'videoUrl'>>,
  staff: Actor,
  publish: boolean,
) {
  const result = await createTestimony(
    services,
    by,
    { laureateId: laureate.id, photoAlt: '', videoUrl: null, quoteEn: '', lever: null, ...fields },
    { submissionKey: null, proposedByTeam: by !== staff },
  );
  if (result.ok && publish) await setTestimonyPublished(services, staff, result.id, true);
}
