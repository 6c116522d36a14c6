import { type Kysely, sql } from 'kysely';

/**
 * The staff list counts drafts in progress on every page. Counting them in `applications` reads
 * a partial index plus, for every draft on a page not marked all-visible, its heap row: drafts are
 * the rows that autosave rewrites, so at 100,000 applications that count cost tens of
 * milliseconds. A trigger keeps one narrow row per open draft here (inserted when a draft is
 * created, deleted when it leaves the draft state or the application is deleted; never updated
 * by autosave), so the count reads a small, stable index. One row per application: concurrent
 * submits never wait on each other, unlike a per-season counter row would.
 *
 * The list's state filter (with or without search) walks applications newest first within one
 * state, so it gets its own keyset index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table application_open_drafts (
      application_id uuid primary key references applications(id) on delete cascade,
      season_id uuid not null,
      track_code text not null
    );
    insert into application_open_drafts (application_id, season_id, track_code)
      select id, season_id, track_code from applications where state = 'draft';
    create index application_open_drafts_season on application_open_drafts(season_id, track_code);

    create function applications_open_drafts() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' or old.state <> 'draft' then
        if new.state = 'draft' then
          insert into application_open_drafts (application_id, season_id, track_code)
          values (new.id, new.season_id, new.track_code) on conflict (application_id) do nothing;
        end if;
      elsif new.state <> 'draft' then
        delete from application_open_drafts where application_id = old.id;
      elsif (new.season_id, new.track_code) is distinct from (old.season_id, old.track_code) then
        update application_open_drafts set season_id = new.season_id, track_code = new.track_code where application_id = new.id;
      end if;
      return null;
    end $$;
    create trigger applications_open_drafts after insert or update of state, season_id, track_code on applications
      for each row execute function applications_open_drafts();

    create index applications_state_recent on applications(state, created_at desc, id desc);
  `.execute(db);
}
