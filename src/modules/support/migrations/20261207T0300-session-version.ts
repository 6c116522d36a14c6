import { type Kysely, sql } from 'kysely';

/**
 * Coaching sessions: a version (two staff members may edit the same session: a stale form is refused) and
 * a note kept for staff only (the session's notes are shared with the team).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table support_sessions add column version integer not null default 1;
    alter table support_sessions add column staff_note text not null default '';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table support_sessions drop column staff_note;
    alter table support_sessions drop column version;
  `.execute(db);
}
