import { type Kysely, sql } from 'kysely';

/**
 * A review belongs to a jury member and an application, not to an assignment: in a phase whose
 * visibility is 'all' a reviewer scores applications they were not assigned, and a review must never
 * depend on which assignment run is the latest. `assignment_id` stays as the pair the review was last
 * written on (null for an unassigned review); removing a pair no longer deletes its review.
 * Should two reviews of the same member and application exist (a review left on an older run's pair),
 * the submitted one, else the latest changed, is kept: a member has one review per application.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table reviews add column member_id uuid references jury_members(id) on delete cascade;
    alter table reviews add column application_id uuid references applications(id) on delete cascade;
    update reviews r set member_id = a.member_id, application_id = a.application_id
      from review_assignments a where a.id = r.assignment_id;
    delete from reviews r using reviews o
      where r.member_id = o.member_id and r.application_id = o.application_id and r.id <> o.id
        and (o.submitted_at is not null, o.updated_at, o.id) > (r.submitted_at is not null, r.updated_at, r.id);
    alter table reviews alter column member_id set not null;
    alter table reviews alter column application_id set not null;
    alter table reviews alter column assignment_id drop not null;
    alter table reviews drop constraint if exists reviews_assignment_id_fkey;
    alter table reviews add constraint reviews_assignment_id_fkey foreign key (assignment_id) references review_assignments(id) on delete set null;
    create unique index reviews_member_application on reviews(member_id, application_id);
    create index reviews_application on reviews(application_id);
  `.execute(db);
}
