import { type Kysely, sql } from 'kysely';

/**
 * Versions of a season's application form. The newest version is the season's current form; a
 * version referenced by an application is never changed again (a new version is written instead),
 * so submitted answers stay readable with the questions they answered.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table application_forms (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id) on delete cascade,
      version int not null check (version > 0),
      definition jsonb not null,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete set null,
      unique (season_id, version)
    );
  `.execute(db);
}
