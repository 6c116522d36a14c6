import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import './tables.js';

/**
 * A published news item as the open data publishes it (issue 16): its title, standfirst, categories and
 * dates, and the address of its page. Not its press contact (a person) nor its body (read on the page).
 */
export interface PublicNews {
  id: string;
  slug: string;
  title: string;
  titleEn: string | null;
  summary: string | null;
  summaryEn: string | null;
  categories: string[];
  tags: string[];
  publishedAt: Date;
  updatedAt: Date;
  url: string;
}

/** Every published news item (as the news pages list them), by id. */
export async function publicNews(db: Kysely<DB>): Promise<PublicNews[]> {
  const rows = await db
    .selectFrom('news')
    .select([
      'id',
      'slug',
      'title',
      'title_en',
      'chapeau',
      'chapeau_en',
      'categories',
      'tags',
      'published_at',
      'updated_at',
    ])
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    titleEn: r.title_en,
    summary: r.chapeau,
    summaryEn: r.chapeau_en,
    categories: r.categories,
    tags: r.tags,
    publishedAt: new Date(r.published_at),
    updatedAt: new Date(r.updated_at),
    url: `/actualites/${r.slug}`,
  }));
}
