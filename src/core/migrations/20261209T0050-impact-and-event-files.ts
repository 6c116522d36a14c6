import { type Kysely, sql } from 'kysely';

/**
 * Two more purposes for files (issue 16): 'impact' (a reported value's evidence, a testimony's photo) and
 * 'events' (an event's documents, a partner's logo). Like laureate files, never served by /fichiers: only by
 * the impact and events routes, which decide who may read each one (a published photo or logo is public).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table files drop constraint if exists files_purpose_check;
    alter table files add constraint files_purpose_check
      check (purpose in ('content', 'application', 'laureate', 'cooperation', 'impact', 'events'));
  `.execute(db);
}
