import { type Kysely, sql } from 'kysely';

/** The example module's one table: notes waiting for staff, counted on the dashboard tile. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table example_notes (id uuid primary key default gen_random_uuid(), body text not null)`.execute(db);
}
