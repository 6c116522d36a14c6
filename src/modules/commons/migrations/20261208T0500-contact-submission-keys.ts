import { type Kysely, sql } from 'kysely';

/**
 * A contact through the platform, and each answer in its exchange, is written once however many times its form
 * is sent (a double click, a retry, a replay): the form's one-time key is kept with the row, unique, and a second
 * send finds the first row instead of mailing every recipient again. Contacts are also counted per sender over
 * the last day (the rate limit): an index by sender and date serves it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table commons_contacts add column submission_key uuid unique;
    alter table commons_contact_messages add column submission_key uuid unique;
    create index commons_contacts_by_sender_date on commons_contacts (sender_id, created_at);
  `.execute(db);
}
