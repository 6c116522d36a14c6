import { type Kysely, sql } from 'kysely';

/**
 * Staff search what was submitted: an application that has a submitted version is found by the
 * words of that version (its title and answers, stored as a French tsvector in the same
 * transaction as the version), and a draft that was never submitted by its draft. A submitted
 * application's later draft edits no longer change what staff find. The search column keeps its
 * name (the list and the exports read it) and its GIN index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table applications add column submitted_search tsvector;
    update applications a
       set submitted_search = setweight(to_tsvector('french', a.title), 'A') || setweight(jsonb_to_tsvector('french', v.answers, '["string"]'), 'B')
      from application_versions v
     where v.application_id = a.id and v.version = a.current_version and a.current_version > 0;
    drop index applications_search;
    alter table applications drop column search;
    alter table applications add column search tsvector generated always as (
      coalesce(submitted_search, setweight(to_tsvector('french', title), 'A') || setweight(jsonb_to_tsvector('french', draft_answers, '["string"]'), 'B'))
    ) stored;
    create index applications_search on applications using gin(search);
  `.execute(db);
}
