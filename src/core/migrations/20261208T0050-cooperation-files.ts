import { type Kysely, sql } from 'kysely';

/**
 * A fourth purpose for files: 'cooperation', the documents of an experiment between administrations and a
 * commons (issue 15). Like laureate files, never served by /fichiers: only by the cooperation routes, with
 * their rights.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table files drop constraint if exists files_purpose_check;
    alter table files add constraint files_purpose_check
      check (purpose in ('content', 'application', 'laureate', 'cooperation'));
  `.execute(db);
}
