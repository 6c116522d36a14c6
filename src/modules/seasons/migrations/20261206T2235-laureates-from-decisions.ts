import { type Kysely, sql } from 'kysely';

/**
 * Laureates published from a season's decisions (decisions module): `application_ref` is the decision's
 * random public reference (never the application's id), so a new publication of the same decisions updates
 * its rows instead of adding more; `visible_from` is the embargo — the public pages show a laureate only
 * from then. Hand-typed laureates keep both null: no reference, always visible.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table laureates add column application_ref uuid unique;
    alter table laureates add column visible_from timestamptz;
  `.execute(db);
}
