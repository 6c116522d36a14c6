import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar day, `YYYY-MM-DD` (Paris time), read and written as text. */
type Day = ColumnType<string, string, string>;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;
/**
 * `numeric`: the drivers read it as text (exact), so read models turn it into a number with `Number(…)`;
 * written as a number or its decimal text.
 */
/** The one-time key of the form that created the row (core/http/submission-keys.ts): a repeated send adds nothing. */
type SubmissionKey = ColumnType<string | null, string | null | undefined, string | null>;
type Figure = ColumnType<string | number, string | number, string | number>;
type NullableFigure = ColumnType<string | number | null, string | number | null | undefined, string | number | null>;

/** Which way is better: more (people reached) or less (tonnes of waste). */
export type IndicatorDirection = 'increase' | 'decrease';
/** Akvo RSR's cycle of a reported value: only `approved` values count and are public. */
export type ValueState = 'draft' | 'pending' | 'approved' | 'returned';

export interface ImpactIndicatorsTable {
  id: Generated<string>;
  /** The public laureate record (seasons' `laureates.id`). */
  laureate_id: string;
  name: string;
  name_en: Generated<string>;
  description: Generated<string>;
  unit: string;
  unit_en: Generated<string>;
  direction: IndicatorDirection;
  baseline_value: NullableFigure;
  baseline_date: NullableDay;
  /** The IRIS+ metric id (`PI4060`), when the indicator is one of the catalogue's. */
  iris_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The support lever the indicator follows (seasons' SUPPORT_LEVERS code), if any. */
  lever: ColumnType<string | null, string | null | undefined, string | null>;
  is_public: Generated<boolean>;
  position: Generated<number>;
  version: Generated<number>;
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: NullableTimestamp;
  submission_key: SubmissionKey;
}

export interface ImpactTargetsTable {
  id: Generated<string>;
  indicator_id: string;
  target_value: Figure;
  target_date: Day;
}

export interface ImpactValuesTable {
  id: Generated<string>;
  indicator_id: string;
  period_start: Day;
  period_end: Day;
  value: Figure;
  source: Generated<string>;
  comment: Generated<string>;
  file_id: ColumnType<string | null, string | null | undefined, string | null>;
  state: Generated<ValueState>;
  /** Why staff returned the value (required when returned), or their note on approval. */
  review_comment: Generated<string>;
  reported_by: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: NullableTimestamp;
  reviewed_by: ColumnType<string | null, string | null | undefined, string | null>;
  reviewed_at: NullableTimestamp;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  submission_key: SubmissionKey;
}

export interface ImpactTestimoniesTable {
  id: Generated<string>;
  laureate_id: string;
  quote: string;
  quote_en: Generated<string>;
  author_name: string;
  author_role: Generated<string>;
  /** When the author agreed to publication, and which text of the consent they agreed to. */
  consent_at: Timestamp;
  consent_version: number;
  consent_recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  photo_file_id: ColumnType<string | null, string | null | undefined, string | null>;
  photo_alt: Generated<string>;
  video_url: ColumnType<string | null, string | null | undefined, string | null>;
  lever: ColumnType<string | null, string | null | undefined, string | null>;
  /** Shown on the public pages from then on; null = not published. */
  published_at: NullableTimestamp;
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  submission_key: SubmissionKey;
}

export interface ImpactTables {
  impact_indicators: ImpactIndicatorsTable;
  impact_targets: ImpactTargetsTable;
  impact_values: ImpactValuesTable;
  impact_testimonies: ImpactTestimoniesTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends ImpactTables {}
}
