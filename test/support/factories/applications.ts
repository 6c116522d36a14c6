import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../../src/core/db/schema.js';
import type {
  ApplicationFormsTable,
  ApplicationMembersTable,
  ApplicationsTable,
  ApplicationVersionsTable,
} from '../../../src/modules/applications/tables.js';

/**
 * The applications module's test factory: the one place outside src/modules/applications where tests write or
 * read its tables directly, and the door to its test helpers (fixture seasons, the default form).
 */

export {
  demoSeasonWithForm,
  seedSubmittedApplication,
  sessionOf,
  tableCounts,
} from '../../../src/modules/applications/demo-testing.js';
export { DEFAULT_FORM } from '../../../src/modules/applications/form/default-form.js';
export { saveForm } from '../../../src/modules/applications/form-builder/save-form.js';
export { SUBMITTED_MAIL } from '../../../src/modules/applications/mails.js';
export type { ApplicationState } from '../../../src/modules/applications/states.js';
export { answersSha256 } from '../../../src/modules/applications/submission/answers.js';
export { createApplication } from '../../../src/modules/applications/submission/create-application.js';
export { withdrawApplication } from '../../../src/modules/applications/submission/withdraw-application.js';
export { seedOpenSeason } from '../../../src/modules/applications/testing.js';

/** The latest form version of a season. */
export async function currentForm(db: Kysely<DB>, seasonId: string): Promise<Selectable<ApplicationFormsTable>> {
  return db
    .selectFrom('application_forms')
    .selectAll()
    .where('season_id', '=', seasonId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

export async function insertApplication(
  db: Kysely<DB>,
  values: Insertable<ApplicationsTable>,
): Promise<{ id: string }> {
  return db.insertInto('applications').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function insertVersion(db: Kysely<DB>, values: Insertable<ApplicationVersionsTable>): Promise<void> {
  await db.insertInto('application_versions').values(values).execute();
}

export async function insertMember(db: Kysely<DB>, values: Insertable<ApplicationMembersTable>): Promise<void> {
  await db.insertInto('application_members').values(values).execute();
}

export async function applicationById(db: Kysely<DB>, id: string): Promise<Selectable<ApplicationsTable>> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
export { DEMO_ELIGIBLE_COUNT, DEMO_OPEN_SEASON } from '../../../src/modules/applications/demo.js';
export { DEMO_CLOSED_SEASON } from '../../../src/modules/applications/demo-closed-season.js';

/** The owner of an application. */
export async function ownerOf(db: Kysely<DB>, applicationId: string): Promise<string> {
  return (await applicationById(db, applicationId)).owner_id;
}

/** Rewrites the submitted answers of every version of an application (what a reviewer will read). */
export async function setVersionAnswers(
  db: Kysely<DB>,
  applicationId: string,
  answers: Record<string, unknown>,
): Promise<void> {
  await db
    .updateTable('application_versions')
    .set({ answers: JSON.stringify(answers) })
    .where('application_id', '=', applicationId)
    .execute();
}

/** The states of a season's applications, one per application. */
export async function applicationStates(db: Kysely<DB>, seasonId: string): Promise<string[]> {
  const rows = await db.selectFrom('applications').select('state').where('season_id', '=', seasonId).execute();
  return rows.map((row) => row.state);
}

/** The ids of a season's applications in a state. */
export async function applicationsInState(db: Kysely<DB>, seasonId: string, state: string): Promise<{ id: string }[]> {
  return db
    .selectFrom('applications')
    .select('id')
    .where('season_id', '=', seasonId)
    .where('state', '=', state)
    .execute();
}

/** Every recorded transition into a state. */
export async function transitionsInto(db: Kysely<DB>, state: string): Promise<{ to_state: string }[]> {
  return db.selectFrom('application_transitions').select('to_state').where('to_state', '=', state).execute();
}

/** The messages of an application's thread, oldest first. */
export async function threadMessages(
  db: Kysely<DB>,
  applicationId: string,
): Promise<{ body: string; from_staff: boolean; author_id: string | null }[]> {
  return db
    .selectFrom('application_messages')
    .select(['body', 'from_staff', 'author_id'])
    .where('application_id', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
