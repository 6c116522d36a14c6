import { type Kysely, type OperationNodeSource, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from './schema.js';

/** Something Kysely can compile into a statement: a query builder or a `sql` template. */
export type WriteStatement = OperationNodeSource;

/**
 * Writes sent to PostgreSQL together, as ONE statement: each write becomes a data-modifying CTE,
 * and PostgreSQL runs every data-modifying CTE of a statement exactly once and to completion,
 * whether or not anything reads it. Under a deadline rush each statement is a round trip that costs
 * the app and the server their share of CPU (the socket write wakes the other process, the server
 * parses, binds and answers), so a change whose writes nobody reads back sends them in one.
 *
 * A write may read the rows another write of the batch returned, through the name `add` gives back
 * (a mail and its sending job): that one runs first. Otherwise the writes see the same snapshot,
 * none sees the rows of another, PostgreSQL runs them in an order of its choosing, and foreign keys
 * are checked at the end of the statement. So the writes of one batch must not touch the same rows
 * or the same unique keys (two jobs with one singleton key would keep either); several events that
 * must keep their order go in one insert.
 * `auditedTransaction` runs its batch just before COMMIT, together with the change's audit events.
 */
export class WriteBatch {
  private writes: RawBuilder<unknown>[] = [];
  private named = 0;

  /** Adds a write (insert, update or delete, with `returning …` for a later write to read) and returns its name. */
  add(write: WriteStatement): RawBuilder<unknown> {
    const name = sql.id(`write_${this.named++}`);
    this.writes.push(sql`${name} as (${write})`);
    return name;
  }

  /** Sends every write added so far in one statement and empties the batch. */
  async execute(db: Kysely<DB> | Transaction<DB>): Promise<void> {
    const writes = this.writes;
    this.writes = [];
    this.named = 0;
    if (writes.length === 0) return;
    await sql`with ${sql.join(writes)} select 1`.execute(db);
  }
}

/** Runs one write now (the target is a database or a transaction) or adds it to a batch. */
export async function writeTo(
  target: Kysely<DB> | Transaction<DB> | WriteBatch,
  build: (batch: WriteBatch) => void,
): Promise<void> {
  if (target instanceof WriteBatch) {
    build(target);
    return;
  }
  const batch = new WriteBatch();
  build(batch);
  await batch.execute(target);
}
