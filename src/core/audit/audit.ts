import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

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
 * Appends one event to the hash chain. Must run inside the transaction of the change it records:
 * locking the chain's head row serialises writers, so the chain never forks, and a rolled-back
 * change leaves no event behind.
 */
export async function recordAudit(trx: Transaction<DB>, actor: Actor, at: Date, input: AuditInput): Promise<void> {
  const head = await trx.selectFrom('audit_head').selectAll().where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const fields: HashedFields = {
    seq: Number(head.seq) + 1,
    at,
    actor_id: actor.id,
    actor_label: actor.label,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId ?? null,
    summary: JSON.parse(canonicalJson(input.summary ?? {})),
  };
  const hash = eventHash(head.hash, fields);
  await trx
    .insertInto('audit_events')
    .values({ ...fields, summary: canonicalJson(fields.summary), prev_hash: head.hash, hash })
    .execute();
  await trx.updateTable('audit_head').set({ seq: fields.seq, hash }).where('id', '=', 1).execute();
}

export interface AuditProblem {
  seq: number;
  problem: string;
}

/** Walks the whole chain; reports every altered, inserted, reordered or deleted event. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<{ checked: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
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
        problems.push({ seq, problem: 'its link to the previous event does not match (an earlier event was altered or removed)' });
      }
      const recomputed = eventHash(row.prev_hash, { ...row, seq, at: new Date(row.at) });
      if (recomputed !== row.hash) problems.push({ seq, problem: 'its content does not match its hash (altered)' });
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
  return { checked, problems };
}

/** Runs fn in a transaction with its audit event: the change and its record commit together. */
export async function auditedTransaction<T>(
  db: Kysely<DB>,
  actor: Actor,
  at: Date,
  fn: (trx: Transaction<DB>, audit: (input: AuditInput) => Promise<void>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute((trx) => fn(trx, (input) => recordAudit(trx, actor, at, input)));
}

