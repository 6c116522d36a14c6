import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { isoDateParis } from '../../../core/i18n/i18n.js';
import { parisEndOfDay } from '../../../core/time/paris-time.js';
import { kindSpec } from '../form/kinds.js';
import type { FormDefinition, Question } from '../form/model.js';
import type { ExpertOpinion } from './tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

export const EXPERT_OPINIONS: readonly ExpertOpinion[] = ['favourable', 'reserved', 'unfavourable'];
/** The link keeps working this long after the due day, for a late but useful answer. */
export const GRACE_DAYS = 7;

export type ExpertRequestStatus = 'pending' | 'answered' | 'expired';

export interface ExpertRequestRecord {
  id: string;
  applicationId: string;
  /** The submitted version the request was made for. */
  version: number;
  expertEmail: string;
  question: string;
  dueOn: string;
  expiresAt: Date;
  requestedAt: Date;
  opinion: ExpertOpinion | null;
  comment: string;
  savedAt: Date | null;
  submittedAt: Date | null;
}

/** A fresh link token (256 bits) and the hash kept in the database: the token itself is only in the mail. */
export function newExpertToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashExpertToken(token) };
}

export function hashExpertToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The day (YYYY-MM-DD) `days` calendar days after `date`. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The end (23:59:59.999 in Paris) of the calendar day that comes GRACE_DAYS after the due day. */
export function expiryOf(dueOn: string): Date {
  return new Date(parisEndOfDay(addDays(dueOn, GRACE_DAYS)).getTime() + 999);
}

/** The due day is a Paris calendar day: it is over once Paris has moved to the next day. */
export function isOverdue(request: Pick<ExpertRequestRecord, 'submittedAt' | 'dueOn'>, now: Date): boolean {
  return !request.submittedAt && isoDateParis(now) > request.dueOn;
}

/**
 * Whether the link still opens: until its expiry, whatever its state. An answered request is read
 * only, but its link must not keep showing the application for ever.
 */
export function linkOpen(request: Pick<ExpertRequestRecord, 'expiresAt'>, now: Date): boolean {
  return now.getTime() <= request.expiresAt.getTime();
}

export function statusOf(
  request: Pick<ExpertRequestRecord, 'submittedAt' | 'expiresAt'>,
  now: Date,
): ExpertRequestStatus {
  if (request.submittedAt) return 'answered';
  return now.getTime() > request.expiresAt.getTime() ? 'expired' : 'pending';
}

const COLUMNS = [
  'id',
  'application_id',
  'application_version',
  'expert_email',
  'question',
  'due_on',
  'expires_at',
  'requested_at',
  'opinion',
  'comment',
  'saved_at',
  'submitted_at',
] as const;

type Row = {
  id: string;
  application_id: string;
  application_version: number;
  expert_email: string;
  question: string;
  due_on: string;
  expires_at: Date;
  requested_at: Date;
  opinion: ExpertOpinion | null;
  comment: string;
  saved_at: Date | null;
  submitted_at: Date | null;
};

function toRecord(row: Row): ExpertRequestRecord {
  return {
    id: row.id,
    applicationId: row.application_id,
    version: row.application_version,
    expertEmail: row.expert_email,
    question: row.question,
    dueOn: row.due_on,
    expiresAt: new Date(row.expires_at),
    requestedAt: new Date(row.requested_at),
    opinion: row.opinion,
    comment: row.comment,
    savedAt: row.saved_at ? new Date(row.saved_at) : null,
    submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
  };
}

export async function listExpertRequests(db: Db, applicationId: string): Promise<ExpertRequestRecord[]> {
  const rows = await db
    .selectFrom('application_expert_requests')
    .select(COLUMNS)
    .where('application_id', '=', applicationId)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

/** The request a link opens, whatever its state (the caller decides about expiry). */
export async function loadExpertRequestByToken(
  db: Db,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<ExpertRequestRecord | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  let query = db
    .selectFrom('application_expert_requests')
    .select(COLUMNS)
    .where('token_hash', '=', hashExpertToken(token));
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * The form as an outside expert sees it: without the questions that hold contact details (email
 * answers) or files (which may hold anything, and are not scanned for them).
 */
export function formForExpert(definition: FormDefinition): FormDefinition {
  const keep = (questions: Question[]): Question[] =>
    questions
      .filter((q) => kindSpec(q.kind)?.shownToExperts ?? false)
      .map((q) => (q.children ? { ...q, children: keep(q.children) } : q));
  return { sections: definition.sections.map((section) => ({ ...section, questions: keep(section.questions) })) };
}
