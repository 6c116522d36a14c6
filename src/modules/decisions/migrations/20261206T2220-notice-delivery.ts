import { type Kysely, sql } from 'kysely';

/**
 * What sending notices needs beyond the outbox: the PDF of each sent notice (its SHA-256 is already kept),
 * which freed place was offered to whom (a place is offered once), and the confirmation reminders sent
 * (one per deadline and delay, however often the job runs).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table decision_notices add column pdf bytea;
    alter table decisions add column place_offered_to uuid references applications(id) on delete restrict;
    create table decision_reminders (
      application_id uuid not null references applications(id) on delete restrict,
      confirm_by timestamptz not null,
      days_before integer not null,
      sent_at timestamptz not null,
      primary key (application_id, confirm_by, days_before)
    );
  `.execute(db);
}
