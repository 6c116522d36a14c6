import { type Static, Type } from '@sinclair/typebox';
import { dayCell, numberCell } from '../../../core/spreadsheet/csv.js';
import { publicIndicators } from '../../impact/index.js';
import { listPublicLaureates, listPublicSeasons } from '../../seasons/index.js';
import { datasetMessages as m } from '../messages.js';
import { Day, Nullable, Uuid } from '../schemas.js';
import { defineDataset } from './dataset.js';

const Dated = Type.Object({ value: Type.Number(), date: Day });

export const LaureateRecord = Type.Object({
  id: Uuid,
  seasonId: Uuid,
  seasonName: Type.String(),
  name: Type.String({ description: 'The project' }),
  organisation: Type.String({ description: 'The organisation carrying it' }),
  summary: Type.String(),
  summaryEn: Type.String(),
  website: Type.String(),
  track: Nullable(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() })),
  supportProgressPercent: Nullable(
    Type.Integer({ minimum: 0, maximum: 100, description: 'The support plan’s progress, when published' }),
  ),
  indicators: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      nameEn: Type.String(),
      description: Type.String(),
      unit: Type.String(),
      unitEn: Type.String(),
      direction: Type.String({ description: 'increase or decrease: which way is better' }),
      baseline: Nullable(Dated),
      targets: Type.Array(Dated),
      irisId: Nullable(Type.String({ description: 'IRIS+ metric id' })),
      lever: Nullable(Type.String()),
      values: Type.Array(
        Type.Object({ periodStart: Day, periodEnd: Day, value: Type.Number(), source: Type.String() }),
        { description: 'Approved values, oldest period first' },
      ),
    }),
  ),
  url: Type.String({
    description: 'The laureate’s public page (figures, support, testimonies), relative to the site root',
  }),
});
type LaureateRecord = Static<typeof LaureateRecord>;

/** The laureates the public sees (embargo passed), with their support progress and public impact indicators. */
export const laureatesDataset = defineDataset<LaureateRecord>({
  path: 'laureates',
  file: 'laureats',
  title: m.laureatesTitle,
  description: m.laureatesText,
  keywords: { fr: ['lauréats', 'impact', 'indicateurs', 'accompagnement'], en: ['laureates', 'impact', 'indicators'] },
  schema: LaureateRecord,
  filters: {
    season: { schema: Uuid, test: (l, value) => l.seasonId === value },
    track: {
      schema: Type.String({ maxLength: 50, description: 'A track code of the season (e.g. numerique)' }),
      test: (l, value) => l.track?.code === value,
    },
  },
  async load(services) {
    const seasons = await listPublicSeasons(services);
    const perSeason = await Promise.all(
      seasons.map(async (season) =>
        (await listPublicLaureates(services, season)).map((l) => ({ laureate: l, season })),
      ),
    );
    const all = perSeason.flat();
    const indicators = await publicIndicators(services.db, { laureateIds: all.map((l) => l.laureate.id) });
    return all.map(({ laureate: l, season }) => ({
      id: l.id,
      seasonId: season.id,
      seasonName: season.name,
      name: l.name,
      organisation: l.organisation,
      summary: l.summary,
      summaryEn: l.summaryEn,
      website: l.website,
      track: l.track,
      supportProgressPercent: l.progressPercent,
      indicators: indicators
        .filter((i) => i.laureateId === l.id)
        .map((i) => ({
          id: i.id,
          name: i.name,
          nameEn: i.nameEn,
          description: i.description,
          unit: i.unit,
          unitEn: i.unitEn,
          direction: i.direction,
          baseline: i.baseline,
          targets: i.targets,
          irisId: i.irisId,
          lever: i.lever,
          values: i.points,
        })),
      url: `/laureats/${l.id}`,
    }));
  },
  // No record holds its own date: the latest season change or approved figure stands for the dataset's.
  async modified(services, items) {
    const seasons = new Set(items.map((l) => l.seasonId));
    const times = (await listPublicSeasons(services))
      .filter((s) => seasons.has(s.id))
      .map((s) => s.updatedAt.getTime());
    for (const l of items)
      for (const i of l.indicators)
        for (const v of i.values) times.push(new Date(`${v.periodEnd}T00:00:00Z`).getTime());
    const latest = Math.max(...times.filter((at) => at <= services.clock.now().getTime()));
    return Number.isFinite(latest) ? new Date(latest) : null;
  },
  columns: [
    { label: 'Identifiant', value: (l) => l.id },
    { label: 'Saison', value: (l) => l.seasonName },
    { label: 'Projet', value: (l) => l.name },
    { label: 'Organisation', value: (l) => l.organisation },
    { label: 'Parcours', value: (l) => l.track?.name ?? '' },
    { label: 'Résumé', value: (l) => l.summary },
    { label: 'Site web', value: (l) => l.website },
    { label: 'Avancement de l’accompagnement (%)', value: (l) => numberCell(l.supportProgressPercent) },
    {
      label: 'Indicateurs (dernière valeur approuvée)',
      value: (l) =>
        l.indicators
          .map((i) => {
            const last = i.values.at(-1);
            return last ? `${i.name} : ${numberCell(last.value)} ${i.unit} (${dayCell(last.periodEnd)})` : i.name;
          })
          .join(' | '),
    },
    { label: 'Page', value: (l) => l.url },
  ],
});
