import { type Kysely, sql } from 'kysely';

/**
 * The laureates' support (issue 14): the plan (needs, lever actions, templates), milestones and their
 * deliverables, coaching sessions and action items, the messages of the laureate space, reminders sent,
 * the staff's directory of administration contacts, and introductions with their outcomes.
 * Plans are the programme's record: nothing cascades into them from applications or accounts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table support_plans (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null unique references applications(id) on delete restrict,
      season_id uuid not null references seasons(id) on delete restrict,
      track_code text not null,
      status text not null default 'draft' check (status in ('draft', 'active', 'finished')),
      starts_on date not null,
      ends_on date not null,
      allocated_minutes integer check (allocated_minutes is null or allocated_minutes between 0 and 100000),
      progress_public boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null,
      check (ends_on > starts_on)
    );
    create index support_plans_by_season on support_plans (season_id, track_code);

    create table support_plan_needs (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references support_plans(id) on delete cascade,
      need text not null check (need in ('consolider', 'integrer', 'deployer')),
      goals text not null,
      position integer not null,
      unique (plan_id, need)
    );

    create table support_lever_actions (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references support_plans(id) on delete cascade,
      lever text not null,
      need text check (need in ('consolider', 'integrer', 'deployer')),
      action text not null,
      responsible_kind text not null check (responsible_kind in ('staff', 'mentor', 'administration', 'team')),
      responsible_user_id uuid references users(id) on delete restrict,
      responsible_name text not null,
      status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'dropped')),
      position integer not null,
      updated_at timestamptz not null
    );
    create index support_lever_actions_by_plan on support_lever_actions (plan_id, position);

    create table support_plan_templates (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id) on delete restrict,
      name text not null,
      content jsonb not null,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null,
      unique (season_id, name)
    );

    create table support_milestones (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references support_plans(id) on delete cascade,
      title text not null,
      description text not null,
      due_on date not null,
      weight integer not null check (weight between 1 and 100),
      state text not null default 'upcoming'
        check (state in ('upcoming', 'in_progress', 'submitted', 'validated', 'returned')),
      review_comment text not null default '',
      reviewed_at timestamptz,
      reviewed_by uuid references users(id) on delete restrict,
      submitted_at timestamptz,
      validated_at timestamptz,
      position integer not null,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index support_milestones_by_plan on support_milestones (plan_id, position);
    create index support_milestones_due on support_milestones (due_on) where state <> 'validated';

    create table support_deliverables (
      id uuid primary key default gen_random_uuid(),
      milestone_id uuid not null references support_milestones(id) on delete restrict,
      round integer not null check (round >= 1),
      kind text not null check (kind in ('file', 'link')),
      file_id uuid references files(id) on delete restrict,
      url text,
      note text not null,
      submitted_by uuid references users(id) on delete restrict,
      submitted_at timestamptz not null,
      check ((kind = 'file') = (file_id is not null)),
      check ((kind = 'link') = (url is not null))
    );
    create index support_deliverables_by_milestone on support_deliverables (milestone_id, round);

    create table support_sessions (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references support_plans(id) on delete cascade,
      held_at timestamptz not null,
      duration_minutes integer not null check (duration_minutes between 1 and 1440),
      counts_hours boolean not null default true,
      topics text not null,
      notes text not null,
      levers text[] not null default '{}',
      created_by uuid references users(id) on delete restrict,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index support_sessions_by_plan on support_sessions (plan_id, held_at);

    create table support_session_participants (
      session_id uuid not null references support_sessions(id) on delete cascade,
      position integer not null,
      user_id uuid references users(id) on delete restrict,
      name text not null,
      side text not null check (side in ('team', 'staff', 'mentor', 'administration')),
      primary key (session_id, position)
    );

    create table support_action_items (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references support_plans(id) on delete cascade,
      session_id uuid references support_sessions(id) on delete set null,
      text text not null,
      owner_name text not null,
      owner_user_id uuid references users(id) on delete restrict,
      due_on date,
      done_at timestamptz,
      created_at timestamptz not null
    );
    create index support_action_items_by_plan on support_action_items (plan_id, due_on);

    create table support_messages (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references support_plans(id) on delete cascade,
      author_id uuid references users(id) on delete restrict,
      side text not null check (side in ('team', 'staff')),
      body text not null,
      created_at timestamptz not null
    );
    create index support_messages_by_plan on support_messages (plan_id, created_at);

    create table support_reminders_sent (
      subject_id uuid not null,
      kind text not null,
      due_key text not null,
      sent_at timestamptz not null,
      primary key (subject_id, kind, due_key)
    );

    create table support_contacts (
      id uuid primary key default gen_random_uuid(),
      organisation text not null,
      siret text check (siret is null or siret ~ '^[0-9]{14}$'),
      siret_check jsonb,
      service text not null,
      person_name text not null,
      role text not null,
      email text not null,
      topics text[] not null default '{}',
      levers text[] not null default '{}',
      legal_basis text not null,
      consent_note text not null,
      archived_at timestamptz,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null
    );
    create unique index support_contacts_email on support_contacts (lower(email)) where archived_at is null;

    create table support_introductions (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references support_plans(id) on delete restrict,
      lever text not null,
      request text not null,
      status text not null default 'requested' check (status in ('requested', 'introduced', 'declined', 'withdrawn')),
      requested_by uuid references users(id) on delete restrict,
      requested_at timestamptz not null,
      contact_id uuid references support_contacts(id) on delete restrict,
      introduced_by uuid references users(id) on delete restrict,
      introduced_at timestamptz,
      mail_subject text not null default '',
      mail_body text not null default '',
      staff_note text not null default '',
      follow_up_at timestamptz,
      followed_up_at timestamptz,
      version integer not null default 1,
      check (status <> 'introduced' or (contact_id is not null and introduced_at is not null))
    );
    create index support_introductions_by_plan on support_introductions (plan_id, requested_at);
    create index support_introductions_follow_up on support_introductions (follow_up_at) where followed_up_at is null;

    create table support_introduction_outcomes (
      id uuid primary key default gen_random_uuid(),
      introduction_id uuid not null references support_introductions(id) on delete restrict,
      outcome text not null
        check (outcome in ('meeting', 'data_access', 'partnership', 'experiment', 'no_follow_up')),
      occurred_on date not null,
      note text not null,
      recorded_by uuid references users(id) on delete restrict,
      recorded_side text not null check (recorded_side in ('team', 'staff')),
      recorded_at timestamptz not null
    );
    create index support_introduction_outcomes_by_introduction on support_introduction_outcomes (introduction_id);
  `.execute(db);
}
