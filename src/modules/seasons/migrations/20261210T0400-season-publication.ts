import { type Kysely, sql } from 'kysely';

/**
 * A season is a draft until staff publish it (issue 17): a draft is not on the public site and takes no
 * application. `published_at` is when it was published, null while it is a draft. The seasons that exist
 * already were public: they stay published, from their creation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table seasons add column published_at timestamptz`.execute(db);
  await sql`update seasons set published_at = created_at`.execute(db);
}
