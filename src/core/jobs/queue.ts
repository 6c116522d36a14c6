import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { type WriteBatch, writeTo } from '../db/write-batch.js';

export interface EnqueueOptions {
  /** When the job becomes due: the caller's clock, never the database's (tests move time). */
  runAt: Date;
  /** At most one pending job with this key: enqueueing again does nothing. */
  singletonKey?: string;
  maxAttempts?: number;
}

/**
 * Enqueues a job in the caller's transaction (or with the batch of writes it sends before COMMIT):
 * the job exists if and only if the change that caused it commits.
 */
export async function enqueueJob(
  target: Transaction<DB> | Kysely<DB> | WriteBatch,
  name: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions,
): Promise<void> {
  await writeTo(target, (batch) => {
    batch.add(
      sql`insert into jobs (name, payload, run_at, max_attempts, singleton_key)
          values (${name}, ${JSON.stringify(payload)}::jsonb, ${options.runAt}, ${options.maxAttempts ?? sql`default`}, ${options.singletonKey ?? null})
          on conflict (singleton_key) do nothing`,
    );
  });
}

/**
 * Enqueues a recurring job's next run at the next multiple of `periodMs` after `now` (the next hour, the next
 * UTC midnight): one run per period whatever the number of app processes, since the key names the time.
 */
export async function enqueueAtNextPeriod(db: Kysely<DB>, name: string, periodMs: number, now: Date): Promise<void> {
  const at = new Date(Math.ceil((now.getTime() + 1) / periodMs) * periodMs);
  await enqueueJob(db, name, {}, { runAt: at, singletonKey: `${name}:${at.toISOString()}` });
}

export async function pendingJobCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', 'in', ['pending', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
