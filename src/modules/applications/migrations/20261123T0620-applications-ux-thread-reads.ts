import { type Kysely, sql } from 'kysely';

/**
 * How far each person has read the message thread of an application (staff members each for
 * themselves, applicants each for themselves): messages from the other side written after it are
 * marked as new. A reading position, not a change of the application: not audited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table application_thread_reads (
      application_id uuid not null references applications(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      read_up_to timestamptz not null,
      primary key (application_id, user_id)
    );
  `.execute(db);
}
