import { type Kysely, sql } from 'kysely';

/** When a draft's owner was reminded that the call closes soon (once per draft). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table applications add column reminder_sent_at timestamptz`.execute(db);
}
