import { type Kysely, sql } from 'kysely';

/**
 * Events with registration (issue 16, Decidim meetings and pretix's waiting list): the event, its
 * registrations (pending an email confirmation, registered, waiting, offered a freed place, cancelled,
 * expired), the hashed secret links of their mails, and the closing report's documents. A registration's
 * place is taken under a row lock on its event, so the capacity is never exceeded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table events (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(title) between 1 and 200),
      description text not null default '' check (length(description) <= 20000),
      kind text not null check (kind in ('in_person', 'online', 'hybrid')),
      place text not null default '' check (length(place) <= 500),
      accessibility text not null default '' check (length(accessibility) <= 2000),
      online_link text check (online_link is null or online_link ~ '^https?://'),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      capacity integer check (capacity is null or capacity > 0),
      registration_opens_at timestamptz,
      registration_closes_at timestamptz,
      offer_hours integer not null default 48 check (offer_hours between 1 and 336),
      questions jsonb not null default '[]',
      laureate_ids uuid[] not null default '{}',
      commons_ids uuid[] not null default '{}',
      published boolean not null default false,
      cancelled_at timestamptz,
      cancel_reason text check (cancel_reason is null or length(cancel_reason) between 1 and 2000),
      sequence integer not null default 0 check (sequence >= 0),
      report_attendance integer check (report_attendance is null or report_attendance >= 0),
      report_minutes text not null default '' check (length(report_minutes) <= 50000),
      report_published_at timestamptz,
      version integer not null default 1,
      created_by uuid references users(id) on delete restrict,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (ends_at > starts_at),
      check (registration_closes_at is null or registration_closes_at <= ends_at),
      check (registration_opens_at is null or registration_closes_at is null or registration_opens_at < registration_closes_at),
      check ((cancelled_at is null) = (cancel_reason is null))
    );
    create index events_starts_at on events (starts_at);

    create table event_registrations (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete restrict,
      user_id uuid references users(id) on delete restrict,
      name text not null check (length(name) between 1 and 200),
      email text not null check (length(email) between 3 and 254),
      locale text not null default 'fr' check (locale in ('fr', 'en')),
      status text not null check (status in ('pending', 'registered', 'waiting', 'offered', 'cancelled', 'expired')),
      answers jsonb not null default '{}',
      ip_hash text,
      waiting_since timestamptz,
      offer_expires_at timestamptz,
      attended boolean not null default false,
      created_at timestamptz not null,
      confirmed_at timestamptz,
      cancelled_at timestamptz,
      updated_at timestamptz not null,
      check (status <> 'waiting' or waiting_since is not null),
      check (status <> 'offered' or offer_expires_at is not null)
    );
    create unique index event_registrations_one_per_email on event_registrations (event_id, lower(email))
      where status in ('pending', 'registered', 'waiting', 'offered');
    create index event_registrations_event on event_registrations (event_id, status);
    create index event_registrations_user on event_registrations (user_id) where user_id is not null;

    create table event_registration_tokens (
      token_hash text primary key check (length(token_hash) = 64),
      registration_id uuid not null references event_registrations(id) on delete cascade,
      created_at timestamptz not null
    );
    create index event_registration_tokens_registration on event_registration_tokens (registration_id);

    -- Registration requests by email, kept an hour or so for the rate limit (hashes only).
    create table event_registration_requests (
      id uuid primary key default gen_random_uuid(),
      email_hash text not null,
      ip_hash text not null,
      at timestamptz not null
    );
    create index event_registration_requests_at on event_registration_requests (at);

    create table event_documents (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete restrict,
      file_id uuid not null references files(id) on delete restrict,
      title text not null check (length(title) between 1 and 200),
      added_by uuid references users(id) on delete restrict,
      added_at timestamptz not null
    );
    create index event_documents_event on event_documents (event_id);
  `.execute(db);
}
