import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { milestonesByIds } from '../support/index.js';
import type {
  GrantNature,
  GrantProceduresTable,
  GrantStatus,
  PaymentTerms,
  ProcedureKind,
  ProcedureStatus,
  TrancheCondition,
} from './tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * A `date` column as YYYY-MM-DD. The database layer means to read days as text, but an embedded engine may
 * still hand back a Date at UTC midnight: both read the same here.
 */
export function dayOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

function dayOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : dayOf(value);
}

/** Above this amount a convention is mandatory (loi 2000-321 art. 10, décret 2001-495): 23,000 €. */
export const CONVENTION_THRESHOLD_CENTS = 2_300_000;

export interface Envelope {
  id: string;
  seasonId: string;
  trackCode: string;
  label: string;
  amountCents: number;
  payerName: string;
  payerSiret: string;
  budgetLine: string;
  scheme: string;
  version: number;
}

const envelopeColumns = [
  'id',
  'season_id',
  'track_code',
  'label',
  'amount_cents',
  'payer_name',
  'payer_siret',
  'budget_line',
  'scheme',
  'version',
] as const;

function toEnvelope(r: Pick<Selectable<DB['grant_envelopes']>, (typeof envelopeColumns)[number]>): Envelope {
  return {
    id: r.id,
    seasonId: r.season_id,
    trackCode: r.track_code,
    label: r.label,
    amountCents: Number(r.amount_cents),
    payerName: r.payer_name,
    payerSiret: r.payer_siret,
    budgetLine: r.budget_line,
    scheme: r.scheme,
    version: r.version,
  };
}

export async function envelopesOf(db: Db, filter: { seasonId?: string } = {}): Promise<Envelope[]> {
  let query = db.selectFrom('grant_envelopes').select([...envelopeColumns]);
  if (filter.seasonId) query = query.where('season_id', '=', filter.seasonId);
  return (await query.orderBy('label').orderBy('id').execute()).map(toEnvelope);
}

export async function envelopeById(db: Db, id: string): Promise<Envelope | null> {
  const row = await db
    .selectFrom('grant_envelopes')
    .select([...envelopeColumns])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toEnvelope(row) : null;
}

/** The envelopes a laureate's grant may draw on: its season's, of its track or of every track. */
export async function envelopesFor(db: Db, seasonId: string, trackCode: string): Promise<Envelope[]> {
  return (await envelopesOf(db, { seasonId })).filter((e) => e.trackCode === '' || e.trackCode === trackCode);
}

export interface Grant {
  id: string;
  envelopeId: string;
  applicationId: string;
  seasonId: string;
  reference: string;
  amountCents: number;
  purpose: string;
  nature: GrantNature;
  paymentTerms: PaymentTerms;
  paymentTermsText: string;
  beneficiaryName: string;
  beneficiarySiret: string | null;
  beneficiaryRna: string | null;
  actionStartsOn: string;
  actionEndsOn: string;
  shareOfCostsBp: number | null;
  euNotified: boolean;
  raeId: string | null;
  status: GrantStatus;
  committedAt: Date | null;
  version: number;
}

function toGrant(r: Selectable<DB['grants']>): Grant {
  return {
    id: r.id,
    envelopeId: r.envelope_id,
    applicationId: r.application_id,
    seasonId: r.season_id,
    reference: r.reference,
    amountCents: Number(r.amount_cents),
    purpose: r.purpose,
    nature: r.nature,
    paymentTerms: r.payment_terms,
    paymentTermsText: r.payment_terms_text,
    beneficiaryName: r.beneficiary_name,
    beneficiarySiret: r.beneficiary_siret,
    beneficiaryRna: r.beneficiary_rna,
    actionStartsOn: dayOf(r.action_starts_on),
    actionEndsOn: dayOf(r.action_ends_on),
    shareOfCostsBp: r.share_of_costs_bp,
    euNotified: r.eu_notified,
    raeId: r.rae_id,
    status: r.status,
    committedAt: r.committed_at ? new Date(r.committed_at) : null,
    version: r.version,
  };
}

/** A laureate's grant (the latest one: a cancelled grant leaves room for none other here). */
export async function grantOfApplication(db: Db, applicationId: string): Promise<Grant | null> {
  const row = await db
    .selectFrom('grants')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? toGrant(row) : null;
}

export async function grantById(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<Grant | null> {
  let query = db.selectFrom('grants').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toGrant(row) : null;
}

/** The grants of these applications, by application (the latest of each). */
export async function grantsOfApplications(db: Db, ids: readonly string[]): Promise<Map<string, Grant>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('grants')
    .selectAll()
    .where('application_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.application_id, toGrant(r)]));
}

export interface Tranche {
  id: string;
  position: number;
  amountCents: number;
  plannedOn: string;
  condition: TrancheCondition;
  milestoneId: string | null;
  conditionText: string;
  paidCents: number;
}

export async function tranchesOf(db: Db, grantId: string): Promise<Tranche[]> {
  const [rows, paid] = await Promise.all([
    db.selectFrom('grant_tranches').selectAll().where('grant_id', '=', grantId).orderBy('position').execute(),
    db
      .selectFrom('grant_payments')
      .select(['tranche_id', (eb) => eb.fn.sum<string>('amount_cents').as('paid')])
      .where('grant_id', '=', grantId)
      .groupBy('tranche_id')
      .execute(),
  ]);
  const paidBy = new Map(paid.map((p) => [p.tranche_id, Number(p.paid)]));
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    amountCents: Number(r.amount_cents),
    plannedOn: dayOf(r.planned_on),
    condition: r.condition,
    milestoneId: r.milestone_id,
    conditionText: r.condition_text,
    paidCents: paidBy.get(r.id) ?? 0,
  }));
}

export interface Payment {
  id: string;
  trancheId: string | null;
  paidOn: string;
  amountCents: number;
  reference: string;
  recordedAt: Date;
}

export async function paymentsOf(db: Db, grantId: string): Promise<Payment[]> {
  const rows = await db
    .selectFrom('grant_payments')
    .selectAll()
    .where('grant_id', '=', grantId)
    .orderBy('paid_on')
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trancheId: r.tranche_id,
    paidOn: dayOf(r.paid_on),
    amountCents: Number(r.amount_cents),
    reference: r.reference,
    recordedAt: new Date(r.recorded_at),
  }));
}

export interface Amendment {
  id: string;
  kind: 'amount' | 'dates' | 'tranches';
  before: unknown;
  after: unknown;
  reason: string;
  createdAt: Date;
}

const parsed = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

export async function amendmentsOf(db: Db, grantId: string): Promise<Amendment[]> {
  const rows = await db
    .selectFrom('grant_amendments')
    .selectAll()
    .where('grant_id', '=', grantId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    before: parsed(r.before),
    after: parsed(r.after),
    reason: r.reason,
    createdAt: new Date(r.created_at),
  }));
}

/** The convention's record, without its PDF bytes. `generated` is false for a signature recorded without one. */
export interface Convention {
  generated: boolean;
  generatedAt: Date;
  pdfSha256: string;
  signedFileId: string | null;
  signedByBeneficiaryOn: string | null;
  signedByPayerOn: string | null;
  signedOn: string | null;
}

export async function conventionOf(db: Db, grantId: string): Promise<Convention | null> {
  const row = await db
    .selectFrom('grant_conventions')
    .select([
      'generated_at',
      'pdf_sha256',
      'signed_file_id',
      'signed_by_beneficiary_on',
      'signed_by_payer_on',
      'signed_on',
    ])
    .where('grant_id', '=', grantId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    generated: row.pdf_sha256 !== '',
    generatedAt: new Date(row.generated_at),
    pdfSha256: row.pdf_sha256,
    signedFileId: row.signed_file_id,
    signedByBeneficiaryOn: dayOrNull(row.signed_by_beneficiary_on),
    signedByPayerOn: dayOrNull(row.signed_by_payer_on),
    signedOn: dayOrNull(row.signed_on),
  };
}

export async function conventionPdf(db: Db, grantId: string): Promise<Uint8Array | null> {
  const row = await db.selectFrom('grant_conventions').select('pdf').where('grant_id', '=', grantId).executeTakeFirst();
  return row?.pdf ?? null;
}

export interface Procedure {
  id: string;
  kind: ProcedureKind;
  status: ProcedureStatus;
  reasons: string;
  proposedCents: number | null;
  openedAt: Date;
  answerDueOn: string;
  answer: string;
  answeredAt: Date | null;
  decidedAt: Date | null;
  decisionNote: string;
}

function toProcedure(r: Selectable<GrantProceduresTable>): Procedure {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    reasons: r.reasons,
    proposedCents: r.proposed_cents === null ? null : Number(r.proposed_cents),
    openedAt: new Date(r.opened_at),
    answerDueOn: dayOf(r.answer_due_on),
    answer: r.answer,
    answeredAt: r.answered_at ? new Date(r.answered_at) : null,
    decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    decisionNote: r.decision_note,
  };
}

export async function proceduresOf(db: Db, grantId: string): Promise<Procedure[]> {
  const rows = await db
    .selectFrom('grant_procedures')
    .selectAll()
    .where('grant_id', '=', grantId)
    .orderBy('opened_at')
    .orderBy('id')
    .execute();
  return rows.map(toProcedure);
}

export async function openProcedureOf(
  db: Db,
  grantId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Procedure | null> {
  let query = db
    .selectFrom('grant_procedures')
    .selectAll()
    .where('grant_id', '=', grantId)
    .where('status', '=', 'open');
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toProcedure(row) : null;
}

/** Whether the grant's financial report was approved (a tranche may wait for it). */
export async function reportApproved(db: Db, grantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('grant_financial_reports')
    .select('status')
    .where('grant_id', '=', grantId)
    .executeTakeFirst();
  return row?.status === 'approved';
}

/** What a tranche still waits for before it may be paid (none: payable now). */
export type TrancheWait = 'none' | 'grant_status' | 'suspended' | 'convention' | 'milestone' | 'report' | 'paid';

export interface TrancheState extends Tranche {
  remainingCents: number;
  waitsFor: TrancheWait;
  milestoneTitle: string | null;
}

/** Grant statuses under which money may be paid. */
export const PAYING_STATUSES: readonly GrantStatus[] = ['committed', 'signed'];

/**
 * The tranches with what each waits for: a tranche is payable when the grant is committed or signed (not
 * suspended; signed when above 23,000 €, since the convention is then mandatory), its condition holds (the milestone validated, the financial report approved), and some of
 * it is left to pay.
 */
export async function trancheStates(db: Db, grant: Grant, tranches?: Tranche[]): Promise<TrancheState[]> {
  const list = tranches ?? (await tranchesOf(db, grant.id));
  const milestones = await milestonesByIds(
    db,
    list.flatMap((t) => (t.milestoneId ? [t.milestoneId] : [])),
  );
  const approved = list.some((t) => t.condition === 'report') ? await reportApproved(db, grant.id) : false;
  return list.map((t) => {
    const remainingCents = t.amountCents - t.paidCents;
    const milestone = t.milestoneId ? milestones.get(t.milestoneId) : undefined;
    let waitsFor: TrancheWait = 'none';
    if (remainingCents <= 0) waitsFor = 'paid';
    else if (grant.status === 'suspended') waitsFor = 'suspended';
    else if (!PAYING_STATUSES.includes(grant.status)) waitsFor = 'grant_status';
    // Above the threshold the convention is mandatory (loi 2000-321 art. 10): no money before it is signed.
    else if (grant.amountCents > CONVENTION_THRESHOLD_CENTS && grant.status !== 'signed') waitsFor = 'convention';
    else if (t.condition === 'milestone' && milestone?.state !== 'validated') waitsFor = 'milestone';
    else if (t.condition === 'report' && !approved) waitsFor = 'report';
    return { ...t, remainingCents, waitsFor, milestoneTitle: milestone?.title ?? null };
  });
}

export interface Template {
  fr: string | null;
  en: string | null;
}

export async function conventionTemplatesOf(db: Db, seasonId: string): Promise<Template> {
  const rows = await db
    .selectFrom('grant_convention_templates')
    .select(['locale', 'body'])
    .where('season_id', '=', seasonId)
    .execute();
  return {
    fr: rows.find((r) => r.locale === 'fr')?.body ?? null,
    en: rows.find((r) => r.locale === 'en')?.body ?? null,
  };
}
