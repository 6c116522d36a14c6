import { type Kysely, sql } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { parisEndOfDay, parisStartOfDay } from '../../core/time/paris-time.js';

/** A LIKE pattern that finds the text anywhere, literally: LIKE's wildcards in it are escaped. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const MAIL_STATUSES = ['queued', 'sent', 'stored', 'failed'] as const;

/** A period typed as two Paris days (YYYY-MM-DD), each end optional and included. */
export interface Period {
  from: string | null;
  to: string | null;
}

export interface MailFilter extends Period {
  recipient: string;
  subject: string;
  status: (typeof MAIL_STATUSES)[number] | null;
}

export interface MailListRow {
  id: string;
  createdAt: Date;
  to: string;
  subject: string;
  template: string;
  status: (typeof MAIL_STATUSES)[number];
}

/** One page of the mails matching the filter, newest first, and how many match in all. */
export async function searchMails(
  db: Kysely<DB>,
  filter: MailFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: MailListRow[]; total: number }> {
  let base = db.selectFrom('mails');
  if (filter.recipient) base = base.where(sql<boolean>`lower(to_address) like ${containsPattern(filter.recipient)}`);
  if (filter.subject) base = base.where(sql<boolean>`lower(subject) like ${containsPattern(filter.subject)}`);
  if (filter.status) base = base.where('status', '=', filter.status);
  if (filter.from) base = base.where('created_at', '>=', parisStartOfDay(filter.from));
  if (filter.to) base = base.where('created_at', '<=', parisEndOfDay(filter.to));
  const { n } = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['id', 'created_at', 'to_address', 'subject', 'template', 'status'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at),
      to: r.to_address,
      subject: r.subject,
      template: r.template,
      status: r.status,
    })),
  };
}

/** Mails whose sending failed: the mail tile's count on the dashboard (what an admin should look at). */
export async function countFailedMails(db: Kysely<DB>): Promise<number> {
  const { n } = await db
    .selectFrom('mails')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'failed')
    .executeTakeFirstOrThrow();
  return Number(n);
}

export interface AuditFilter extends Period {
  /** Part of the actor's address or name, or of the label of an actor without an account ("system"). */
  actor: string;
  /** Part of the action's name (`accounts.role` finds `accounts.role-granted` and `accounts.role-revoked`). */
  action: string;
  /** The type of the object changed, exactly (`user`, `application`…). */
  subjectType: string;
}

/** An audit event with its actor's account, as the journal pages read it. */
export interface AuditEventRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  email: string | null;
  given_name: string | null;
  family_name: string | null;
}

function auditEvents(db: Kysely<DB>) {
  return db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select([
      'seq',
      'at',
      'actor_id',
      'actor_label',
      'action',
      'subject_type',
      'subject_id',
      'summary',
      'prev_hash',
      'hash',
      'users.email',
      'users.given_name',
      'users.family_name',
    ]);
}

function toRow(r: Omit<AuditEventRow, 'seq' | 'at'> & { seq: number | string; at: Date | string }): AuditEventRow {
  return { ...r, seq: Number(r.seq), at: new Date(r.at) };
}

/**
 * The events matching the filter, newest first, `limit + 1` of them from before `before` (a sequence number:
 * the pages of a log that only grows are cut by sequence, so a page never shifts when events are added).
 * Reads the log only: its rows and its chain are never changed here.
 */
export async function searchAudit(
  db: Kysely<DB>,
  filter: AuditFilter,
  before: number | null,
  limit: number,
): Promise<AuditEventRow[]> {
  let query = auditEvents(db)
    .orderBy('seq', 'desc')
    .limit(limit + 1);
  if (before !== null) query = query.where('seq', '<', before);
  if (filter.actor) {
    const pattern = containsPattern(filter.actor);
    query = query.where(
      sql<boolean>`(lower(coalesce(users.email, '')) like ${pattern}
        or lower(concat_ws(' ', users.given_name, users.family_name)) like ${pattern}
        or lower(audit_events.actor_label) like ${pattern})`,
    );
  }
  if (filter.action) query = query.where(sql<boolean>`lower(action) like ${containsPattern(filter.action)}`);
  if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.from) query = query.where('at', '>=', parisStartOfDay(filter.from));
  if (filter.to) query = query.where('at', '<=', parisEndOfDay(filter.to));
  return (await query.execute()).map(toRow);
}

/** One event of the log, by its sequence number. */
export async function auditEvent(db: Kysely<DB>, seq: number): Promise<AuditEventRow | undefined> {
  const row = await auditEvents(db).where('seq', '=', seq).executeTakeFirst();
  return row ? toRow(row) : undefined;
}
