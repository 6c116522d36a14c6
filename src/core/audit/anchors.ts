import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { enqueueAtNextPeriod } from '../jobs/queue.js';
import { chainQueuedAudit } from './audit.js';

/**
 * The hash chain detects any change inside the log, but not a log cut at its end with the head row moved
 * back: what remains is a valid, shorter chain. So the head is published once a day outside the database's
 * control — on a public page (`/transparence/journal`), as JSON for whoever archives it, and in the server
 * log — and `accelerateur audit verify --head <seq>:<hash>` checks the chain against a value kept elsewhere.
 */

/** A head as published: the last event's sequence number and hash. */
export interface PublishedHead {
  seq: number;
  hash: string;
}

export interface AuditAnchor extends PublishedHead {
  day: string;
  publishedAt: Date;
}

export const PUBLISH_AUDIT_HEAD_JOB = 'audit.publish_head';
const DAY_MS = 24 * 60 * 60 * 1000;

/** `123:ab12…` (what the page and the log show) → a head; undefined when it is not one. */
export function parsePublishedHead(text: string): PublishedHead | undefined {
  const match = /^\s*(\d{1,15}):([0-9a-f]{64})\s*$/i.exec(text);
  if (!match) return undefined;
  return { seq: Number(match[1]), hash: match[2].toLowerCase() };
}

export function formatPublishedHead(head: PublishedHead): string {
  return `${head.seq}:${head.hash}`;
}

/**
 * Records today's head (once a day: a second call the same day keeps the first) and writes it to the log.
 * Events still queued are chained first, so the published head covers every committed change.
 */
export async function publishAuditHead(
  db: Kysely<DB>,
  now: Date,
  log?: { info(obj: object, msg: string): void },
): Promise<AuditAnchor> {
  await chainQueuedAudit(db);
  const day = now.toISOString().slice(0, 10);
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  await db
    .insertInto('audit_anchors')
    .values({ day, seq: head.seq, hash: head.hash, published_at: now })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const anchor = await db.selectFrom('audit_anchors').selectAll().where('day', '=', day).executeTakeFirstOrThrow();
  const published = toAnchor(anchor);
  log?.info({ auditHead: formatPublishedHead(published), day }, 'audit chain head published');
  return published;
}

/** The published heads, newest first. */
export async function listAuditAnchors(db: Kysely<DB>, limit = 60): Promise<AuditAnchor[]> {
  const rows = await db.selectFrom('audit_anchors').selectAll().orderBy('day', 'desc').limit(limit).execute();
  return rows.map(toAnchor);
}

function toAnchor(row: { day: string; seq: number | string; hash: string; published_at: Date }): AuditAnchor {
  return { day: row.day, seq: Number(row.seq), hash: row.hash, publishedAt: new Date(row.published_at) };
}

/** Enqueues the publication due at the next UTC midnight (one a day whatever the number of app processes). */
export async function scheduleAuditHeadPublication(db: Kysely<DB>, now: Date): Promise<void> {
  await enqueueAtNextPeriod(db, PUBLISH_AUDIT_HEAD_JOB, DAY_MS, now);
}

/** The daily job: publishes the head, then schedules the next day's publication. */
export function publishAuditHeadJob(db: Kysely<DB>, now: () => Date, log?: { info(obj: object, msg: string): void }) {
  return async (): Promise<void> => {
    await publishAuditHead(db, now(), log);
    await scheduleAuditHeadPublication(db, now());
  };
}
