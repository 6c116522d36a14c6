import { type Kysely, sql } from 'kysely';

/**
 * A member of an application stays attributed to their account, which an erasure keeps as a pseudonym:
 * deleting the account row instead fails loudly rather than detaching the member silently.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table application_members drop constraint application_members_user_id_fkey,
      add constraint application_members_user_id_fkey foreign key (user_id) references users(id) on delete restrict;
  `.execute(db);
}
