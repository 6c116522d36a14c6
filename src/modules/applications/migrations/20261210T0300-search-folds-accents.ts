import { type Kysely, sql } from 'kysely';

/**
 * Staff search folds accents: « deguisements » finds « Déguisements », « logement étudiant » finds
 * « logement etudiant ». A text search configuration `french_unaccent` (a copy of `french` whose words go
 * through the `unaccent` dictionary before the French stemmer) builds both the stored vectors and the
 * query (queries.ts `SEARCH_CONFIG`). `unaccent` is a contrib extension: PGlite loads it (core/db/database.ts),
 * Debian's PostgreSQL ships it in postgresql-contrib (it is a trusted extension: the database's owner may
 * create it). A configuration, not the `unaccent()` function, so the generated column stays immutable.
 *
 * The vectors are rebuilt: the submitted ones from each application's current version, as 0652 built them;
 * the generated column (and its GIN index) is dropped and added again with the new configuration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create extension if not exists unaccent;
    create text search configuration french_unaccent (copy = french);
    alter text search configuration french_unaccent
      alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part with unaccent, french_stem;
    update applications a
       set submitted_search = setweight(to_tsvector('french_unaccent', a.title), 'A') || setweight(jsonb_to_tsvector('french_unaccent', v.answers, '["string"]'), 'B')
      from application_versions v
     where v.application_id = a.id and v.version = a.current_version and a.current_version > 0;
    drop index applications_search;
    alter table applications drop column search;
    alter table applications add column search tsvector generated always as (
      coalesce(submitted_search, setweight(to_tsvector('french_unaccent', title), 'A') || setweight(jsonb_to_tsvector('french_unaccent', draft_answers, '["string"]'), 'B'))
    ) stored;
    create index applications_search on applications using gin(search);
  `.execute(db);
}
