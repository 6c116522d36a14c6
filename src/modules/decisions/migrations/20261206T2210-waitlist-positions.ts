import { type Kysely, sql } from 'kysely';

/** A waiting-list position is held by one application of a deliberation at a time (besides the use case's check). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create unique index decisions_waitlist_position on decisions (deliberation_id, waitlist_position)
      where outcome = 'waiting_list';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists decisions_waitlist_position`.execute(db);
}
