import { type Kysely, sql } from 'kysely';

/**
 * A file's bytes may live in a directory (FILES_DIR) instead of the `data` column: `stored_in` says
 * where, and a row has bytes in the column exactly when it says 'database'.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table files
      alter column data drop not null,
      add column stored_in text not null default 'database' check (stored_in in ('database', 'directory')),
      add constraint files_bytes_where_said check ((stored_in = 'database') = (data is not null));
  `.execute(db);
}
