import { type Kysely, sql } from 'kysely';

/**
 * Runs of one season are ordered by a sequence, not by their timestamp: two runs may share a timestamp
 * (a frozen test clock, or two runs in the same millisecond), and "the latest run" must be one run.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table assignment_runs add column seq bigserial;
    create index assignment_runs_season_seq on assignment_runs(season_id, seq desc);
  `.execute(db);
}
