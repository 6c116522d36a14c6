import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar day, `YYYY-MM-DD`, read and written as text. */
type Day = ColumnType<string, string, string>;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;
/** Money in integer cents (bigint in the database, read as a number: core/db/database.ts). */
type Cents = ColumnType<number, number | bigint, number | bigint>;
type Json<T> = ColumnType<T, string, string>;
type Bytes = ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;

export type GrantStatus = 'draft' | 'committed' | 'signed' | 'suspended' | 'closed' | 'cancelled';
/** SCDL `nature`: aide en numéraire, aide en nature, or both. */
export type GrantNature = 'cash' | 'in_kind' | 'both';
/** SCDL `conditionsVersement`: unique, échelonné, or another text. */
export type PaymentTerms = 'unique' | 'staggered' | 'other';
/** What a tranche waits for before it is payable. */
export type TrancheCondition = 'none' | 'milestone' | 'report';
export type ProcedureKind = 'suspend' | 'reduce' | 'withdraw';
export type ProcedureStatus = 'open' | 'applied' | 'dropped';
export type ReportStatus = 'draft' | 'submitted' | 'approved' | 'returned';

/** A season's (and optionally a track's) budget for grants, from one paying body (the SCDL's attribuant). */
export interface GrantEnvelopesTable {
  id: Generated<string>;
  season_id: string;
  /** '' for every track of the season. */
  track_code: string;
  label: string;
  amount_cents: Cents;
  payer_name: string;
  payer_siret: string;
  budget_line: string;
  /** SCDL `dispositifAide`: the scheme's name. */
  scheme: string;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

/** A grant to one laureate, drawn on one envelope. Committed grants of an envelope never sum beyond it. */
export interface GrantsTable {
  id: Generated<string>;
  envelope_id: string;
  application_id: string;
  season_id: string;
  /** The decision's reference (SCDL `referenceDecision`), e.g. "AIC-S2-2023-04". */
  reference: string;
  amount_cents: Cents;
  /** SCDL `objet`, 256 characters at most. */
  purpose: string;
  nature: GrantNature;
  payment_terms: PaymentTerms;
  /** The text when payment_terms is 'other' (256 characters at most). */
  payment_terms_text: string;
  beneficiary_name: string;
  beneficiary_siret: string | null;
  beneficiary_rna: string | null;
  action_starts_on: Day;
  action_ends_on: Day;
  /** SCDL `pourcentageSubvention` in basis points (10000 = 100 %); null when unknown. */
  share_of_costs_bp: number | null;
  /** SCDL `notificationUE`. */
  eu_notified: Generated<boolean>;
  /** SCDL `idRAE`, when the aid is registered. */
  rae_id: string | null;
  status: ColumnType<GrantStatus, GrantStatus | undefined, GrantStatus>;
  committed_at: NullableTimestamp;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface GrantTranchesTable {
  id: Generated<string>;
  grant_id: string;
  position: number;
  amount_cents: Cents;
  planned_on: Day;
  condition: TrancheCondition;
  /** The support milestone that must be validated (condition 'milestone'). */
  milestone_id: string | null;
  /** A condition in words, shown to the team. */
  condition_text: string;
}

export interface GrantPaymentsTable {
  id: Generated<string>;
  grant_id: string;
  tranche_id: string | null;
  paid_on: Day;
  amount_cents: Cents;
  /** The accounting reference (mandat, virement). */
  reference: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

/** A change of a grant's amount, dates or tranches after it was committed, with its reasons (before and after kept). */
export interface GrantAmendmentsTable {
  id: Generated<string>;
  grant_id: string;
  kind: 'amount' | 'dates' | 'tranches';
  before: Json<unknown>;
  after: Json<unknown>;
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
}

/** The convention of a grant: generated from the season's template, then signed by both parties. */
export interface GrantConventionsTable {
  grant_id: string;
  generated_at: Timestamp;
  generated_by: string | null;
  pdf: Bytes;
  pdf_sha256: string;
  /** The signed document (a laureate file). */
  signed_file_id: string | null;
  signed_by_beneficiary_on: NullableDay;
  signed_by_payer_on: NullableDay;
  /** The date of the convention (SCDL `dateConvention`): the last signature. */
  signed_on: NullableDay;
  /** Published as open data (décret 2017-779: within three months of signature). */
  published_at: NullableTimestamp;
}

/** The season's convention template (clauses, in French and English). */
export interface GrantConventionTemplatesTable {
  season_id: string;
  locale: 'fr' | 'en';
  body: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/**
 * Suspending, reducing or withdrawing a grant: the reasons, the laureate given the chance to answer before
 * (French case law on withdrawing subsidies), then the decision.
 */
export interface GrantProceduresTable {
  id: Generated<string>;
  grant_id: string;
  kind: ProcedureKind;
  status: ColumnType<ProcedureStatus, ProcedureStatus | undefined, ProcedureStatus>;
  reasons: string;
  /** For a reduction: the new amount. */
  proposed_cents: ColumnType<number | null, number | bigint | null | undefined, number | bigint | null>;
  opened_at: Timestamp;
  opened_by: string | null;
  answer_due_on: Day;
  answer: Generated<string>;
  answered_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  decision_note: Generated<string>;
}

/** The compte rendu financier (CERFA 15059's content): the action's charges and income against the forecast. */
export interface GrantFinancialReportsTable {
  id: Generated<string>;
  grant_id: string;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  /** Six months after the action's end. */
  due_on: Day;
  /** See reports/report-lines.ts: lines with forecast and actual cents. */
  lines: Json<unknown>;
  /** A report uploaded instead of (or beside) the form. */
  file_id: string | null;
  comment: Generated<string>;
  submitted_at: NullableTimestamp;
  submitted_by: string | null;
  reviewed_at: NullableTimestamp;
  reviewed_by: string | null;
  review_comment: Generated<string>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface GrantRemindersSentTable {
  subject_id: string;
  kind: string;
  due_key: string;
  sent_at: Timestamp;
}

export interface GrantsTables {
  grant_envelopes: GrantEnvelopesTable;
  grants: GrantsTable;
  grant_tranches: GrantTranchesTable;
  grant_payments: GrantPaymentsTable;
  grant_amendments: GrantAmendmentsTable;
  grant_conventions: GrantConventionsTable;
  grant_convention_templates: GrantConventionTemplatesTable;
  grant_procedures: GrantProceduresTable;
  grant_financial_reports: GrantFinancialReportsTable;
  grant_reminders_sent: GrantRemindersSentTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends GrantsTables {}
}
