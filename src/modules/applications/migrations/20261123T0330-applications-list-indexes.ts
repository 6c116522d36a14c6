import { type Kysely, sql } from 'kysely';

/**
 * The staff list without filters walks applications newest first (keyset on created_at, id), and
 * the list header counts drafts in progress: both get an index so they stay fast at 100,000 rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index applications_recent on applications(created_at desc, id desc);
    create index applications_drafts on applications(season_id) where state = 'draft';
  `.execute(db);
}
