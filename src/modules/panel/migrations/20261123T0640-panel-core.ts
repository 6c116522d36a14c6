import { type Kysely, sql } from 'kysely';

/**
 * The citizen panel (see ../tables.ts for what each column means). Demographic answers live in their
 * own table, readable with their own permission and deleted after `delete_after`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table panels (
      id uuid primary key default gen_random_uuid(),
      season_id uuid references seasons(id) on delete set null,
      name text not null,
      name_en text not null default '',
      size integer not null check (size > 0),
      status text not null default 'setup' check (status in ('setup', 'recruiting', 'closed')),
      recruit_until timestamptz not null,
      ends_at timestamptz not null,
      retention_days integer not null check (retention_days >= 0),
      one_per_household boolean not null default false,
      criteria jsonb not null default '[]',
      opinion_weight integer not null default 0 check (opinion_weight between 0 and 100),
      created_at timestamptz not null,
      created_by uuid references users(id) on delete set null
    );

    create table panel_quotas (
      id uuid primary key default gen_random_uuid(),
      panel_id uuid not null references panels(id) on delete cascade,
      category text not null,
      feature text not null,
      label text not null,
      label_en text not null default '',
      min integer not null check (min >= 0),
      max integer not null check (max >= min),
      position integer not null default 0,
      unique (panel_id, category, feature)
    );

    create table panel_volunteers (
      id uuid primary key default gen_random_uuid(),
      panel_id uuid not null references panels(id) on delete cascade,
      email text not null,
      given_name text not null,
      family_name text not null,
      phone text not null default '',
      availability text not null default '',
      household text,
      locale text not null default 'fr',
      consent_at timestamptz not null,
      consent_version text not null,
      consent_hash text not null,
      ip_hash text not null,
      submission_key uuid unique,
      created_at timestamptz not null,
      unique (panel_id, email)
    );
    create index panel_volunteers_ip on panel_volunteers(ip_hash, created_at);

    create table panel_demographics (
      volunteer_id uuid primary key references panel_volunteers(id) on delete cascade,
      panel_id uuid not null references panels(id) on delete cascade,
      answers jsonb not null,
      delete_after timestamptz not null
    );
    create index panel_demographics_delete_after on panel_demographics(delete_after);

    create table panel_analyses (
      id uuid primary key default gen_random_uuid(),
      panel_id uuid not null references panels(id) on delete cascade,
      algorithm text not null check (algorithm in ('leximin', 'legacy')),
      state text not null default 'pending' check (state in ('pending', 'done', 'failed')),
      result jsonb,
      error jsonb,
      requested_at timestamptz not null,
      requested_by uuid references users(id) on delete set null,
      finished_at timestamptz
    );
    create index panel_analyses_panel on panel_analyses(panel_id, requested_at desc);

    create table panel_draws (
      id uuid primary key default gen_random_uuid(),
      panel_id uuid not null references panels(id) on delete cascade,
      kind text not null check (kind in ('initial', 'replacement')),
      state text not null check (state in ('preparing', 'committed', 'drawn', 'failed')),
      commitment text,
      files jsonb,
      pool_volunteers jsonb not null default '{}',
      random_value text,
      witnesses text,
      slot integer,
      selected jsonb not null default '[]',
      declined jsonb not null default '[]',
      error jsonb,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete set null,
      drawn_at timestamptz
    );
    create index panel_draws_panel on panel_draws(panel_id, created_at);

    create table panel_members (
      id uuid primary key default gen_random_uuid(),
      panel_id uuid not null references panels(id) on delete cascade,
      volunteer_id uuid not null references panel_volunteers(id) on delete cascade,
      draw_id uuid not null references panel_draws(id) on delete cascade,
      pool_id text not null,
      status text not null check (status in ('invited', 'accepted', 'declined', 'replaced')),
      invite_token_hash text not null unique,
      user_id uuid references users(id) on delete set null,
      invited_at timestamptz not null,
      responded_at timestamptz,
      replaced_by_draw uuid references panel_draws(id) on delete set null,
      unique (panel_id, volunteer_id)
    );

    create table panel_opinions (
      id uuid primary key default gen_random_uuid(),
      panel_id uuid not null references panels(id) on delete cascade,
      member_id uuid not null references panel_members(id) on delete cascade,
      application_id uuid not null references applications(id) on delete cascade,
      scores jsonb not null default '{}',
      comment text not null default '',
      updated_at timestamptz not null,
      unique (member_id, application_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table panel_opinions, panel_members, panel_draws, panel_analyses, panel_demographics, panel_volunteers, panel_quotas, panels`.execute(
    db,
  );
}
