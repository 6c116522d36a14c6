import { type Kysely, sql } from 'kysely';

/** The applications staff put before the panel (the season's eligible or in-review ones). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table panel_shortlist (
      panel_id uuid not null references panels(id) on delete cascade,
      application_id uuid not null references applications(id) on delete cascade,
      added_at timestamptz not null,
      added_by uuid references users(id) on delete set null,
      primary key (panel_id, application_id)
    );
  `.execute(db);
}
