import { type Static, Type } from '@sinclair/typebox';
import { listCell, parisDateTimeCell } from '../../../core/spreadsheet/csv.js';
import { publicNews } from '../../content/index.js';
import { datasetMessages as m } from '../messages.js';
import { Instant, Nullable, SitePath, Uuid } from '../schemas.js';
import { defineDataset } from './dataset.js';

export const NewsRecord = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  summary: Nullable(Type.String({ description: 'The standfirst' })),
  summaryEn: Nullable(Type.String()),
  categories: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  publishedAt: Instant,
  updatedAt: Instant,
  url: SitePath,
});
type NewsRecord = Static<typeof NewsRecord>;

/** The programme's published news and press releases (titles, standfirsts, dates; the text is on the page). */
export const newsDataset = defineDataset<NewsRecord>({
  path: 'news',
  file: 'actualites',
  title: m.newsTitle,
  description: m.newsText,
  keywords: { fr: ['actualités', 'communiqués de presse'], en: ['news', 'press releases'] },
  schema: NewsRecord,
  filters: {
    category: {
      schema: Type.String({ maxLength: 100, description: 'One of its categories' }),
      test: (n, value) => n.categories.includes(value),
    },
    tag: {
      schema: Type.String({ maxLength: 100, description: 'One of its tags' }),
      test: (n, value) => n.tags.includes(value),
    },
  },
  async load(services) {
    return (await publicNews(services.db)).map((n) => ({
      ...n,
      publishedAt: n.publishedAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
    }));
  },
  updatedAt: (n) => n.updatedAt,
  columns: [
    { label: 'Identifiant', value: (n) => n.id },
    { label: 'Titre', value: (n) => n.title },
    { label: 'Chapeau', value: (n) => n.summary ?? '' },
    { label: 'Catégories', value: (n) => listCell(n.categories) },
    { label: 'Étiquettes', value: (n) => listCell(n.tags) },
    { label: 'Publiée le', value: (n) => parisDateTimeCell(n.publishedAt) },
    { label: 'Mise à jour', value: (n) => parisDateTimeCell(n.updatedAt) },
    { label: 'Page', value: (n) => n.url },
  ],
});
