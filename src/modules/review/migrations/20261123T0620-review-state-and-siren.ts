import { type Kysely, sql } from 'kysely';

/**
 * The jury's additions: the `in_review` application state (between eligible and the decision; the state
 * machine lives in applications/states.ts), and the SIREN a reviewer declares for their own organisation,
 * used to detect conflicts of interest with applications of the same organisation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table applications drop constraint if exists applications_state_check;
    alter table applications add constraint applications_state_check check (state in
      ('draft', 'submitted', 'in_instruction', 'eligible', 'ineligible', 'in_review', 'laureate', 'not_selected', 'withdrawn'));
    alter table jury_members add column siren text not null default '';
  `.execute(db);
}
