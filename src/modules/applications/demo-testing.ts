import { type Kysely, sql } from 'kysely';
import { systemActor } from '../../core/audit/audit.js';
import { createSession } from '../../core/auth/sessions.js';
import type { Clock } from '../../core/clock.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { DEMO_OPEN_SEASON } from './demo.js';
import { DEFAULT_FORM } from './form/default-form.js';
import { saveForm } from './form-builder/save-form.js';

/** Test support: the number of rows of every table of the public schema, by table name. */
export async function tableCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
     order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(row.rows[0].n);
  }
  return counts;
}

/** Test support: a session cookie for the account with this address (the demo admin, a demo reviewer). */
export async function sessionOf(db: Kysely<DB>, clock: Clock, email: string): Promise<string> {
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const { token } = await createSession(db, clock, user.id);
  return `acc_session=${token}`;
}

/** Test support: the demo's open season, given DEFAULT_FORM as its form (version 1) when it has none yet. */
export async function demoSeasonWithForm(db: Kysely<DB>): Promise<{ id: string; slug: string }> {
  const season = await db
    .selectFrom('seasons')
    .select(['id', 'slug'])
    .where('slug', '=', DEMO_OPEN_SEASON)
    .executeTakeFirstOrThrow();
  const form = await db
    .selectFrom('application_forms')
    .select('id')
    .where('season_id', '=', season.id)
    .executeTakeFirst();
  if (!form)
    await db
      .insertInto('application_forms')
      .values({ season_id: season.id, version: 1, definition: JSON.stringify(DEFAULT_FORM), created_at: new Date() })
      .execute();
  return season;
}

/**
 * Test support: a fixture application already submitted (version 1, empty answers) by `owner`, its only
 * member, in the demo's latest season on its first track, after saving DEFAULT_FORM as that season's form.
 * For tests about how the pages read, not about how an application gets there.
 */
export async function seedSubmittedApplication(
  services: Services,
  owner: { id: string; email: string },
  title: string,
): Promise<{ id: string; seasonId: string; seasonSlug: string }> {
  const { db } = services;
  const season = await db
    .selectFrom('seasons')
    .select(['id', 'slug'])
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const track = await db
    .selectFrom('season_tracks')
    .select('code')
    .where('season_id', '=', season.id)
    .orderBy('position')
    .limit(1)
    .executeTakeFirstOrThrow();
  const saved = await saveForm(services, systemActor, season.id, DEFAULT_FORM);
  if (!saved.ok) throw new Error('seedSubmittedApplication: DEFAULT_FORM refused');
  const now = new Date();
  const row = await db
    .insertInto('applications')
    .values({
      season_id: season.id,
      track_code: track.code,
      form_id: saved.formId,
      owner_id: owner.id,
      applicant_kind: 'association',
      title,
      state: 'submitted',
      draft_answers: '{}',
      submitted_at: now,
      created_at: now,
      updated_at: now,
      current_version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('application_versions')
    .values({
      application_id: row.id,
      version: 1,
      form_id: saved.formId,
      answers: '{}',
      answers_sha256: '0'.repeat(64),
      submitted_at: now,
      submitted_by: owner.id,
      idempotency_key: null,
    })
    .execute();
  await db
    .insertInto('application_members')
    .values({
      application_id: row.id,
      email: owner.email,
      user_id: owner.id,
      role: 'owner',
      invited_at: now,
      accepted_at: now,
    })
    .execute();
  return { id: row.id, seasonId: season.id, seasonSlug: season.slug };
}
