import { type Kysely, sql } from 'kysely';

/**
 * A panelist's opinions are part of the selection's record: the deliberation combines them with the
 * jury's scores. Erasing the person used to cascade through their membership and take the opinions away,
 * which moved the combined order. Now an opinion keeps its scores under `panelist_ref` (a random key that
 * leads to no one once the membership is gone); the erasure clears the link and the free-text comment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table panel_members add column opinion_ref uuid not null default gen_random_uuid();
    alter table panel_opinions add column panelist_ref uuid;
    update panel_opinions o set panelist_ref = m.opinion_ref from panel_members m where m.id = o.member_id;
    alter table panel_opinions alter column panelist_ref set not null;
    alter table panel_opinions alter column member_id drop not null;
    alter table panel_opinions drop constraint panel_opinions_member_id_fkey,
      add constraint panel_opinions_member_id_fkey foreign key (member_id) references panel_members(id) on delete set null;
  `.execute(db);
}
