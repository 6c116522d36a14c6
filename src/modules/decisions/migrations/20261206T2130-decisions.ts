import { type Kysely, sql } from 'kysely';

/**
 * The season's deliberation (weights, attendance, close and its frozen inputs, minutes, publication),
 * the decision per application with its reasons, the notice templates and the outbox of notices.
 * Decisions are the programme's record: no deletion cascades into them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table deliberations (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null unique references seasons(id) on delete restrict,
      status text not null default 'open' check (status in ('open', 'closed')),
      jury_weight integer not null check (jury_weight between 0 and 100),
      panel_weight integer not null check (panel_weight between 0 and 100),
      panel_criteria_weights jsonb not null default '{}',
      held_on date,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      closed_at timestamptz,
      closed_by uuid references users(id) on delete restrict,
      frozen jsonb,
      minutes_pdf bytea,
      minutes_pdf_en bytea,
      minutes_sha256 text,
      minutes_sha256_en text,
      confirm_days integer not null default 15 check (confirm_days between 1 and 90),
      share_jury_comments boolean not null default false,
      publish_at timestamptz,
      published_at timestamptz,
      published_by uuid references users(id) on delete restrict,
      check (jury_weight + panel_weight > 0),
      check (status = 'open' or (closed_at is not null and frozen is not null))
    );

    create table deliberation_weight_changes (
      id uuid primary key default gen_random_uuid(),
      deliberation_id uuid not null references deliberations(id) on delete restrict,
      jury_weight integer not null,
      panel_weight integer not null,
      panel_criteria_weights jsonb not null,
      changed_at timestamptz not null,
      changed_by uuid references users(id) on delete restrict
    );
    create index deliberation_weight_changes_by_deliberation on deliberation_weight_changes (deliberation_id, changed_at);

    create table deliberation_attendance (
      deliberation_id uuid not null references deliberations(id) on delete restrict,
      member_id uuid not null references jury_members(id) on delete restrict,
      present boolean not null,
      primary key (deliberation_id, member_id)
    );

    create table decisions (
      application_id uuid primary key references applications(id) on delete restrict,
      deliberation_id uuid not null references deliberations(id) on delete restrict,
      outcome text not null check (outcome in ('laureate', 'waiting_list', 'not_selected')),
      waitlist_position integer,
      reason_codes text[] not null default '{}',
      reason_text text not null default '',
      departs_from_order boolean not null default false,
      amount_cents bigint check (amount_cents is null or amount_cents >= 0),
      public_ref uuid not null unique default gen_random_uuid(),
      public_summary text not null default '',
      public_summary_en text not null default '',
      decided_at timestamptz not null,
      decided_by uuid references users(id) on delete restrict,
      notified_at timestamptz,
      confirm_by timestamptz,
      confirmed_at timestamptz,
      declined_at timestamptz,
      lapsed_at timestamptz,
      check (outcome <> 'waiting_list' or waitlist_position is not null)
    );
    create index decisions_by_deliberation on decisions (deliberation_id, outcome);

    create table decision_notice_templates (
      season_id uuid not null references seasons(id) on delete restrict,
      kind text not null,
      locale text not null check (locale in ('fr', 'en')),
      subject text not null,
      body text not null,
      updated_at timestamptz not null,
      updated_by uuid references users(id) on delete restrict,
      primary key (season_id, kind, locale)
    );

    create table decision_notices (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications(id) on delete restrict,
      kind text not null,
      locale text not null check (locale in ('fr', 'en')),
      status text not null default 'draft' check (status in ('draft', 'sent')),
      subject text not null,
      body text not null,
      edited boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      sent_at timestamptz,
      sent_by uuid references users(id) on delete restrict,
      pdf_sha256 text,
      unique (application_id, kind)
    );
    create index decision_notices_outbox on decision_notices (status, created_at);
  `.execute(db);
}
