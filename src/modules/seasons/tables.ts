import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint comes back as a string from pg; we always convert with Number (amounts stay < 2^53). */
type BigIntColumn = ColumnType<string | number | bigint, number | bigint, number | bigint>;

export interface SeasonsTable {
  id: Generated<string>;
  slug: string;
  number: number;
  name: string;
  name_en: string;
  summary: string;
  summary_en: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  eligible_kinds: string[];
  support_months: number;
  grant_envelope_cents: BigIntColumn;
  laureates_sought: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The create form's one-time key (a repeated submit finds the same season). */
  submission_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** When staff published it; null while it is a draft (not public, no applying). */
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SeasonTracksTable {
  id: Generated<string>;
  season_id: string;
  code: string;
  name: string;
  name_en: string;
  lead: string;
  position: number;
}

export interface SeasonCriteriaTable {
  id: Generated<string>;
  season_id: string;
  code: string;
  label: string;
  label_en: string;
  description: string;
  description_en: string;
  weight: number;
  position: number;
}

export interface LaureatesTable {
  id: Generated<string>;
  season_id: string;
  track_code: string;
  name: string;
  organisation: string;
  summary: string;
  summary_en: string;
  website: string;
  position: number;
  submission_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The decision's public reference when the laureate was published from the decisions; null when typed by hand. */
  application_ref: ColumnType<string | null, string | null | undefined, string | null>;
  /** The embargo: shown on the public pages from then on; null = always (the hand-typed history). */
  visible_from: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The support plan's public progress (0–100) when staff chose to show it; null otherwise. */
  progress_percent: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SeasonsTables {
  seasons: SeasonsTable;
  season_tracks: SeasonTracksTable;
  season_criteria: SeasonCriteriaTable;
  laureates: LaureatesTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends SeasonsTables {}
}
