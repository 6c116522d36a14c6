import { type Kysely, sql } from 'kysely';

/**
 * The support plan's progress shown on the public laureate page (issue 14), as a percentage of validated
 * milestone weight; null when staff keep it private or there is no plan. Written by the support module
 * through `setLaureateProgress`, keyed by the decision's public reference.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table laureates add column progress_percent integer
            check (progress_percent is null or progress_percent between 0 and 100)`.execute(db);
}
