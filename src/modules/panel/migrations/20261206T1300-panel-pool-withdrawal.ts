import { type Kysely, sql } from 'kysely';

/**
 * The published pool file (pseudonyms and answers) is withdrawn at the panel's deletion date: the draw
 * keeps when, and how many volunteers the pool held, so the transparency page can still say both.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table panel_draws add column pool_withdrawn_at timestamptz;
    alter table panel_draws add column pool_size integer;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table panel_draws drop column pool_withdrawn_at, drop column pool_size`.execute(db);
}
