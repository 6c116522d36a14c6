import { type Kysely, sql } from 'kysely';

/**
 * The stored result of the company-register check of an application's organisation, made by a job
 * enqueued with each submission (and again when staff ask): staff read it instead of waiting on the
 * register. One row per application, replaced by every new check.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table application_organisation_checks (
      application_id uuid primary key references applications(id) on delete cascade,
      checked_at timestamptz not null,
      status text not null check (status in ('verified', 'not_found', 'inactive', 'unavailable', 'not_configured', 'not_checked')),
      siret text,
      rna text,
      name text,
      legal_form text,
      active boolean,
      is_association boolean,
      detail jsonb not null
    );
  `.execute(db);
}
