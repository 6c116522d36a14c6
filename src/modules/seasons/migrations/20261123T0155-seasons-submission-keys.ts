import { type Kysely, sql } from 'kysely';

/**
 * A create form carries a one-time key: sending the same form twice (double click, retry after a
 * lost answer) finds the row the first send made instead of making a second one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table seasons add column submission_key uuid unique;
    alter table laureates add column submission_key uuid unique;
  `.execute(db);
}
