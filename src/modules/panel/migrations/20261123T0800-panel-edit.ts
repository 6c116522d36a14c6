import { type Kysely, sql } from 'kysely';

/**
 * Editing a panel after creation: a description shown to volunteers, a version number for optimistic
 * concurrency (a form saved over another staff member's change is refused), and the moment an
 * analysis became outdated because the quotas or the size changed after it was requested.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table panels add column description text not null default '';
    alter table panels add column description_en text not null default '';
    alter table panels add column version integer not null default 1;
    alter table panel_analyses add column outdated_at timestamptz;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table panel_analyses drop column outdated_at;
    alter table panels drop column version, drop column description_en, drop column description;
  `.execute(db);
}
