import { type Kysely, sql } from 'kysely';

/**
 * Mail attachments (issue 16: an event's confirmation carries its .ics): small text files kept with the mail,
 * as a JSON list of { filename, contentType, content }, so the sending job (and a resend) sends them too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table mails add column attachments jsonb`.execute(db);
}
