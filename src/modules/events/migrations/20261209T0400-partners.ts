import { type Kysely, sql } from 'kysely';

/**
 * The programme's partners (issue 16), managed by staff: the public partners page is built from them. The
 * logo is a checked upload (files, purpose 'events') with its text alternative; `seasons` lists the seasons
 * a partner took part in (empty: every season, e.g. a founding partner).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table partners (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      kind text not null check (kind in ('administration', 'association', 'company', 'foundation')),
      description text not null default '' check (length(description) <= 2000),
      description_en text not null default '' check (length(description_en) <= 2000),
      website text check (website is null or website ~ '^https?://'),
      logo_file_id uuid references files(id) on delete set null,
      logo_alt text not null default '' check (length(logo_alt) <= 300),
      season_ids uuid[] not null default '{}',
      position integer not null default 0,
      published boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (logo_file_id is null or length(logo_alt) > 0)
    );
    create unique index partners_name on partners (lower(name));
  `.execute(db);
}
