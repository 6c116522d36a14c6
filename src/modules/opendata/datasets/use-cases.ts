import { type Static, Type } from '@sinclair/typebox';
import { t } from '../../../core/i18n/i18n.js';
import { dayCell, parisDateTimeCell } from '../../../core/spreadsheet/csv.js';
import { commonsLabels, publicUseCases } from '../../commons/index.js';
import { datasetMessages as m } from '../messages.js';
import { Day, Instant, Nullable, SitePath, Uuid } from '../schemas.js';
import { defineDataset } from './dataset.js';

const STATUSES = Object.keys(commonsLabels.status);

export const UseCaseRecord = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  status: Type.String({ enum: STATUSES }),
  abandonReason: Nullable(Type.String()),
  serviceUrl: Nullable(Type.String()),
  audience: Type.String(),
  territory: Type.String({ description: 'FR, a region (R + INSEE code) or a département (D + code)' }),
  startedOn: Nullable(Day),
  endedOn: Nullable(Day),
  administration: Type.Object({ id: Uuid, name: Type.String(), siret: Type.String() }),
  commons: Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() }),
  serviceName: Nullable(Type.String()),
  url: SitePath,
  createdAt: Instant,
  updatedAt: Instant,
});
type UseCaseRecord = Static<typeof UseCaseRecord>;

/** Which administration uses which commons, for what: the public use cases of the cooperation space. */
export const useCasesDataset = defineDataset<UseCaseRecord>({
  path: 'use-cases',
  file: 'cas-d-usage',
  title: m.useCasesTitle,
  description: m.useCasesText,
  keywords: { fr: ['cas d’usage', 'administrations', 'communs numériques'], en: ['use cases', 'administrations'] },
  schema: UseCaseRecord,
  filters: {
    status: {
      schema: Type.String({ enum: STATUSES, description: 'exploration, experimentation, production or abandoned' }),
      test: (u, value) => u.status === value,
    },
    commons: { schema: Uuid, test: (u, value) => u.commons.id === value },
    administration: { schema: Uuid, test: (u, value) => u.administration.id === value },
  },
  async load(services) {
    return (await publicUseCases(services.db)).map((u) => ({
      ...u,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    }));
  },
  updatedAt: (u) => u.updatedAt,
  columns: [
    { label: 'Identifiant', value: (u) => u.id },
    { label: 'Titre', value: (u) => u.title },
    { label: 'Administration', value: (u) => u.administration.name },
    { label: 'SIRET de l’administration', value: (u) => u.administration.siret },
    { label: 'Commun', value: (u) => u.commons.name },
    {
      label: 'État',
      value: (u) => t('fr', commonsLabels.status[u.status as keyof typeof commonsLabels.status]),
    },
    { label: 'Public visé', value: (u) => u.audience },
    { label: 'Territoire', value: (u) => u.territory },
    { label: 'Début', value: (u) => dayCell(u.startedOn) },
    { label: 'Fin', value: (u) => dayCell(u.endedOn) },
    { label: 'Description', value: (u) => u.description },
    { label: 'Page', value: (u) => u.url },
    { label: 'Mise à jour', value: (u) => parisDateTimeCell(u.updatedAt) },
  ],
});
