import { type Kysely, sql } from 'kysely';

/**
 * Who left an administration, or was removed from it by staff: a public agent whose ProConnect SIRET is the
 * administration's would otherwise join it again at their next sign-in. An invitation accepted or a member
 * added by staff clears the row. Erased with the person's data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table commons_administration_departures (
      administration_id uuid not null references commons_administrations(id) on delete cascade,
      user_id uuid not null references users(id) on delete restrict,
      reason text not null check (reason in ('left', 'removed')),
      left_at timestamptz not null,
      primary key (administration_id, user_id)
    );
    create index commons_departures_by_user on commons_administration_departures (user_id);
  `.execute(db);
}
