import { type Kysely, sql } from 'kysely';

/**
 * Seasons of the programme with their tracks, criteria and laureates. Tracks and criteria carry
 * their own uuid (stable across edits, matched by code) so that the later calls-for-applications
 * work can reference them from applications and scores.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table seasons (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      number int not null unique check (number > 0),
      name text not null,
      name_en text not null default '',
      summary text not null default '',
      summary_en text not null default '',
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      eligible_kinds text[] not null default '{}',
      support_months int not null default 0 check (support_months >= 0),
      grant_envelope_cents bigint not null default 0 check (grant_envelope_cents >= 0),
      laureates_sought int not null default 0 check (laureates_sought >= 0),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (closes_at > opens_at)
    );
    create index seasons_opens_at on seasons(opens_at);

    create table season_tracks (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id) on delete cascade,
      code text not null,
      name text not null,
      name_en text not null default '',
      lead text not null default '',
      position int not null default 0,
      unique (season_id, code)
    );

    create table season_criteria (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id) on delete cascade,
      code text not null,
      label text not null,
      label_en text not null default '',
      description text not null default '',
      description_en text not null default '',
      weight int not null check (weight > 0),
      position int not null default 0,
      unique (season_id, code)
    );

    create table laureates (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id) on delete cascade,
      track_code text not null default '',
      name text not null,
      organisation text not null default '',
      summary text not null default '',
      summary_en text not null default '',
      website text not null default '',
      position int not null default 0
    );
    create index laureates_season on laureates(season_id, position);
  `.execute(db);
}
