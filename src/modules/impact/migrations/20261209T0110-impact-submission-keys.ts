import { type Kysely, sql } from 'kysely';

/**
 * The one-time key of the form that created an indicator, a value or a testimony: a repeated send (double
 * click, retry) finds the first row instead of inserting another (core/http/submission-keys.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table impact_indicators add column submission_key uuid unique;
    alter table impact_values add column submission_key uuid unique;
    alter table impact_testimonies add column submission_key uuid unique;
  `.execute(db);
}
