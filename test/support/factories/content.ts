import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../../src/core/db/schema.js';
import type { NewsAttachmentsTable, NewsTable } from '../../../src/modules/content/tables.js';

/** The content module's test factory: the one place outside src/modules/content where tests write its tables. */

export async function insertNews(db: Kysely<DB>, values: Insertable<NewsTable>): Promise<{ id: string }> {
  return db.insertInto('news').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function insertNewsAttachment(db: Kysely<DB>, values: Insertable<NewsAttachmentsTable>): Promise<void> {
  await db.insertInto('news_attachments').values(values).execute();
}

/** The news item with this slug (drafts included), or undefined. */
export async function newsBySlug(db: Kysely<DB>, slug: string): Promise<Selectable<NewsTable> | undefined> {
  return db.selectFrom('news').selectAll().where('slug', '=', slug).executeTakeFirst();
}
