import { type Kysely, sql } from 'kysely';

/**
 * Grants (issue 14): envelopes per season and track, a grant per laureate with its tranches, payments and
 * amendments, the convention (template, generated PDF, signatures), suspension or reduction procedures,
 * the financial report and the reminders sent. Money is integer cents. The programme's record: nothing
 * cascades into it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table grant_envelopes (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null references seasons(id) on delete restrict,
      track_code text not null default '',
      label text not null,
      amount_cents bigint not null check (amount_cents > 0),
      payer_name text not null,
      payer_siret text not null check (payer_siret ~ '^[0-9]{14}$'),
      budget_line text not null,
      scheme text not null,
      version integer not null default 1,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null
    );
    create index grant_envelopes_by_season on grant_envelopes (season_id, track_code);

    create table grants (
      id uuid primary key default gen_random_uuid(),
      envelope_id uuid not null references grant_envelopes(id) on delete restrict,
      application_id uuid not null references applications(id) on delete restrict,
      season_id uuid not null references seasons(id) on delete restrict,
      reference text not null,
      amount_cents bigint not null check (amount_cents > 0),
      purpose text not null check (char_length(purpose) between 1 and 256),
      nature text not null check (nature in ('cash', 'in_kind', 'both')),
      payment_terms text not null check (payment_terms in ('unique', 'staggered', 'other')),
      payment_terms_text text not null default '' check (char_length(payment_terms_text) <= 256),
      beneficiary_name text not null,
      beneficiary_siret text check (beneficiary_siret is null or beneficiary_siret ~ '^[0-9]{14}$'),
      beneficiary_rna text check (beneficiary_rna is null or beneficiary_rna ~ '^W[0-9]{9}$'),
      action_starts_on date not null,
      action_ends_on date not null,
      share_of_costs_bp integer check (share_of_costs_bp is null or share_of_costs_bp between 1 and 10000),
      eu_notified boolean not null default false,
      rae_id text,
      status text not null default 'draft'
        check (status in ('draft', 'committed', 'signed', 'suspended', 'closed', 'cancelled')),
      committed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null,
      created_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null,
      check (beneficiary_siret is not null or beneficiary_rna is not null),
      check (action_ends_on >= action_starts_on),
      unique (reference)
    );
    create index grants_by_envelope on grants (envelope_id);
    create index grants_by_application on grants (application_id);
    create index grants_by_season on grants (season_id);

    create table grant_tranches (
      id uuid primary key default gen_random_uuid(),
      grant_id uuid not null references grants(id) on delete cascade,
      position integer not null,
      amount_cents bigint not null check (amount_cents > 0),
      planned_on date not null,
      condition text not null check (condition in ('none', 'milestone', 'report')),
      milestone_id uuid references support_milestones(id) on delete restrict,
      condition_text text not null default '',
      unique (grant_id, position),
      check ((condition = 'milestone') = (milestone_id is not null))
    );

    create table grant_payments (
      id uuid primary key default gen_random_uuid(),
      grant_id uuid not null references grants(id) on delete restrict,
      tranche_id uuid references grant_tranches(id) on delete restrict,
      paid_on date not null,
      amount_cents bigint not null check (amount_cents > 0),
      reference text not null,
      recorded_by uuid references users(id) on delete restrict,
      recorded_at timestamptz not null
    );
    create index grant_payments_by_grant on grant_payments (grant_id, paid_on);

    create table grant_amendments (
      id uuid primary key default gen_random_uuid(),
      grant_id uuid not null references grants(id) on delete restrict,
      kind text not null check (kind in ('amount', 'dates', 'tranches')),
      before jsonb not null,
      after jsonb not null,
      reason text not null check (char_length(reason) > 0),
      created_by uuid references users(id) on delete restrict,
      created_at timestamptz not null
    );
    create index grant_amendments_by_grant on grant_amendments (grant_id, created_at);

    create table grant_conventions (
      grant_id uuid primary key references grants(id) on delete restrict,
      generated_at timestamptz not null,
      generated_by uuid references users(id) on delete restrict,
      pdf bytea,
      pdf_sha256 text not null,
      signed_file_id uuid references files(id) on delete restrict,
      signed_by_beneficiary_on date,
      signed_by_payer_on date,
      signed_on date,
      published_at timestamptz
    );

    create table grant_convention_templates (
      season_id uuid not null references seasons(id) on delete restrict,
      locale text not null check (locale in ('fr', 'en')),
      body text not null,
      updated_at timestamptz not null,
      updated_by uuid references users(id) on delete restrict,
      primary key (season_id, locale)
    );

    create table grant_procedures (
      id uuid primary key default gen_random_uuid(),
      grant_id uuid not null references grants(id) on delete restrict,
      kind text not null check (kind in ('suspend', 'reduce', 'withdraw')),
      status text not null default 'open' check (status in ('open', 'applied', 'dropped')),
      reasons text not null check (char_length(reasons) > 0),
      proposed_cents bigint check (proposed_cents is null or proposed_cents >= 0),
      opened_at timestamptz not null,
      opened_by uuid references users(id) on delete restrict,
      answer_due_on date not null,
      answer text not null default '',
      answered_at timestamptz,
      decided_at timestamptz,
      decided_by uuid references users(id) on delete restrict,
      decision_note text not null default ''
    );
    create index grant_procedures_by_grant on grant_procedures (grant_id, opened_at);
    -- One open procedure at a time per grant.
    create unique index grant_procedures_open on grant_procedures (grant_id) where status = 'open';

    create table grant_financial_reports (
      id uuid primary key default gen_random_uuid(),
      grant_id uuid not null unique references grants(id) on delete restrict,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'returned')),
      due_on date not null,
      lines jsonb not null default '[]',
      file_id uuid references files(id) on delete restrict,
      comment text not null default '',
      submitted_at timestamptz,
      submitted_by uuid references users(id) on delete restrict,
      reviewed_at timestamptz,
      reviewed_by uuid references users(id) on delete restrict,
      review_comment text not null default '',
      version integer not null default 1,
      updated_at timestamptz not null
    );

    create table grant_reminders_sent (
      subject_id uuid not null,
      kind text not null,
      due_key text not null,
      sent_at timestamptz not null,
      primary key (subject_id, kind, due_key)
    );
  `.execute(db);
}
