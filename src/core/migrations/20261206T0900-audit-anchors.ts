import { type Kysely, sql } from 'kysely';

/**
 * The audit chain's head as published once a day. A copy outside the database (the public page, the server
 * log, whoever saved them) is what detects a chain cut at its end with the head moved back; the rows here let
 * `audit verify` check every published head without being told one. Append-only like the chain itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_anchors (
      day text primary key check (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      seq bigint not null,
      hash text not null,
      published_at timestamptz not null
    );
    create function audit_anchors_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_anchors is append-only'; end $$;
    create trigger audit_anchors_no_change before update or delete on audit_anchors
      for each row execute function audit_anchors_append_only();
  `.execute(db);
}
