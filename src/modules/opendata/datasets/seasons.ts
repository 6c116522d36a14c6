import { type Static, Type } from '@sinclair/typebox';
import { eurosCell, listCell, parisDateTimeCell } from '../../../core/spreadsheet/csv.js';
import { listPublicSeasons } from '../../seasons/index.js';
import { datasetMessages as m } from '../messages.js';
import { Instant, SitePath, Uuid } from '../schemas.js';
import { defineDataset } from './dataset.js';

const STATUSES = ['upcoming', 'open', 'closed'];

export const SeasonRecord = Type.Object({
  id: Uuid,
  slug: Type.String(),
  number: Type.Integer(),
  name: Type.String(),
  nameEn: Type.String(),
  summary: Type.String(),
  summaryEn: Type.String(),
  opensAt: Instant,
  closesAt: Instant,
  status: Type.String({ description: 'The call: upcoming, open or closed', enum: STATUSES }),
  tracks: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() })),
  criteria: Type.Array(
    Type.Object({ code: Type.String(), label: Type.String(), labelEn: Type.String(), weight: Type.Number() }),
  ),
  eligibleKinds: Type.Array(Type.String()),
  supportMonths: Type.Integer(),
  grantEnvelopeCents: Type.Integer({ description: 'The season’s grant envelope, in euro cents' }),
  laureatesSought: Type.Integer(),
  laureateCount: Type.Integer({ description: 'Laureates published so far' }),
  url: SitePath,
  updatedAt: Instant,
});
type SeasonRecord = Static<typeof SeasonRecord>;

const STATUS_LABEL: Record<string, string> = { upcoming: 'À venir', open: 'Ouvert', closed: 'Clos' };

/** The seasons and their calls for applications. */
export const seasonsDataset = defineDataset<SeasonRecord>({
  path: 'seasons',
  file: 'saisons',
  title: m.seasonsTitle,
  description: m.seasonsText,
  keywords: { fr: ['appel à projets', 'saison', 'initiatives citoyennes'], en: ['call for projects', 'season'] },
  schema: SeasonRecord,
  filters: {
    status: {
      schema: Type.String({ enum: STATUSES, description: 'The call’s status now: upcoming, open or closed' }),
      test: (season, value) => season.status === value,
    },
  },
  async load(services) {
    return (await listPublicSeasons(services)).map((s) => ({
      id: s.id,
      slug: s.slug,
      number: s.number,
      name: s.name,
      nameEn: s.nameEn,
      summary: s.summary,
      summaryEn: s.summaryEn,
      opensAt: s.opensAt.toISOString(),
      closesAt: s.closesAt.toISOString(),
      status: s.status,
      tracks: s.tracks.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
      criteria: s.criteria.map(({ code, label, labelEn, weight }) => ({ code, label, labelEn, weight })),
      eligibleKinds: s.eligibleKinds,
      supportMonths: s.supportMonths,
      grantEnvelopeCents: s.grantEnvelopeCents,
      laureatesSought: s.laureatesSought,
      laureateCount: s.laureateCount,
      url: `/saisons/${s.slug}`,
      updatedAt: s.updatedAt.toISOString(),
    }));
  },
  updatedAt: (season) => season.updatedAt,
  columns: [
    { label: 'Identifiant', value: (s) => s.id },
    { label: 'Numéro', value: (s) => String(s.number) },
    { label: 'Nom', value: (s) => s.name },
    { label: 'Résumé', value: (s) => s.summary },
    { label: 'Ouverture de l’appel', value: (s) => parisDateTimeCell(s.opensAt) },
    { label: 'Clôture de l’appel', value: (s) => parisDateTimeCell(s.closesAt) },
    { label: 'État de l’appel', value: (s) => STATUS_LABEL[s.status] ?? s.status },
    { label: 'Parcours', value: (s) => listCell(s.tracks.map((t) => t.name)) },
    { label: 'Critères', value: (s) => listCell(s.criteria.map((c) => c.label)) },
    { label: 'Durée de l’accompagnement (mois)', value: (s) => String(s.supportMonths) },
    { label: 'Enveloppe de subventions (€)', value: (s) => eurosCell(s.grantEnvelopeCents) },
    { label: 'Lauréats recherchés', value: (s) => String(s.laureatesSought) },
    { label: 'Lauréats publiés', value: (s) => String(s.laureateCount) },
    { label: 'Page', value: (s) => s.url },
    { label: 'Mise à jour', value: (s) => parisDateTimeCell(s.updatedAt) },
  ],
});
