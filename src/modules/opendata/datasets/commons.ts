import { type Static, Type } from '@sinclair/typebox';
import { t } from '../../../core/i18n/i18n.js';
import { listCell, parisDateTimeCell } from '../../../core/spreadsheet/csv.js';
import { commonsLabels, publicCommons } from '../../commons/index.js';
import { datasetMessages as m } from '../messages.js';
import { Instant, Nullable, SitePath, Uuid } from '../schemas.js';
import { defineDataset } from './dataset.js';

const KINDS = Object.keys(commonsLabels.kind);
const MATURITIES = Object.keys(commonsLabels.maturity);

export const CommonsRecord = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  summary: Type.String(),
  description: Type.String(),
  website: Nullable(Type.String()),
  repository: Nullable(Type.String()),
  licence: Nullable(Type.String({ description: 'SPDX licence expression' })),
  kind: Type.String({ enum: KINDS }),
  maturity: Type.String({ enum: MATURITIES }),
  governanceName: Type.String({ description: 'The organisation or community carrying it' }),
  governanceSiret: Nullable(Type.String()),
  categories: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()),
  levers: Type.Array(Type.String({ description: 'Support lever codes it needs' })),
  wikidataId: Nullable(Type.String()),
  useCases: Type.Integer({ description: 'Its public use cases' }),
  url: SitePath,
  createdAt: Instant,
  updatedAt: Instant,
});
type CommonsRecord = Static<typeof CommonsRecord>;

/** The digital commons of the cooperation space's catalogue. */
export const commonsDataset = defineDataset<CommonsRecord>({
  path: 'commons',
  file: 'communs',
  title: m.commonsTitle,
  description: m.commonsText,
  keywords: { fr: ['communs numériques', 'logiciel libre', 'coopération'], en: ['digital commons', 'open source'] },
  schema: CommonsRecord,
  filters: {
    kind: {
      schema: Type.String({ enum: KINDS, description: 'software, data, content, hardware, service or other' }),
      test: (c, value) => c.kind === value,
    },
    category: {
      schema: Type.String({ maxLength: 100, description: 'One of its categories' }),
      test: (c, value) => c.categories.includes(value),
    },
  },
  async load(services) {
    return (await publicCommons(services.db)).map((c) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    }));
  },
  updatedAt: (c) => c.updatedAt,
  columns: [
    { label: 'Identifiant', value: (c) => c.id },
    { label: 'Nom', value: (c) => c.name },
    { label: 'Résumé', value: (c) => c.summary },
    {
      label: 'Nature',
      value: (c) => t('fr', commonsLabels.kind[c.kind as keyof typeof commonsLabels.kind]),
    },
    {
      label: 'Maturité',
      value: (c) => t('fr', commonsLabels.maturity[c.maturity as keyof typeof commonsLabels.maturity]),
    },
    { label: 'Licence', value: (c) => c.licence ?? '' },
    { label: 'Porté par', value: (c) => c.governanceName },
    { label: 'SIRET du porteur', value: (c) => c.governanceSiret ?? '' },
    { label: 'Catégories', value: (c) => listCell(c.categories) },
    { label: 'Mots-clés', value: (c) => listCell(c.keywords) },
    { label: 'Site web', value: (c) => c.website ?? '' },
    { label: 'Dépôt de code', value: (c) => c.repository ?? '' },
    { label: 'Cas d’usage publics', value: (c) => String(c.useCases) },
    { label: 'Page', value: (c) => c.url },
    { label: 'Mise à jour', value: (c) => parisDateTimeCell(c.updatedAt) },
  ],
});
