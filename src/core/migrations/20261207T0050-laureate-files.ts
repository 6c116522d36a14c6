import { type Kysely, sql } from 'kysely';

/**
 * A third purpose for files: 'laureate', what a laureate's team and the staff exchange during the support
 * and the grant (deliverables, signed conventions, financial reports). Like application files, never
 * served by /fichiers: only by the support and grants routes, with their rights and audit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table files drop constraint if exists files_purpose_check;
    alter table files add constraint files_purpose_check check (purpose in ('content', 'application', 'laureate'));
  `.execute(db);
}
