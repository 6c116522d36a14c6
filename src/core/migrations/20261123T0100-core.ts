import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email)),
      given_name text,
      family_name text,
      siret text,
      proconnect_sub text unique,
      locale text not null default 'fr' check (locale in ('fr', 'en')),
      created_at timestamptz not null default now(),
      last_sign_in_at timestamptz
    );
    create table user_roles (
      user_id uuid not null references users(id) on delete cascade,
      role text not null,
      track text not null default '',
      granted_by uuid references users(id) on delete set null,
      granted_at timestamptz not null default now(),
      primary key (user_id, role, track)
    );
    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user on sessions(user_id);

    create table audit_events (
      seq bigint primary key,
      at timestamptz not null,
      actor_id uuid,
      actor_label text not null,
      action text not null,
      subject_type text not null,
      subject_id text,
      summary jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    );
    create table audit_head (
      id int primary key check (id = 1),
      seq bigint not null,
      hash text not null
    );
    insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));
    create function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_events is append-only'; end $$;
    create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only();

    create table jobs (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      payload jsonb not null default '{}',
      state text not null default 'pending' check (state in ('pending', 'running', 'done', 'failed')),
      run_at timestamptz not null default now(),
      attempts int not null default 0,
      max_attempts int not null default 5,
      locked_until timestamptz,
      last_error text,
      singleton_key text unique,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index jobs_due on jobs(run_at) where state in ('pending', 'running');

    create table mails (
      id uuid primary key default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text not null,
      template text not null,
      locale text not null,
      status text not null default 'queued' check (status in ('queued', 'sent', 'stored', 'failed')),
      error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index mails_created on mails(created_at desc);

    create table files (
      id uuid primary key default gen_random_uuid(),
      owner_id uuid references users(id) on delete set null,
      original_name text not null,
      content_type text not null,
      size int not null,
      sha256 text not null,
      data bytea not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}
