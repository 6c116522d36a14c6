import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { EMBEDDED_UPKEEP_JOB, embeddedUpkeepJob } from './maintenance.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-07T21:30:00Z');
});
afterAll(async () => {
  await t?.close();
});

describe('embedded database upkeep', () => {
  it('is a job of the embedded database only: a PostgreSQL server vacuums by itself', () => {
    expect(t.app.services.jobHandlers.has(EMBEDDED_UPKEEP_JOB)).toBe(t.database.engine === 'pglite');
  });

  it('vacuums and analyses outside a transaction, then schedules the next night', async () => {
    const { db } = t.app.services;
    await sql`create temporary table upkeep_probe (n int)`.execute(db);
    await sql`insert into upkeep_probe select generate_series(1, 500)`.execute(db);
    await sql`delete from upkeep_probe where n % 2 = 0`.execute(db);
    const logged: object[] = [];
    await embeddedUpkeepJob(db, () => t.clock.now(), { info: (entry) => logged.push(entry) })();
    expect(logged).toHaveLength(1);
    const next = await db
      .selectFrom('jobs')
      .select(['run_at', 'state'])
      .where('name', '=', EMBEDDED_UPKEEP_JOB)
      .execute();
    expect(next).toEqual([{ run_at: new Date('2026-12-08T00:00:00Z'), state: 'pending' }]);
  });
});
