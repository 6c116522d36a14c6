import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-app.js';
import { ManualClock } from '../clock.js';
import type { Database } from '../db/database.js';
import { enqueueJob, pendingJobCount } from './queue.js';
import { type JobHandler, JobWorker } from './worker.js';

let database: Database;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

function worker(clock: ManualClock, handlers: Record<string, JobHandler>) {
  return new JobWorker({ db: database.db, clock, handlers: new Map(Object.entries(handlers)), log: silent });
}

describe('jobs', () => {
  it('exists only if the transaction that enqueued it commits', async () => {
    const clock = new ManualClock(new Date());
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, 'never', {}, { runAt: clock.now() });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    await database.db.transaction().execute((trx) => enqueueJob(trx, 'count', { n: 1 }, { runAt: clock.now() }));
    const seen: unknown[] = [];
    expect(await worker(clock, { count: async (p) => void seen.push(p) }).drain()).toBe(1);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await pendingJobCount(database.db)).toBe(0);
  });

  it('waits for its run time, retries with backoff, then gives up', async () => {
    const clock = new ManualClock(new Date());
    await enqueueJob(database.db, 'flaky', {}, { runAt: new Date(clock.now().getTime() + 60_000), maxAttempts: 2 });
    let calls = 0;
    const w = worker(clock, {
      flaky: async () => {
        calls++;
        if (calls === 1) throw new Error('down');
      },
    });
    expect(await w.drain()).toBe(0);
    clock.advance(61_000);
    await w.drain().catch(() => undefined);
    expect(calls).toBe(1);
    clock.advance(10_000);
    await w.drain();
    expect(calls).toBe(2);
    const job = await database.db.selectFrom('jobs').selectAll().where('name', '=', 'flaky').executeTakeFirstOrThrow();
    expect(job.state).toBe('done');
  });

  it('keeps one pending job per singleton key', async () => {
    const clock = new ManualClock(new Date());
    await enqueueJob(database.db, 'single', {}, { runAt: clock.now(), singletonKey: 'k' });
    await enqueueJob(database.db, 'single', {}, { runAt: clock.now(), singletonKey: 'k' });
    let calls = 0;
    await worker(clock, { single: async () => void calls++ }).drain();
    expect(calls).toBe(1);
    await enqueueJob(database.db, 'single', {}, { runAt: clock.now(), singletonKey: 'k' });
    await worker(clock, { single: async () => void calls++ }).drain();
    expect(calls).toBe(2);
  });

  it('takes again a job whose process died while running it', async () => {
    const clock = new ManualClock(new Date());
    await enqueueJob(database.db, 'crash', {}, { runAt: clock.now() });
    await database.db
      .updateTable('jobs')
      .set({ state: 'running', locked_until: new Date(clock.now().getTime() - 1) })
      .where('name', '=', 'crash')
      .execute();
    let calls = 0;
    await worker(clock, { crash: async () => void calls++ }).drain();
    expect(calls).toBe(1);
  });
});
