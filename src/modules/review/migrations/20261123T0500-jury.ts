import { type Kysely, sql } from 'kysely';

/**
 * The expert jury: phases, members, conflicts, bids, assignment runs, assignments and reviews
 * (see ../tables.ts for what each column means). A reviewer's review belongs to an assignment, so
 * nobody can score an application they were not assigned.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table review_phases (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id) on delete cascade,
      name text not null,
      name_en text not null default '',
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      visibility text not null default 'assigned' check (visibility in ('assigned', 'all')),
      others_reviews text not null default 'after_own' check (others_reviews in ('never', 'after_own', 'always')),
      blind boolean not null default false,
      editable_after_end boolean not null default false,
      position integer not null default 0,
      created_at timestamptz not null,
      check (ends_at > starts_at)
    );
    create index review_phases_season on review_phases(season_id, position);

    create table jury_members (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      expertise text not null default '',
      topics text[] not null default '{}',
      min_load integer not null default 0 check (min_load >= 0),
      max_load integer not null default 10 check (max_load >= min_load),
      invited_at timestamptz not null,
      invited_by uuid references users(id) on delete set null,
      removed_at timestamptz,
      unique (season_id, user_id)
    );

    create table review_conflicts (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications(id) on delete cascade,
      member_id uuid not null references jury_members(id) on delete cascade,
      source text not null check (source in ('declared', 'recusal', 'staff', 'organisation', 'email_domain', 'co_applicant')),
      reason text not null default '',
      created_at timestamptz not null,
      created_by uuid references users(id) on delete set null,
      unique (application_id, member_id, source)
    );
    create index review_conflicts_member on review_conflicts(member_id);

    create table review_bids (
      application_id uuid not null references applications(id) on delete cascade,
      member_id uuid not null references jury_members(id) on delete cascade,
      bid text not null check (bid in ('eager', 'willing', 'not_willing', 'conflict')),
      updated_at timestamptz not null,
      primary key (application_id, member_id)
    );

    create table assignment_runs (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id) on delete cascade,
      per_application integer not null,
      fair boolean not null,
      total_affinity double precision not null,
      min_application_affinity double precision not null,
      optimal boolean not null,
      seconds double precision not null,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete set null,
      published_at timestamptz
    );
    create index assignment_runs_season on assignment_runs(season_id, created_at desc);

    create table review_assignments (
      id uuid primary key default gen_random_uuid(),
      run_id uuid not null references assignment_runs(id) on delete cascade,
      season_id uuid not null references seasons(id) on delete cascade,
      application_id uuid not null references applications(id) on delete cascade,
      member_id uuid not null references jury_members(id) on delete cascade,
      origin text not null check (origin in ('engine', 'manual')),
      affinity double precision not null default 0,
      created_at timestamptz not null,
      unique (run_id, application_id, member_id)
    );
    create index review_assignments_member on review_assignments(member_id);
    create index review_assignments_application on review_assignments(application_id);

    create table reviews (
      id uuid primary key default gen_random_uuid(),
      assignment_id uuid not null unique references review_assignments(id) on delete cascade,
      phase_id uuid references review_phases(id) on delete set null,
      scores jsonb not null default '{}',
      comments jsonb not null default '{}',
      overall text not null default '',
      opinion text check (opinion in ('strong_accept', 'accept', 'reject', 'strong_reject')),
      confidence smallint check (confidence between 1 and 3),
      updated_at timestamptz not null,
      submitted_at timestamptz
    );
  `.execute(db);
}
