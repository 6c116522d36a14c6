import type { Kysely } from 'kysely';
import { seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { insertPlanWithMilestones } from '../../../../test/support/factories/support.js';
import { auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange } from '../../../core/cache/public-page.js';
import type { ManualClock } from '../../../core/clock.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import { confirmedLaureates } from '../../decisions/index.js';
import { getPublicSeason, listPublicLaureates, publishDecidedLaureates } from '../../seasons/index.js';
import { insertIndicator, insertTestimony, insertValue } from '../testing.js';

const DAY = 86_400_000;

/**
 * Test support: a season `saison-bilan` with two laureates published from the decisions (embargo one day
 * after the clock), a support plan for the first, a public indicator with approved values (and draft, pending
 * and returned ones that must never show), a private indicator, a "lower is better" indicator without values,
 * a published and an unpublished testimony. The route test and the browser test read the same data.
 */
export async function seedReportSeason(
  db: Kysely<DB>,
  services: Services,
  clock: ManualClock,
): Promise<{ laureateId: string; otherId: string }> {
  const seeded = await seedConfirmedLaureates(db, clock, {
    slug: 'saison-bilan',
    number: 7,
    laureates: [{ title: 'Météo ouverte' }, { title: 'Antennes citoyennes', track: 'autres' }],
  });
  const decided = await confirmedLaureates(db, { seasonId: seeded.seasonId });
  await auditedTransaction(db, { id: null, label: 'test' }, clock.now(), (trx, audit) =>
    publishDecidedLaureates(trx, audit, services, {
      seasonId: seeded.seasonId,
      visibleFrom: new Date(clock.now().getTime() + DAY),
      laureates: seeded.laureates.map((l) => ({
        applicationRef: decided.find((d) => d.applicationId === l.applicationId)!.publicRef,
        trackCode: l.track,
        name: l.title,
        organisation: `Association ${l.title}`,
        summary: `Le projet ${l.title}.`,
        summaryEn: '',
        website: '',
      })),
    }),
  );
  afterPublicChange(services);
  // The public records' ids, read as the public will once the embargo has passed.
  const at = clock.now();
  clock.advance(2 * DAY);
  const season = (await getPublicSeason(services, 'saison-bilan'))!;
  const ids = await listPublicLaureates(services, season);
  clock.set(at.toISOString());
  const laureateId = ids.find((l) => l.name === 'Météo ouverte')!.id;
  const otherId = ids.find((l) => l.name === 'Antennes citoyennes')!.id;
  await insertPlanWithMilestones(db, {
    applicationId: seeded.laureates[0].applicationId,
    seasonId: seeded.seasonId,
    trackCode: 'numerique',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    milestones: [{ title: 'Lancement', dueOn: '2026-02-01', state: 'validated' }],
  });
  const now = clock.now();
  const stations = await insertIndicator(db, now, {
    laureateId,
    name: 'Stations météo ouvertes',
    unit: 'stations',
    baseline: { value: 2, date: '2025-01-01' },
    targets: [{ value: 1500, date: '2027-12-31' }],
    irisId: 'PI4060',
  });
  const value = (
    periodStart: string,
    periodEnd: string,
    v: number,
    extra: Partial<Parameters<typeof insertValue>[2]> = {},
  ) => insertValue(db, now, { indicatorId: stations, periodStart, periodEnd, value: v, ...extra });
  await value('2025-01-01', '2025-06-30', 5, { source: 'Relevé <b>' });
  await value('2025-07-01', '2025-12-31', 1234.5);
  await value('2026-01-01', '2026-01-31', 777777, { state: 'draft' });
  await value('2026-01-01', '2026-01-31', 888888, { state: 'pending' });
  await value('2026-01-01', '2026-01-31', 999999, { state: 'returned' });
  await insertIndicator(db, now, { laureateId, name: 'Indicateur interne', unit: 'h', isPublic: false });
  await insertIndicator(db, now, { laureateId: otherId, name: 'Déchets évités', unit: 't', direction: 'decrease' });
  await insertTestimony(db, now, {
    laureateId,
    quote: 'Nos données servent enfin.',
    authorName: 'Awa Diallo',
    authorRole: 'Bénévole',
  });
  await insertTestimony(db, now, { laureateId, quote: 'Brouillon secret', authorName: 'Jean Caché', published: false });
  return { laureateId, otherId };
}
