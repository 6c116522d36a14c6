import { type Kysely, sql } from 'kysely';

/**
 * Events written by a change wait here, in the change's own transaction, until a short chaining
 * transaction moves them into the hash chain (audit_events) right after the change commits. The
 * changes no longer queue one behind another on the chain's head row while they commit, which
 * serialised every writing transaction of the platform (see src/core/audit/audit.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_queue (
      id bigserial primary key,
      at timestamptz not null,
      actor_id uuid,
      actor_label text not null,
      action text not null,
      subject_type text not null,
      subject_id text,
      summary jsonb not null default '{}'
    );
    create function audit_queue_no_update() returns trigger language plpgsql as $$
      begin raise exception 'audit_queue rows are never changed, only moved into audit_events'; end $$;
    create trigger audit_queue_no_update before update on audit_queue
      for each row execute function audit_queue_no_update();
  `.execute(db);
}
