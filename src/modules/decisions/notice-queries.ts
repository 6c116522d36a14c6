import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Locale } from '../../core/i18n/i18n.js';
import { type ApplicationForDecision, listApplicationsForDecision } from '../applications/index.js';
import { juryForDeliberation } from '../review/index.js';
import { seasonSummaries } from '../seasons/index.js';
import { type Deliberation, loadDeliberation } from './deliberation.js';
import { anonymiseComments } from './render-notice.js';
import type { Outcome } from './tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

const date = (value: Date | string | null) => (value ? new Date(value) : null);

export interface DecisionRow {
  applicationId: string;
  deliberationId: string;
  outcome: Outcome;
  waitlistPosition: number | null;
  reasonCodes: string[];
  reasonText: string;
  amountCents: number | null;
  notifiedAt: Date | null;
  confirmBy: Date | null;
  confirmedAt: Date | null;
  declinedAt: Date | null;
  lapsedAt: Date | null;
  placeOfferedTo: string | null;
}

const DECISION_COLUMNS = [
  'application_id',
  'deliberation_id',
  'outcome',
  'waitlist_position',
  'reason_codes',
  'reason_text',
  'amount_cents',
  'notified_at',
  'confirm_by',
  'confirmed_at',
  'declined_at',
  'lapsed_at',
  'place_offered_to',
] as const;

function toDecision(row: {
  application_id: string;
  deliberation_id: string;
  outcome: Outcome;
  waitlist_position: number | null;
  reason_codes: string[];
  reason_text: string;
  amount_cents: string | number | bigint | null;
  notified_at: Date | null;
  confirm_by: Date | null;
  confirmed_at: Date | null;
  declined_at: Date | null;
  lapsed_at: Date | null;
  place_offered_to: string | null;
}): DecisionRow {
  return {
    applicationId: row.application_id,
    deliberationId: row.deliberation_id,
    outcome: row.outcome,
    waitlistPosition: row.waitlist_position === null ? null : Number(row.waitlist_position),
    reasonCodes: row.reason_codes ?? [],
    reasonText: row.reason_text ?? '',
    amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
    notifiedAt: date(row.notified_at),
    confirmBy: date(row.confirm_by),
    confirmedAt: date(row.confirmed_at),
    declinedAt: date(row.declined_at),
    lapsedAt: date(row.lapsed_at),
    placeOfferedTo: row.place_offered_to,
  };
}

export async function decisionsOf(db: Db, deliberationId: string): Promise<DecisionRow[]> {
  const rows = await db
    .selectFrom('decisions')
    .select(DECISION_COLUMNS)
    .where('deliberation_id', '=', deliberationId)
    .orderBy('outcome')
    .orderBy('waitlist_position')
    .orderBy('application_id')
    .execute();
  return rows.map(toDecision);
}

export async function decisionOf(
  db: Db,
  applicationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<DecisionRow | null> {
  let query = db.selectFrom('decisions').select(DECISION_COLUMNS).where('application_id', '=', applicationId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toDecision(row) : null;
}

/** The season of the deliberation a decision belongs to. */
export async function seasonOfDeliberation(db: Db, deliberationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('deliberations')
    .select('season_id')
    .where('id', '=', deliberationId)
    .executeTakeFirst();
  return row?.season_id ?? null;
}

export interface NoticeRow {
  id: string;
  applicationId: string;
  kind: string;
  locale: Locale;
  status: 'draft' | 'sent';
  subject: string;
  body: string;
  edited: boolean;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  pdfSha256: string | null;
}

const NOTICE_COLUMNS = [
  'n.id',
  'n.application_id',
  'n.kind',
  'n.locale',
  'n.status',
  'n.subject',
  'n.body',
  'n.edited',
  'n.created_at',
  'n.updated_at',
  'n.sent_at',
  'n.pdf_sha256',
] as const;

function toNotice(row: {
  id: string;
  application_id: string;
  kind: string;
  locale: Locale;
  status: 'draft' | 'sent';
  subject: string;
  body: string;
  edited: boolean;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  pdf_sha256: string | null;
}): NoticeRow {
  return {
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind,
    locale: row.locale,
    status: row.status,
    subject: row.subject,
    body: row.body,
    edited: Boolean(row.edited),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    sentAt: date(row.sent_at),
    pdfSha256: row.pdf_sha256,
  };
}

/** The notices of a deliberation's decided applications (the outbox, drafts and sent). */
export async function noticesOf(db: Db, deliberationId: string): Promise<NoticeRow[]> {
  const rows = await db
    .selectFrom('decision_notices as n')
    .innerJoin('decisions as d', 'd.application_id', 'n.application_id')
    .select(NOTICE_COLUMNS)
    .where('d.deliberation_id', '=', deliberationId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  return rows.map(toNotice);
}

/** One notice of the deliberation, or null. */
export async function noticeOf(db: Db, deliberationId: string, noticeId: string): Promise<NoticeRow | null> {
  const row = await db
    .selectFrom('decision_notices as n')
    .innerJoin('decisions as d', 'd.application_id', 'n.application_id')
    .select(NOTICE_COLUMNS)
    .where('d.deliberation_id', '=', deliberationId)
    .where('n.id', '=', noticeId)
    .executeTakeFirst();
  return row ? toNotice(row) : null;
}

/** The notices sent to an application's applicants, oldest first (the applicant's view). */
export async function sentNoticesOf(db: Db, applicationId: string): Promise<NoticeRow[]> {
  const rows = await db
    .selectFrom('decision_notices as n')
    .select(NOTICE_COLUMNS)
    .where('n.application_id', '=', applicationId)
    .where('n.status', '=', 'sent')
    .orderBy('n.sent_at')
    .orderBy('n.id')
    .execute();
  return rows.map(toNotice);
}

/** A sent notice's PDF. */
export async function noticePdf(db: Db, noticeId: string): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('decision_notices')
    .select('pdf')
    .where('id', '=', noticeId)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return row?.pdf ?? null;
}

/**
 * What rendering a season's notices reads from the other modules: the applications, the season's name, the
 * criteria (reason labels) and the jury's comments per application, anonymised.
 */
export interface NoticeContext {
  deliberation: Deliberation;
  seasonName: Record<Locale, string>;
  applications: Map<string, ApplicationForDecision>;
  criteria: { code: string; label: string; labelEn: string }[];
  comments: Map<string, string[]>;
}

export async function loadNoticeContext(db: Db, seasonId: string): Promise<NoticeContext | null> {
  const deliberation = await loadDeliberation(db, seasonId);
  if (!deliberation) return null;
  // One after the other: inside a transaction the queries share one connection.
  const jury = await juryForDeliberation(db, seasonId);
  const applications = await listApplicationsForDecision(db, seasonId);
  const [season] = await seasonSummaries(db, [seasonId]);
  const names = (jury?.members ?? []).map((m) => m.name).filter((name) => name.trim() !== '');
  const comments = new Map<string, string[]>();
  for (const { application, comment } of jury?.comments ?? []) {
    const list = comments.get(application) ?? [];
    list.push(comment);
    comments.set(application, list);
  }
  for (const [application, list] of comments) comments.set(application, anonymiseComments(list, names));
  return {
    deliberation,
    seasonName: { fr: season?.name ?? '', en: season?.nameEn || season?.name || '' },
    applications: new Map(applications.map((a) => [a.id, a])),
    criteria: jury?.criteria ?? [],
    comments,
  };
}
