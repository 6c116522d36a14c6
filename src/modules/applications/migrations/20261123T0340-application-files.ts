import { type Kysely, sql } from 'kysely';

/**
 * The files attached to applications, with the antivirus state of each. The bytes stay in the core
 * table files (stored under a generated id; the sender's name is display text only).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table application_files (
      file_id uuid primary key references files(id) on delete cascade,
      application_id uuid not null references applications(id) on delete cascade,
      question_path text not null,
      uploaded_by uuid references users(id),
      scan_status text not null check (scan_status in ('pending', 'clean', 'infected', 'not_scanned', 'error')),
      scan_detail text not null default '',
      scanned_at timestamptz,
      removed_at timestamptz,
      created_at timestamptz not null
    );
    create index application_files_application on application_files(application_id, created_at);
  `.execute(db);
}
