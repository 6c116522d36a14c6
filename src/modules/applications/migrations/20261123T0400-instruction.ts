import { type Kysely, sql } from 'kysely';

/**
 * Instruction: the message thread between staff and the applicants of one application, and the
 * staff's private notes (a separate table, so no applicant query can ever reach them by mistake).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table application_messages (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications(id) on delete cascade,
      author_id uuid references users(id),
      from_staff boolean not null,
      body text not null,
      at timestamptz not null
    );
    create index application_messages_application on application_messages(application_id, at);
    create table application_notes (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications(id) on delete cascade,
      author_id uuid references users(id),
      body text not null,
      at timestamptz not null
    );
    create index application_notes_application on application_notes(application_id, at);
  `.execute(db);
}
