import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
type BigIntColumn = ColumnType<
  string | number | bigint | null,
  number | bigint | null | undefined,
  number | bigint | null
>;
type Bytes = ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;

export type DeliberationStatus = 'open' | 'closed';
export type Outcome = 'laureate' | 'waiting_list' | 'not_selected';

export interface DeliberationsTable {
  id: Generated<string>;
  season_id: string;
  status: ColumnType<DeliberationStatus, DeliberationStatus | undefined, DeliberationStatus>;
  /** Relative weights of the jury's and the panel's parts (percent). */
  jury_weight: number;
  panel_weight: number;
  /** Panel criterion code → weight. */
  panel_criteria_weights: Json<Record<string, number>>;
  held_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Bumped by every change: a stale form is refused. */
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: NullableTimestamp;
  closed_by: string | null;
  /** What the close froze: see freeze.ts (the transparency bundle and the minutes are made from it). */
  frozen: NullableJson<unknown>;
  minutes_pdf: Bytes;
  minutes_pdf_en: Bytes;
  minutes_sha256: string | null;
  minutes_sha256_en: string | null;
  /** Days a laureate has to confirm after their notice. */
  confirm_days: Generated<number>;
  /** Refusal notices quote the jury's comments, anonymised. */
  share_jury_comments: Generated<boolean>;
  /** The embargo: laureates appear on the public site from then. */
  publish_at: NullableTimestamp;
  published_at: NullableTimestamp;
  published_by: string | null;
}

export interface DeliberationWeightChangesTable {
  id: Generated<string>;
  deliberation_id: string;
  jury_weight: number;
  panel_weight: number;
  panel_criteria_weights: Json<Record<string, number>>;
  changed_at: Timestamp;
  changed_by: string | null;
}

export interface DeliberationAttendanceTable {
  deliberation_id: string;
  /** A jury member (review module). */
  member_id: string;
  present: boolean;
}

export interface DecisionsTable {
  application_id: string;
  deliberation_id: string;
  outcome: Outcome;
  /** 1 = first on the waiting list. */
  waitlist_position: number | null;
  reason_codes: ColumnType<string[], string[] | undefined, string[]>;
  reason_text: Generated<string>;
  /** The decision departs from the combined order (it then must say why). */
  departs_from_order: Generated<boolean>;
  amount_cents: BigIntColumn;
  /** The random public reference of the application in what is published (never its id). */
  public_ref: Generated<string>;
  public_summary: Generated<string>;
  public_summary_en: Generated<string>;
  decided_at: Timestamp;
  decided_by: string | null;
  notified_at: NullableTimestamp;
  confirm_by: NullableTimestamp;
  confirmed_at: NullableTimestamp;
  declined_at: NullableTimestamp;
  lapsed_at: NullableTimestamp;
  /** A declined or lapsed laureate's place, once offered: to the waiting-list application that got it. */
  place_offered_to: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DecisionNoticeTemplatesTable {
  season_id: string;
  /** An outcome, `offer` (a place freed from the waiting list) or an instruction state (`eligible`…). */
  kind: string;
  locale: 'fr' | 'en';
  subject: string;
  body: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface DecisionNoticesTable {
  id: Generated<string>;
  application_id: string;
  kind: string;
  locale: 'fr' | 'en';
  status: ColumnType<'draft' | 'sent', 'draft' | 'sent' | undefined, 'draft' | 'sent'>;
  subject: string;
  body: string;
  /** Staff changed this notice by hand: a template change no longer overwrites it. */
  edited: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: NullableTimestamp;
  sent_by: string | null;
  pdf_sha256: string | null;
  /** The PDF as sent (its SHA-256 in pdf_sha256). */
  pdf: Bytes;
}

/** A reminder to confirm a place, sent once per deadline and delay. */
export interface DecisionRemindersTable {
  application_id: string;
  confirm_by: Timestamp;
  days_before: number;
  sent_at: Timestamp;
}

export interface DecisionsTables {
  deliberations: DeliberationsTable;
  deliberation_weight_changes: DeliberationWeightChangesTable;
  deliberation_attendance: DeliberationAttendanceTable;
  decisions: DecisionsTable;
  decision_notice_templates: DecisionNoticeTemplatesTable;
  decision_notices: DecisionNoticesTable;
  decision_reminders: DecisionRemindersTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends DecisionsTables {}
}
