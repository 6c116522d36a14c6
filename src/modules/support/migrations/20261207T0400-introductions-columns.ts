import { type Kysely, sql } from 'kysely';

/**
 * Two staff members may edit the same contact of the directory: its form carries the version it was read
 * at, and a save on a stale version is refused rather than silently overwriting the other's change.
 * An introduction declined by staff or withdrawn by the team keeps when that happened (the timeline shows it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table support_contacts add column version integer not null default 1;
    alter table support_introductions add column closed_at timestamptz;
  `.execute(db);
}
