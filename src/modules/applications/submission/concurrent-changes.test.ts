import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser } from '../../../../test/support/users.js';
import type { CurrentUser } from '../../../core/auth/permissions.js';
import { loadSeasons } from '../../seasons/queries.js';
import { attachFiles, MAX_FILES_PER_APPLICATION, type Submission } from '../files/application-files.js';
import type { FormDefinition } from '../form/model.js';
import { loadApplication } from '../queries.js';
import { seedOpenSeason } from '../testing.js';
import { createApplication } from './create-application.js';
import { submitApplication } from './submit-application.js';

/**
 * Changes to one application that wait for each other on its row lock (PostgreSQL only: the
 * embedded database has one connection, so nothing ever waits there). A change reads the replay
 * key and the files in the statement that takes the lock, and must read them again when another
 * change committed while it waited.
 */
const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        {
          id: 'annexes',
          kind: 'file',
          required: false,
          label: { fr: 'Annexes', en: 'Annexes' },
          file: { contentTypes: ['application/pdf'], maxBytes: 100_000 },
        },
      ],
    },
  ],
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const SEASON = 'saison-concurrence';
let t: TestApp;

/** A signed-in person with a draft in the open season, created as the apply page creates it. */
async function applicant(label: string): Promise<{ user: CurrentUser; applicationId: string }> {
  const { user } = await createSignedInUser(t.app.services.db, t.clock, [], label);
  const [season] = await loadSeasons(t.app.services.db, { slug: SEASON });
  const created = await createApplication(t.app.services, { id: user.id, label: 'test' }, user, season!, {
    trackCode: 'numerique',
    applicantKind: 'association',
  });
  if (!created.ok) throw new Error('no draft');
  return { user, applicationId: created.id };
}

/** Runs `changes` while another transaction holds the application's row lock, released once all of them wait for it. */
async function whileLocked<T>(applicationId: string, changes: () => Promise<T>[]): Promise<T[]> {
  const { db } = t.app.services;
  let started: Promise<T>[] = [];
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('applications').select('id').where('id', '=', applicationId).forUpdate().execute();
    started = changes();
    for (let i = 0; i < 400; i++) {
      const waiting = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(
        db,
      );
      if (Number(waiting.rows[0]?.n) >= started.length) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  return Promise.all(started);
}

function upload(count: number): Submission {
  return {
    body: {},
    uploads: Array.from({ length: count }, (_, i) => ({ path: 'annexes', name: `annexe-${i}.pdf`, data: PDF })),
    refusal: null,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  await seedOpenSeason(t.app.services.db, { slug: SEASON, number: 41, form: FORM });
});
afterAll(() => t?.close());

describe.skipIf(!process.env.DATABASE_URL)('changes to one application that wait for each other (PostgreSQL)', () => {
  it('a replay that waited while the first submit committed finds its version and stores nothing', async () => {
    const { user, applicationId } = await applicant('rejeu');
    const key = '5b0e6f52-7c1f-4d7e-9a51-3f1c2a6b9d01';
    const submit = () =>
      submitApplication(t.app.services, { id: user.id, label: 'test' }, user, {
        applicationId,
        posted: { body: { project_name: 'Rejoué', idempotency_key: key }, uploads: [], refusal: null },
        idempotencyKey: key,
        arrivedAt: t.clock.now(),
      });
    const results = await whileLocked(applicationId, () => [submit(), submit(), submit()]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    const versions = await t.app.services.db
      .selectFrom('application_versions')
      .select('version')
      .where('application_id', '=', applicationId)
      .execute();
    expect(versions).toEqual([{ version: 1 }]);
  });

  it('an upload that waited while another stored files counts them against the quota', async () => {
    const { user, applicationId } = await applicant('quota');
    const actor = { id: user.id, label: 'test' };
    const application = (await loadApplication(t.app.services.db, applicationId))!;
    const attach = (count: number) =>
      attachFiles(t.app.services, actor, user, application, FORM, {}, upload(count), t.clock.now());
    const first = await attach(MAX_FILES_PER_APPLICATION - 2);
    expect(first.errors).toEqual({});
    // Three uploads of one file each, all waiting for the lock: two fit under the quota, the last is refused.
    const results = await whileLocked(applicationId, () => [attach(1), attach(1), attach(1)]);
    expect(results.filter((r) => Object.keys(r.errors).length === 0)).toHaveLength(2);
    expect(results.filter((r) => r.status === 413)).toHaveLength(1);
    const held = await t.app.services.db
      .selectFrom('application_files')
      .select('file_id')
      .where('application_id', '=', applicationId)
      .execute();
    expect(held).toHaveLength(MAX_FILES_PER_APPLICATION);
  });
});
