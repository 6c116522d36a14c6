import { createHash } from 'node:crypto';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { sharedRunsByKey } from '../concurrency/shared-runs.js';
import type { DB } from '../db/schema.js';
import { WriteBatch } from '../db/write-batch.js';

/** Who did a change: a signed-in person, or the platform itself (jobs, CLI). */
export interface Actor {
  id: string | null;
  label: string;
}

export const systemActor: Actor = { id: null, label: 'system' };

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** A before/after summary: small, no secrets, no file contents. */
  summary?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Stable JSON: keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  const normalised = JSON.parse(JSON.stringify(value ?? null));
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(normalised));
}

export interface HashedFields {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: unknown;
}

export function eventHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at.toISOString(),
    actor_id: e.actor_id,
    actor_label: e.actor_label,
    action: e.action,
    subject_type: e.subject_type,
    subject_id: e.subject_id,
    summary: e.summary,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one event to the hash chain at once, in the caller's transaction: the chain's head row
 * stays locked until that transaction ends. For the few callers that run their own transaction;
 * use cases go through auditedTransaction, which does not hold the head while it commits.
 */
export async function recordAudit(trx: Transaction<DB>, actor: Actor, at: Date, input: AuditInput): Promise<void> {
  const head = await trx.selectFrom('audit_head').selectAll().where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const chained = chainAfter(head, [
    {
      at,
      actor_id: actor.id,
      actor_label: actor.label,
      action: input.action,
      subject_type: input.subjectType,
      subject_id: input.subjectId ?? null,
      summary: input.summary ?? {},
    },
  ]);
  await appendChained(trx, chained);
}

/** An event as written by a change, before it has its place in the chain. */
type UnchainedEvent = Omit<HashedFields, 'seq'>;

/** Gives each event, in order, the next sequence number and its hash linked to the previous one. */
function chainAfter(head: { seq: number | string; hash: string }, events: UnchainedEvent[]) {
  let seq = Number(head.seq);
  let prevHash = head.hash;
  return events.map((event) => {
    seq++;
    const fields: HashedFields = {
      ...event,
      seq,
      at: new Date(event.at),
      summary: JSON.parse(canonicalJson(event.summary ?? {})),
    };
    const hash = eventHash(prevHash, fields);
    const row = { ...fields, summary: canonicalJson(fields.summary), prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
}

/** Writes chained events and moves the head to the last one, in one statement (the head row must be locked). */
async function appendChained(trx: Transaction<DB>, rows: ReturnType<typeof chainAfter>): Promise<void> {
  const last = rows[rows.length - 1];
  if (!last) return;
  for (let i = 0; i + 500 < rows.length; i += 500)
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + 500))
      .execute();
  const tail = rows.slice(Math.floor((rows.length - 1) / 500) * 500);
  await trx
    .with('appended', (db) => db.insertInto('audit_events').values(tail))
    .updateTable('audit_head')
    .set({ seq: last.seq, hash: last.hash })
    .where('id', '=', 1)
    .execute();
}

/** An event as recorded by a change: its summary serialised at once, so later edits of the object cannot alter it. */
interface RecordedEvent {
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: string;
}

/** The insert that queues a change's events (in one statement), without touching the chain (no lock). Their queue ids follow the order they were recorded in. */
function queueAuditWrite(actor: Actor, at: Date, events: readonly RecordedEvent[]): RawBuilder<unknown> {
  const rows = events.map(
    (event) =>
      sql`(${at}, ${actor.id}, ${actor.label}, ${event.action}, ${event.subjectType}, ${event.subjectId}, ${event.summary}::jsonb)`,
  );
  return sql`
    insert into audit_queue (at, actor_id, actor_label, action, subject_type, subject_id, summary)
    values ${sql.join(rows)}`;
}

const CHAIN_BATCH = 1000;

/**
 * Moves every committed queued event into the hash chain, in batches: each batch is taken off the
 * queue and appended to the chain in one transaction, so an event is either queued or chained,
 * never lost and never twice, and the chain has no gap. Chainers in several processes may run at
 * once: each takes different rows (SKIP LOCKED) and they append one after another on the head.
 * The head is locked only for the few statements after the queued rows are read.
 */
export async function chainQueuedAudit(db: Kysely<DB>): Promise<number> {
  let total = 0;
  for (;;) {
    const moved = await db.transaction().execute(async (trx) => {
      // Takes a batch off the queue and, only if there was one, locks the head: one round trip.
      const { rows } = await sql<
        UnchainedEvent & { id: number | string; head_seq: number | string; head_hash: string }
      >`
        with taken as (
          delete from audit_queue
          where id in (select id from audit_queue order by id limit ${CHAIN_BATCH} for update skip locked)
          returning id, at, actor_id, actor_label, action, subject_type, subject_id, summary
        ),
        head as (select seq, hash from audit_head where id = 1 and exists (select 1 from taken) for update)
        select taken.*, head.seq as head_seq, head.hash as head_hash from taken, head`.execute(trx);
      const first = rows[0];
      if (!first) return 0;
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      await appendChained(
        trx,
        chainAfter(
          { seq: first.head_seq, hash: first.head_hash },
          rows.map(({ id: _id, head_seq: _seq, head_hash: _hash, ...event }) => event),
        ),
      );
      return rows.length;
    });
    total += moved;
    if (moved < CHAIN_BATCH) return total;
  }
}

/**
 * One chaining pass at a time per database handle: a change that commits while a pass runs waits
 * for the next pass, which starts as soon as the running one ends and serves every change that
 * committed meanwhile (the way PostgreSQL groups commits), so the chain costs one short
 * transaction per batch of changes rather than one lock held across every commit.
 */
const chainSoon = sharedRunsByKey((db: Kysely<DB>) => chainQueuedAudit(db));

export interface AuditProblem {
  seq: number;
  problem: string;
}

/**
 * Walks the whole chain; reports every altered, inserted, reordered or deleted event. The chain must also
 * hold every head published so far (audit_anchors) and each head given here, kept outside the database:
 * that is what detects a chain cut at its end with its head moved back (anchors.ts).
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  options: { publishedHeads?: { seq: number; hash: string }[] } = {},
): Promise<{ checked: number; problems: AuditProblem[] }> {
  // Events still queued (a process stopped between a commit and its chaining pass) are chained first.
  await chainQueuedAudit(db);
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const anchors = await db.selectFrom('audit_anchors').select(['day', 'seq', 'hash']).execute();
  const heads = [
    ...anchors.map((a) => ({ seq: Number(a.seq), hash: a.hash, source: `published on ${a.day}` })),
    ...(options.publishedHeads ?? []).map((h) => ({ ...h, source: 'given' })),
  ];
  const wanted = new Set(heads.map((h) => h.seq));
  const hashAt = new Map<number, string>();
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        problems.push({ seq: expectedSeq, problem: `events ${expectedSeq} to ${seq - 1} are missing (deleted)` });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({
          seq,
          problem: 'its link to the previous event does not match (an earlier event was altered or removed)',
        });
      }
      const recomputed = eventHash(row.prev_hash, { ...row, seq, at: new Date(row.at) });
      if (recomputed !== row.hash) problems.push({ seq, problem: 'its content does not match its hash (altered)' });
      if (wanted.has(seq)) hashAt.set(seq, row.hash);
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head) problems.push({ seq: 0, problem: 'the chain head is missing' });
  else if (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    problems.push({
      seq: Number(head.seq),
      problem: `the chain head records event ${head.seq} but the log ends at ${expectedSeq - 1} (events deleted at the end, or head altered)`,
    });
  }
  for (const published of heads) {
    const found = hashAt.get(published.seq);
    if (published.seq === 0 && published.hash === GENESIS_HASH) continue;
    if (published.seq > expectedSeq - 1) {
      problems.push({
        seq: published.seq,
        problem: `a head at event ${published.seq} (${published.source}) is missing: the log ends at ${expectedSeq - 1} (events deleted at the end)`,
      });
    } else if (found !== published.hash) {
      problems.push({
        seq: published.seq,
        problem: `event ${published.seq} does not have the hash of the head ${published.source} (the chain was rewritten)`,
      });
    }
  }
  return { checked, problems };
}

/** Records one audit event of the change (written to the queue with the change's last writes, before COMMIT). */
export type AuditRecorder = (input: AuditInput) => Promise<void>;

/**
 * Runs fn in a transaction with its audit events: the change and its events commit together. The
 * events are written to the queue in that transaction and chained right after the COMMIT, before
 * this returns, so a caller (or a test) finds them in audit_events as before. A chaining failure
 * after the commit does not fail the change: its events stay queued and the next pass (any
 * change, any process, or `audit verify`) chains them.
 *
 * `atCommit` takes the writes of the change that nothing in it reads back (mails, jobs, rows only
 * read after COMMIT): they are sent with the audit events in one statement just before COMMIT,
 * once fn has returned (not if it throws).
 */
export async function auditedTransaction<T>(
  db: Kysely<DB>,
  actor: Actor,
  at: Date,
  fn: (trx: Transaction<DB>, audit: AuditRecorder, atCommit: WriteBatch) => Promise<T>,
): Promise<T> {
  let recorded: RecordedEvent[] = [];
  const result = await db.transaction().execute(async (trx) => {
    recorded = [];
    const atCommit = new WriteBatch();
    const value = await fn(
      trx,
      async (input) => {
        recorded.push({
          action: input.action,
          subjectType: input.subjectType,
          subjectId: input.subjectId ?? null,
          summary: canonicalJson(input.summary ?? {}),
        });
      },
      atCommit,
    );
    // Every event of the change in one insert, so their queue ids keep the order they were recorded in.
    if (recorded.length > 0) atCommit.add(queueAuditWrite(actor, at, recorded));
    await atCommit.execute(trx);
    return value;
  });
  if (recorded.length > 0) {
    await chainSoon(db).catch((error: unknown) =>
      process.emitWarning(`audit events left queued for the next chaining pass: ${String(error)}`),
    );
  }
  return result;
}
