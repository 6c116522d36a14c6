import { type Kysely, sql } from 'kysely';

/**
 * Applications, their submitted versions, their members (owner and co-applicants) and their state
 * history. A submitted version is never updated: editing after submit adds a version. The search
 * vector is computed by the database (French configuration) from the title and the answers' text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table applications (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id),
      track_code text not null,
      form_id uuid not null references application_forms(id),
      owner_id uuid not null references users(id),
      applicant_kind text not null,
      title text not null default '',
      state text not null default 'draft' check (state in
        ('draft', 'submitted', 'in_instruction', 'eligible', 'ineligible', 'laureate', 'not_selected', 'withdrawn')),
      draft_answers jsonb not null default '{}'::jsonb,
      draft_saved_at timestamptz,
      submitted_at timestamptz,
      current_version int not null default 0,
      territory text not null default '',
      search tsvector generated always as (
        setweight(to_tsvector('french', title), 'A') || setweight(jsonb_to_tsvector('french', draft_answers, '["string"]'), 'B')
      ) stored,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index applications_list on applications(season_id, track_code, state, created_at desc, id desc);
    create index applications_owner on applications(owner_id);
    create index applications_search on applications using gin(search);

    create table application_versions (
      application_id uuid not null references applications(id) on delete cascade,
      version int not null check (version > 0),
      form_id uuid not null references application_forms(id),
      answers jsonb not null,
      answers_sha256 text not null,
      submitted_at timestamptz not null,
      submitted_by uuid not null references users(id),
      idempotency_key text unique,
      primary key (application_id, version)
    );

    create table application_members (
      application_id uuid not null references applications(id) on delete cascade,
      email text not null check (email = lower(email)),
      user_id uuid references users(id) on delete set null,
      role text not null check (role in ('owner', 'co-applicant')),
      invited_at timestamptz not null,
      accepted_at timestamptz,
      primary key (application_id, email)
    );
    create index application_members_email on application_members(email);

    create table application_transitions (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications(id) on delete cascade,
      from_state text not null,
      to_state text not null,
      reason text not null default '',
      at timestamptz not null,
      actor_id uuid references users(id) on delete set null
    );
    create index application_transitions_app on application_transitions(application_id, at);

    -- What was typed when the session had expired: kept under a random token (hash only) held in a
    -- cookie by that browser, and merged into the draft once its member signs in again.
    create table application_pending_drafts (
      token_hash text primary key,
      application_id uuid not null references applications(id) on delete cascade,
      answers jsonb not null,
      created_at timestamptz not null
    );
  `.execute(db);
}
