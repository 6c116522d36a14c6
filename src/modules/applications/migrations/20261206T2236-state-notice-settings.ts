import { type Kysely, sql } from 'kysely';

/**
 * Per season, the instruction states whose change notifies the applicants (eligible, ineligible, in review).
 * No row means the notice is sent: staff switch one off, and that choice is recorded with who made it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table application_state_notice_settings (
      season_id uuid not null references seasons(id) on delete cascade,
      state text not null check (state in ('eligible', 'ineligible', 'in_review')),
      enabled boolean not null,
      updated_at timestamptz not null,
      updated_by uuid references users(id) on delete set null,
      primary key (season_id, state)
    );
  `.execute(db);
}
