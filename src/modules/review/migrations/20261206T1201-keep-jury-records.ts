import { type Kysely, sql } from 'kysely';

/**
 * Reviews, conflicts, bids and assignments are the programme's records: deleting an account or a jury
 * membership must never take them away silently (an erasure used to cascade through here and change the
 * ranking). Erasure now keeps the account as a pseudonym; these keys refuse any deletion that would still
 * orphan them, so a mistake fails loudly instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table jury_members drop constraint jury_members_user_id_fkey,
      add constraint jury_members_user_id_fkey foreign key (user_id) references users(id) on delete restrict;
    alter table reviews drop constraint reviews_member_id_fkey,
      add constraint reviews_member_id_fkey foreign key (member_id) references jury_members(id) on delete restrict;
    alter table review_conflicts drop constraint review_conflicts_member_id_fkey,
      add constraint review_conflicts_member_id_fkey foreign key (member_id) references jury_members(id) on delete restrict;
    alter table review_bids drop constraint review_bids_member_id_fkey,
      add constraint review_bids_member_id_fkey foreign key (member_id) references jury_members(id) on delete restrict;
    alter table review_assignments drop constraint review_assignments_member_id_fkey,
      add constraint review_assignments_member_id_fkey foreign key (member_id) references jury_members(id) on delete restrict;
  `.execute(db);
}
