import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { isUuid } from '../../core/ids.js';
import type { NewsAttachmentsTable, NewsTable, PagesTable } from './tables.js';

export type PageRow = Selectable<PagesTable>;
export type NewsRow = Selectable<NewsTable>;
export type AttachmentRow = Selectable<NewsAttachmentsTable> & {
  content_type: string | null;
  size: number | null;
  original_name: string | null;
};

export interface NewsFilter {
  category?: string;
  tag?: string;
}

function publishedNews(db: Kysely<DB>, filter: NewsFilter = {}) {
  let query = db.selectFrom('news').where('status', '=', 'published');
  // `@>` on the arrays lets PostgreSQL use the GIN indexes.
  if (filter.category) query = query.where(sql<boolean>`categories @> array[${filter.category}]::text[]`);
  if (filter.tag) query = query.where(sql<boolean>`tags @> array[${filter.tag}]::text[]`);
  return query;
}

export async function findPublishedPage(db: Kysely<DB>, slug: string): Promise<PageRow | undefined> {
  return db
    .selectFrom('pages')
    .selectAll()
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

export async function listPublishedPages(db: Kysely<DB>): Promise<Pick<PageRow, 'slug' | 'title' | 'title_en'>[]> {
  return db
    .selectFrom('pages')
    .select(['slug', 'title', 'title_en'])
    .where('status', '=', 'published')
    .orderBy('title')
    .execute();
}

/** One page of published news, newest first, with the total count for the filter. */
export async function listPublishedNews(
  db: Kysely<DB>,
  filter: NewsFilter,
  limit: number,
  offset: number,
): Promise<{ items: NewsRow[]; total: number }> {
  const [items, count] = await Promise.all([
    publishedNews(db, filter)
      .selectAll()
      .orderBy('published_at', 'desc')
      .orderBy('slug')
      .limit(limit)
      .offset(offset)
      .execute(),
    publishedNews(db, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findPublishedNews(db: Kysely<DB>, slug: string): Promise<NewsRow | undefined> {
  return db
    .selectFrom('news')
    .selectAll()
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** Every category and every tag used by published news, for the filters. */
export async function publishedNewsFacets(db: Kysely<DB>): Promise<{ categories: string[]; tags: string[] }> {
  const distinct = async (column: 'categories' | 'tags') => {
    const result = await sql<{ value: string }>`
      select distinct unnest(${sql.ref(column)}) as value from news where status = 'published' order by 1`.execute(db);
    return result.rows.map((r) => r.value);
  };
  return { categories: await distinct('categories'), tags: await distinct('tags') };
}

export async function listAttachments(db: Kysely<DB>, newsId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom('news_attachments as a')
    .leftJoin('files as f', 'f.id', 'a.file_id')
    .select([
      'a.id',
      'a.news_id',
      'a.label',
      'a.url',
      'a.file_id',
      'a.position',
      'f.content_type',
      'f.size',
      'f.original_name',
    ])
    .where('a.news_id', '=', newsId)
    .orderBy('a.position')
    .orderBy('a.label')
    .execute();
}

/**
 * Who may open a stored file through /fichiers: 'public' for a content file that published content
 * holds (an attachment of a published news item, or its image); 'editors' for a content file only
 * drafts hold; null for anything else — application files above all, whatever names them: a file
 * uploaded for an application never becomes content by being linked from a page.
 */
export async function contentFileAccess(db: Kysely<DB>, fileId: string): Promise<'public' | 'editors' | null> {
  if (!isUuid(fileId)) return null;
  const rows = await db
    .selectFrom('news as n')
    .innerJoin('files as f', (join) => join.on('f.id', '=', fileId).on('f.purpose', '=', 'content'))
    .select('n.status')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('news_attachments as a')
            .select('a.id')
            .whereRef('a.news_id', '=', 'n.id')
            .where('a.file_id', '=', fileId),
        ),
        eb('n.image_url', 'like', `/fichiers/${fileId}/%`),
      ]),
    )
    .execute();
  if (rows.length === 0) return null;
  return rows.some((r) => r.status === 'published') ? 'public' : 'editors';
}

export async function listAllPages(db: Kysely<DB>): Promise<PageRow[]> {
  return db.selectFrom('pages').selectAll().orderBy('slug').execute();
}

export async function listAllNews(db: Kysely<DB>): Promise<NewsRow[]> {
  return db.selectFrom('news').selectAll().orderBy('published_at', 'desc').orderBy('slug').execute();
}

export async function findPageById(db: Kysely<DB>, id: string): Promise<PageRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findNewsById(db: Kysely<DB>, id: string): Promise<NewsRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('news').selectAll().where('id', '=', id).executeTakeFirst();
}
