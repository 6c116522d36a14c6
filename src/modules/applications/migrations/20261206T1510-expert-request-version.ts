import { type Kysely, sql } from 'kysely';

/**
 * An expert is asked about one submitted version: the request names it, so a later submit does not
 * change what the expert reads. Requests made before this column existed are pinned to the version
 * current when it is added (the closest known to the one they were made for).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table application_expert_requests add column application_version int;
    update application_expert_requests r
       set application_version = a.current_version
      from applications a
     where a.id = r.application_id;
    alter table application_expert_requests alter column application_version set not null;
  `.execute(db);
}
