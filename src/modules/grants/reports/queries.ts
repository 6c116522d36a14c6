import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { GrantStatus, ReportStatus } from '../tables.js';
import { parseStoredLines, type ReportLine } from './report-lines.js';
import '../tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A grant whose convention binds the laureate to report: signed, suspended or closed. */
export const REPORTING_STATUSES: readonly GrantStatus[] = ['signed', 'suspended', 'closed'];

/** What the report pages need of the grant. */
export interface ReportGrant {
  id: string;
  applicationId: string;
  seasonId: string;
  reference: string;
  amountCents: number;
  purpose: string;
  status: GrantStatus;
  actionStartsOn: string;
  actionEndsOn: string;
}

export interface ReportRecord {
  id: string;
  grantId: string;
  status: ReportStatus;
  dueOn: string;
  lines: ReportLine[];
  fileId: string | null;
  fileName: string | null;
  comment: string;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewComment: string;
  version: number;
}

/**
 * A `date` column as YYYY-MM-DD. core/db/database.ts asks both engines for the text, but the embedded PGlite
 * (0.5) still hands back a Date at UTC midnight: read either, so days never shift with a time zone.
 */
export function toDay(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value ?? '').slice(0, 10);
}

/** YYYY-MM-DD plus `months` calendar months, the day kept or clamped to the month's last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The report is due six months after the action's end (the convention's reporting clause). */
export function reportDueOn(actionEndsOn: string): string {
  return addMonths(actionEndsOn, 6);
}

/** The application's grant that asks for a report (the latest signed, suspended or closed one), or null. */
export async function reportingGrantOf(db: Db, applicationId: string): Promise<ReportGrant | null> {
  const row = await db
    .selectFrom('grants')
    .select([
      'id',
      'application_id',
      'season_id',
      'reference',
      'amount_cents',
      'purpose',
      'status',
      'action_starts_on',
      'action_ends_on',
    ])
    .where('application_id', '=', applicationId)
    .where('status', 'in', REPORTING_STATUSES)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    applicationId: row.application_id,
    seasonId: row.season_id,
    reference: row.reference,
    amountCents: Number(row.amount_cents),
    purpose: row.purpose,
    status: row.status,
    actionStartsOn: toDay(row.action_starts_on),
    actionEndsOn: toDay(row.action_ends_on),
  };
}

/**
 * Creates the grant's report if it has none (lazily: when the grant's report page is first opened, by the
 * team or by staff, and by the daily reminder job for every reporting grant), due six months after the
 * action's end. Idempotent: the unique grant_id keeps one report per grant whoever creates it first.
 */
export async function ensureFinancialReport(
  db: Db,
  grant: { id: string; actionEndsOn: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('grant_financial_reports')
    .values({
      grant_id: grant.id,
      due_on: reportDueOn(grant.actionEndsOn),
      lines: '{"version":1,"lines":[]}',
      updated_at: now,
    })
    .onConflict((oc) => oc.column('grant_id').doNothing())
    .execute();
}

export async function reportOfGrant(db: Db, grantId: string): Promise<ReportRecord | null> {
  const row = await db
    .selectFrom('grant_financial_reports as r')
    .leftJoin('files as f', 'f.id', 'r.file_id')
    .select([
      'r.id',
      'r.grant_id',
      'r.status',
      'r.due_on',
      'r.lines',
      'r.file_id',
      'f.original_name',
      'r.comment',
      'r.submitted_at',
      'r.reviewed_at',
      'r.review_comment',
      'r.version',
    ])
    .where('r.grant_id', '=', grantId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    grantId: row.grant_id,
    status: row.status,
    dueOn: toDay(row.due_on),
    lines: parseStoredLines(row.lines),
    fileId: row.file_id,
    fileName: row.original_name,
    comment: row.comment,
    submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at) : null,
    reviewComment: row.review_comment,
    version: row.version,
  };
}

/** The grant's report, created first if the grant has none yet. */
export async function openReport(db: Kysely<DB>, grant: ReportGrant, now: Date): Promise<ReportRecord> {
  await ensureFinancialReport(db, grant, now);
  const report = await reportOfGrant(db, grant.id);
  if (!report) throw new Error(`financial report of grant ${grant.id} missing after creation`);
  return report;
}

/** Reports due on or before `today` and not approved: late (the timeline's and the dashboard's rule). */
export async function lateReports(
  db: Db,
  today: string,
): Promise<{ reportId: string; applicationId: string; reference: string; dueOn: string }[]> {
  const rows = await db
    .selectFrom('grant_financial_reports as r')
    .innerJoin('grants as g', 'g.id', 'r.grant_id')
    .select(['r.id', 'g.application_id', 'g.reference', 'r.due_on'])
    .where('r.due_on', '<', today)
    .where('r.status', '<>', 'approved')
    .where('g.status', 'in', REPORTING_STATUSES)
    .orderBy('r.due_on')
    .execute();
  return rows.map((r) => ({
    reportId: r.id,
    applicationId: r.application_id,
    reference: r.reference,
    dueOn: toDay(r.due_on),
  }));
}
