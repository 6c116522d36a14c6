import { sql, type Kysely, type Transaction } from 'kysely';
import { WriteBatch, writeTo } from '../db/write-batch.js';
import type { DB } from '../db/schema.js';

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

export async function pendingJobCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', 'in', ['pending', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
