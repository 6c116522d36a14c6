import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';

export type JobHandler = (payload: Record<string, unknown>, job: { id: string; attempts: number }) => Promise<void>;

export interface WorkerOptions {
  db: Kysely<DB>;
  clock: Clock;
  handlers: Map<string, JobHandler>;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  pollMs?: number;
  batchSize?: number;
  /** A claimed job not finished within this time is taken again (its process died). */
  lockMs?: number;
}

/**
 * Runs due jobs. Any number of processes can run a worker against one database: a job is claimed
 * with FOR UPDATE SKIP LOCKED, so exactly one of them runs it.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly options: WorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every job due now, until none is left; returns how many ran. Tests call it directly. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) return total;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then((n) => this.schedule(n > 0 ? 0 : (this.options.pollMs ?? 500)))
        .catch((error) => {
          this.options.log.error({ err: error }, 'job worker failed to poll');
          this.schedule(this.options.pollMs ?? 500);
        });
    }, delay);
    this.timer.unref();
  }

  async runOnce(): Promise<number> {
    const { db, clock } = this.options;
    const now = clock.now();
    const lockedUntil = new Date(now.getTime() + (this.options.lockMs ?? 5 * 60_000));
    const claimed = await sql<{
      id: string;
      name: string;
      payload: Record<string, unknown>;
      attempts: number;
      max_attempts: number;
    }>`
      update jobs set state = 'running', attempts = attempts + 1, locked_until = ${lockedUntil}
      where id in (
        select id from jobs
        where (state = 'pending' and run_at <= ${now}) or (state = 'running' and locked_until < ${now})
        order by run_at
        limit ${this.options.batchSize ?? 10}
        for update skip locked
      )
      returning id, name, payload, attempts, max_attempts`.execute(db);
    for (const job of claimed.rows) await this.runJob(job);
    return claimed.rows.length;
  }

  private async runJob(job: {
    id: string;
    name: string;
    payload: Record<string, unknown>;
    attempts: number;
    max_attempts: number;
  }): Promise<void> {
    const { db, clock, handlers, log } = this.options;
    const handler = handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload, { id: job.id, attempts: job.attempts });
      await db
        .updateTable('jobs')
        .set({ state: 'done', finished_at: clock.now(), locked_until: null, singleton_key: null })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= job.max_attempts;
      // Exponential backoff: 2 s, 4 s, 8 s… capped at one hour.
      const retryAt = new Date(clock.now().getTime() + Math.min(3600_000, 1000 * 2 ** job.attempts));
      log[final ? 'error' : 'warn']({ job: job.name, id: job.id, attempts: job.attempts, err: message }, 'job failed');
      await db
        .updateTable('jobs')
        .set({
          state: final ? 'failed' : 'pending',
          last_error: message.slice(0, 2000),
          run_at: retryAt,
          locked_until: null,
          ...(final ? { finished_at: clock.now(), singleton_key: null } : {}),
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}
