import { type Kysely, sql } from 'kysely';

/**
 * A file row says what it was uploaded for: 'content' (a file of the public site, which /fichiers may
 * serve once the content is published) or 'application' (an applicant's file, served only by the
 * application's routes with their rights and audit). Existing rows: the files news items hold are
 * content; every other row is taken as an application file, the side that is never public.
 * No default, so every new row must say.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table files add column purpose text check (purpose in ('content', 'application'));
    update files set purpose = case
      when exists (select 1 from news_attachments a where a.file_id = files.id)
       and not exists (select 1 from application_files af where af.file_id = files.id) then 'content'
      else 'application' end;
    alter table files alter column purpose set not null;
  `.execute(db);
}
