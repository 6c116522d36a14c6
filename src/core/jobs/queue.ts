import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

export interface EnqueueOptions {
  /** When the job becomes due: the caller's clock, never the database's (tests move time). */
  runAt: Date;
  /** At most one pending job with this key: enqueueing again does nothing. */
  singletonKey?: string;
  maxAttempts?: number;
}

/**
 * Enqueues a job in the caller's transaction: the job exists if and only if the change that
 * caused it commits.
 */
export async function enqueueJob(
  trx: Transaction<DB> | Kysely<DB>,
  name: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions,
): Promise<void> {
  await trx
    .insertInto('jobs')
    .values({
      name,
      payload: JSON.stringify(payload),
      run_at: options.runAt,
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
      singleton_key: options.singletonKey ?? null,
    })
    .onConflict((oc) => oc.column('singleton_key').doNothing())
    .execute();
}

export async function pendingJobCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', 'in', ['pending', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
