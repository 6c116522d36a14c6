import { type Kysely, sql } from 'kysely';

/**
 * The cooperation space (issue 15): digital commons and their maintainers, administrations (by SIRET) with
 * their services, members and invitations, use cases with contributions and referents, needs and offers,
 * contacts through the platform with their exchange, and experiments with people, milestones and documents.
 * Records point at accounts with `on delete restrict`: an erased person stays as a pseudonym.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table commons (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name text not null,
      summary text not null,
      description text not null,
      website text,
      repository text,
      licence text,
      kind text not null check (kind in ('software', 'data', 'content', 'hardware', 'service', 'other')),
      maturity text not null check (maturity in ('idea', 'prototype', 'production', 'mature')),
      governance_name text not null,
      governance_siret text check (governance_siret is null or governance_siret ~ '^[0-9]{14}$'),
      governance_rna text check (governance_rna is null or governance_rna ~ '^W[0-9A-Z]{9}$'),
      categories text[] not null default '{}',
      keywords text[] not null default '{}',
      levers text[] not null default '{}',
      laureate_application_id uuid,
      sill_id text unique,
      wikidata_id text check (wikidata_id is null or wikidata_id ~ '^Q[0-9]+$'),
      hidden boolean not null default false,
      hidden_reason text,
      merged_into uuid references commons(id) on delete restrict,
      version integer not null default 1,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null,
      check (merged_into is null or merged_into <> id)
    );

    create table commons_maintainers (
      commons_id uuid not null references commons(id) on delete cascade,
      user_id uuid not null references users(id) on delete restrict,
      added_at timestamptz not null,
      added_by uuid references users(id) on delete restrict,
      primary key (commons_id, user_id)
    );
    create index commons_maintainers_by_user on commons_maintainers (user_id);

    create table commons_administrations (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name text not null,
      siret text not null unique check (siret ~ '^[0-9]{14}$'),
      legal_category text,
      register_check jsonb,
      active boolean,
      website text,
      territory text not null default 'FR',
      description text not null default '',
      hidden boolean not null default false,
      hidden_reason text,
      merged_into uuid references commons_administrations(id) on delete restrict,
      version integer not null default 1,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null,
      check (merged_into is null or merged_into <> id)
    );

    create table commons_services (
      id uuid primary key default gen_random_uuid(),
      administration_id uuid not null references commons_administrations(id) on delete cascade,
      name text not null,
      siret text unique check (siret is null or siret ~ '^[0-9]{14}$'),
      created_at timestamptz not null
    );
    create index commons_services_by_administration on commons_services (administration_id);

    create table commons_administration_members (
      administration_id uuid not null references commons_administrations(id) on delete cascade,
      user_id uuid not null references users(id) on delete restrict,
      service_id uuid references commons_services(id) on delete set null,
      joined_via text not null check (joined_via in ('proconnect', 'invitation', 'staff')),
      joined_at timestamptz not null,
      invited_by uuid references users(id) on delete restrict,
      primary key (administration_id, user_id)
    );
    create index commons_members_by_user on commons_administration_members (user_id);

    create table commons_invitations (
      id uuid primary key default gen_random_uuid(),
      administration_id uuid not null references commons_administrations(id) on delete cascade,
      email text not null,
      token_hash text not null unique,
      invited_by uuid not null references users(id) on delete restrict,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by uuid references users(id) on delete restrict
    );
    create index commons_invitations_by_administration on commons_invitations (administration_id);

    create table commons_use_cases (
      id uuid primary key default gen_random_uuid(),
      administration_id uuid not null references commons_administrations(id) on delete restrict,
      commons_id uuid not null references commons(id) on delete restrict,
      service_id uuid references commons_services(id) on delete set null,
      title text not null,
      description text not null,
      status text not null check (status in ('exploration', 'experimentation', 'production', 'abandoned')),
      abandon_reason text,
      service_url text,
      audience text not null default '',
      territory text not null default 'FR',
      started_on date,
      ended_on date,
      visibility text not null default 'public' check (visibility in ('public', 'members')),
      hidden boolean not null default false,
      hidden_reason text,
      version integer not null default 1,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null,
      check (status <> 'abandoned' or coalesce(abandon_reason, '') <> ''),
      check (ended_on is null or started_on is null or ended_on >= started_on)
    );
    create index commons_use_cases_by_commons on commons_use_cases (commons_id);
    create index commons_use_cases_by_administration on commons_use_cases (administration_id);

    create table commons_contributions (
      id uuid primary key default gen_random_uuid(),
      use_case_id uuid not null references commons_use_cases(id) on delete cascade,
      kind text not null check (kind in ('code', 'funding', 'data', 'feedback', 'people')),
      description text not null,
      amount_cents bigint check (amount_cents is null or amount_cents >= 0),
      occurred_on date,
      created_at timestamptz not null
    );
    create index commons_contributions_by_use_case on commons_contributions (use_case_id);

    create table commons_referents (
      use_case_id uuid not null references commons_use_cases(id) on delete cascade,
      user_id uuid not null references users(id) on delete restrict,
      is_expert boolean not null default false,
      commitment_version integer not null,
      accepted_at timestamptz not null,
      primary key (use_case_id, user_id)
    );
    create index commons_referents_by_user on commons_referents (user_id);

    create table commons_needs (
      id uuid primary key default gen_random_uuid(),
      side text not null check (side in ('administration', 'commons')),
      kind text not null check (kind in ('need', 'offer')),
      administration_id uuid references commons_administrations(id) on delete restrict,
      commons_id uuid references commons(id) on delete restrict,
      category text not null check (category in ('problem', 'funding', 'data_access', 'testers', 'contributors', 'hosting', 'expertise', 'other')),
      title text not null,
      description text not null,
      context text not null default '',
      territory text not null default 'FR',
      lever text,
      deadline date,
      visibility text not null default 'public' check (visibility in ('public', 'members')),
      closed_at timestamptz,
      outcome text check (outcome in ('met', 'partly_met', 'not_met', 'withdrawn')),
      outcome_note text,
      hidden boolean not null default false,
      hidden_reason text,
      version integer not null default 1,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null,
      check ((side = 'administration') = (administration_id is not null)),
      check ((side = 'commons') = (commons_id is not null)),
      check ((closed_at is null) = (outcome is null))
    );
    create index commons_needs_open on commons_needs (closed_at, created_at);

    create table commons_contacts (
      id uuid primary key default gen_random_uuid(),
      target text not null check (target in ('commons_referents', 'need_authors')),
      commons_id uuid references commons(id) on delete restrict,
      need_id uuid references commons_needs(id) on delete restrict,
      sender_id uuid not null references users(id) on delete restrict,
      sender_administration_id uuid references commons_administrations(id) on delete set null,
      subject text not null,
      created_at timestamptz not null,
      answered_at timestamptz,
      follow_up_at timestamptz not null,
      followed_up_at timestamptz,
      outcome text check (outcome in ('met', 'experiment', 'use_case', 'nothing')),
      outcome_note text,
      outcome_at timestamptz,
      check ((target = 'commons_referents') = (commons_id is not null)),
      check ((target = 'need_authors') = (need_id is not null))
    );
    create index commons_contacts_by_sender on commons_contacts (sender_id);
    create index commons_contacts_follow_up on commons_contacts (follow_up_at) where followed_up_at is null;

    create table commons_contact_recipients (
      contact_id uuid not null references commons_contacts(id) on delete cascade,
      user_id uuid not null references users(id) on delete restrict,
      primary key (contact_id, user_id)
    );
    create index commons_contact_recipients_by_user on commons_contact_recipients (user_id);

    create table commons_contact_messages (
      id uuid primary key default gen_random_uuid(),
      contact_id uuid not null references commons_contacts(id) on delete cascade,
      author_id uuid not null references users(id) on delete restrict,
      body text not null,
      created_at timestamptz not null
    );
    create index commons_contact_messages_by_contact on commons_contact_messages (contact_id, created_at);

    create table commons_experiments (
      id uuid primary key default gen_random_uuid(),
      commons_id uuid not null references commons(id) on delete restrict,
      title text not null,
      goal text not null,
      territory text not null default 'FR',
      starts_on date,
      ends_on date,
      status text not null default 'planned' check (status in ('planned', 'running', 'finished', 'stopped')),
      outcome text,
      visibility text not null default 'public' check (visibility in ('public', 'members')),
      version integer not null default 1,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null,
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    );

    create table commons_experiment_administrations (
      experiment_id uuid not null references commons_experiments(id) on delete cascade,
      administration_id uuid not null references commons_administrations(id) on delete restrict,
      primary key (experiment_id, administration_id)
    );

    create table commons_experiment_people (
      id uuid primary key default gen_random_uuid(),
      experiment_id uuid not null references commons_experiments(id) on delete cascade,
      user_id uuid references users(id) on delete restrict,
      name text not null,
      role text not null
    );

    create table commons_experiment_milestones (
      id uuid primary key default gen_random_uuid(),
      experiment_id uuid not null references commons_experiments(id) on delete cascade,
      title text not null,
      description text not null default '',
      due_on date,
      state text not null default 'upcoming' check (state in ('upcoming', 'in_progress', 'submitted', 'validated', 'returned')),
      comment text,
      position integer not null,
      updated_at timestamptz not null
    );
    create index commons_experiment_milestones_by_experiment on commons_experiment_milestones (experiment_id, position);

    create table commons_experiment_documents (
      id uuid primary key default gen_random_uuid(),
      experiment_id uuid not null references commons_experiments(id) on delete cascade,
      file_id uuid not null references files(id) on delete restrict,
      title text not null,
      added_by uuid references users(id) on delete restrict,
      added_at timestamptz not null
    );
  `.execute(db);
}
