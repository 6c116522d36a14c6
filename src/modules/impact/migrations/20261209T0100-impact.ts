import { type Kysely, sql } from 'kysely';

/**
 * Impact (issue 16), on Akvo RSR's model: indicators per laureate (defined with the support plan), each with
 * its baseline and dated targets, and values reported per period that go draft → pending → approved or
 * returned; testimonies with the recorded consent of their author. Everything hangs on the public laureate
 * record (seasons' `laureates`), so a laureate typed by hand (an earlier season) reports like a decided one;
 * it goes with that record (`on delete cascade`: a laureate removed because it gave up its place).
 * Figures are `numeric`: counts of people as well as tonnes or percentages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table impact_indicators (
      id uuid primary key default gen_random_uuid(),
      laureate_id uuid not null references laureates(id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      name_en text not null default '' check (length(name_en) <= 200),
      description text not null default '' check (length(description) <= 2000),
      unit text not null check (length(unit) between 1 and 60),
      unit_en text not null default '' check (length(unit_en) <= 60),
      direction text not null check (direction in ('increase', 'decrease')),
      baseline_value numeric,
      baseline_date date,
      iris_id text check (iris_id is null or iris_id ~ '^[A-Z]{2}[0-9]{4}$'),
      lever text,
      is_public boolean not null default false,
      position integer not null default 0,
      version integer not null default 1,
      created_by uuid references users(id) on delete restrict,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      archived_at timestamptz,
      check ((baseline_value is null) = (baseline_date is null))
    );
    create index impact_indicators_laureate on impact_indicators (laureate_id, position);

    create table impact_targets (
      id uuid primary key default gen_random_uuid(),
      indicator_id uuid not null references impact_indicators(id) on delete cascade,
      target_value numeric not null,
      target_date date not null,
      unique (indicator_id, target_date)
    );

    create table impact_values (
      id uuid primary key default gen_random_uuid(),
      indicator_id uuid not null references impact_indicators(id) on delete cascade,
      period_start date not null,
      period_end date not null,
      value numeric not null,
      source text not null default '' check (length(source) <= 500),
      comment text not null default '' check (length(comment) <= 2000),
      file_id uuid references files(id) on delete set null,
      state text not null default 'draft' check (state in ('draft', 'pending', 'approved', 'returned')),
      review_comment text not null default '' check (length(review_comment) <= 2000),
      reported_by uuid references users(id) on delete restrict,
      submitted_at timestamptz,
      reviewed_by uuid references users(id) on delete restrict,
      reviewed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (period_start <= period_end),
      check (state <> 'returned' or length(review_comment) > 0)
    );
    create index impact_values_indicator on impact_values (indicator_id, period_end);
    -- One approved figure per indicator and period end: a correction is a new value that replaces it.
    create unique index impact_values_one_approved on impact_values (indicator_id, period_end) where state = 'approved';

    create table impact_testimonies (
      id uuid primary key default gen_random_uuid(),
      laureate_id uuid not null references laureates(id) on delete cascade,
      quote text not null check (length(quote) between 1 and 2000),
      quote_en text not null default '' check (length(quote_en) <= 2000),
      author_name text not null check (length(author_name) between 1 and 120),
      author_role text not null default '' check (length(author_role) <= 200),
      consent_at timestamptz not null,
      consent_version integer not null,
      consent_recorded_by uuid references users(id) on delete restrict,
      photo_file_id uuid references files(id) on delete set null,
      photo_alt text not null default '' check (length(photo_alt) <= 300),
      video_url text check (video_url is null or video_url ~ '^https://'),
      lever text,
      published_at timestamptz,
      created_by uuid references users(id) on delete restrict,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (photo_file_id is null or length(photo_alt) > 0)
    );
    create index impact_testimonies_laureate on impact_testimonies (laureate_id);
  `.execute(db);
}
