import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

export type PanelStatus = 'setup' | 'recruiting' | 'closed';

/** A criterion the citizens judge (e.g. general interest, impact). */
export interface PanelCriterion {
  code: string;
  label: string;
  labelEn: string;
}

/**
 * A citizen panel drawn by lot. `ends_at` is when the panel's work ends; demographic answers are
 * deleted `retention_days` after it. `opinion_weight` is the weight (percent) of the panel's opinion
 * in the decision.
 */
export interface PanelsTable {
  id: Generated<string>;
  season_id: string | null;
  name: string;
  name_en: string;
  /** Shown to volunteers on the public page; empty when none. */
  description: Generated<string>;
  description_en: Generated<string>;
  size: number;
  status: PanelStatus;
  recruit_until: Timestamp;
  ends_at: Timestamp;
  retention_days: number;
  one_per_household: boolean;
  criteria: Json<PanelCriterion[]>;
  opinion_weight: number;
  created_at: Timestamp;
  created_by: string | null;
  /** Bumped by every edit of the panel or its quotas: a form carries it, a stale one is refused (409). */
  version: Generated<number>;
}

/** A quota on one value (feature) of one category: how many panel members may have it. */
export interface PanelQuotasTable {
  id: Generated<string>;
  panel_id: string;
  category: string;
  /** The category's question on the volunteers' form (the same on every row of the category). */
  category_label: Generated<string>;
  category_label_en: Generated<string>;
  feature: string;
  label: string;
  label_en: string;
  min: number;
  max: number;
  position: number;
}

/** A resident who volunteered: contact data, availability and consent (never their demographics). */
export interface PanelVolunteersTable {
  id: Generated<string>;
  panel_id: string;
  email: string;
  given_name: string;
  family_name: string;
  phone: string;
  availability: string;
  /** Hash of the normalised postal address, for one person per household; null when not asked. */
  household: string | null;
  locale: 'fr' | 'en';
  consent_at: Timestamp;
  /** Version label and SHA-256 of the exact consent text shown. */
  consent_version: string;
  consent_hash: string;
  /** SHA-256 of the sender's IP: the rate-limit counter, never the address itself. */
  ip_hash: string;
  submission_key: string | null;
  created_at: Timestamp;
}

/** The demographic answers, kept apart (own permission) and deleted after `delete_after`. */
export interface PanelDemographicsTable {
  volunteer_id: string;
  panel_id: string;
  /** category → feature. */
  answers: Json<Record<string, string>>;
  delete_after: Timestamp;
}

export interface AnalysisResult {
  n: number;
  k: number;
  minProbability: number;
  seconds: number;
  /** One per profile (combination of features): size and mean probability. */
  profiles: { features: string[]; count: number; probability: number }[];
}

export interface AnalysisError {
  kind: 'infeasible' | 'input' | 'failed';
  reasons: { fr: string; en: string }[];
  relaxation: { category: string; feature: string; min: number; max: number; relaxedMin: number; relaxedMax: number }[];
}

/** One selection-probability analysis, run as a job. */
export interface PanelAnalysesTable {
  id: Generated<string>;
  panel_id: string;
  algorithm: 'leximin' | 'legacy';
  state: 'pending' | 'done' | 'failed';
  result: Json<AnalysisResult | null>;
  error: Json<AnalysisError | null>;
  requested_at: Timestamp;
  requested_by: string | null;
  finished_at: NullableTimestamp;
  /** Set when the quotas or the size changed after the request: the staff page asks for a new run. */
  outdated_at: NullableTimestamp;
}

export interface PublishedFiles {
  'categories.csv': string;
  /** Absent once withdrawn at the panel's deletion date. */
  'pool.csv'?: string;
  'slots.json': string;
  'commitment.txt': string;
}

/**
 * A verifiable draw: the commitment (files published before the random value), then the public random
 * value with its witnesses, the slot and the selected pool row ids. `pool_volunteers` maps pool row ids
 * (published) to volunteers (never published). A replacement draw names the declined and the replacements.
 */
export interface PanelDrawsTable {
  id: Generated<string>;
  panel_id: string;
  kind: 'initial' | 'replacement';
  state: 'preparing' | 'committed' | 'drawn' | 'failed';
  commitment: string | null;
  files: Json<PublishedFiles | null>;
  pool_volunteers: Json<Record<string, string>>;
  random_value: string | null;
  witnesses: string | null;
  slot: number | null;
  selected: Json<string[]>;
  declined: Json<string[]>;
  error: Json<AnalysisError | null>;
  created_at: Timestamp;
  created_by: string | null;
  drawn_at: NullableTimestamp;
  /**
   * Set at the panel's deletion date, when pool.csv (pseudonyms with answers) leaves `files` and the
   * pseudonym map is emptied; `pool_size` keeps how many volunteers the pool held.
   */
  pool_withdrawn_at: NullableTimestamp;
  pool_size: number | null;
}

export type MemberStatus = 'invited' | 'accepted' | 'declined' | 'replaced';

/** A selected volunteer: invited by mail, accepts or declines; a decliner is replaced by a replacement draw. */
export interface PanelMembersTable {
  id: Generated<string>;
  panel_id: string;
  volunteer_id: string;
  draw_id: string;
  pool_id: string;
  status: MemberStatus;
  invite_token_hash: string;
  user_id: string | null;
  invited_at: Timestamp;
  responded_at: NullableTimestamp;
  replaced_by_draw: string | null;
  /** Copied onto each of the member's opinions, which keep it after an erasure. */
  opinion_ref: Generated<string>;
}

/** A panelist's opinion on one shortlisted application: a score per criterion and a comment. */
export interface PanelOpinionsTable {
  id: Generated<string>;
  panel_id: string;
  /** Null once the panelist erased their account: the scores stay, under `panelist_ref`. */
  member_id: string | null;
  /** The member's `opinion_ref`: tells one panelist's opinions apart without leading to the person. */
  panelist_ref: string;
  application_id: string;
  scores: Json<Record<string, number>>;
  comment: string;
  updated_at: Timestamp;
}

/** An application staff put before the panel. */
export interface PanelShortlistTable {
  panel_id: string;
  application_id: string;
  added_at: Timestamp;
  added_by: string | null;
}

/**
 * The citizen panel's tables (volunteers, their demographics kept apart, quotas, draws, members, opinions).
 * Filled in by the panel module's migrations; listed here so Kysely sees them.
 */
export interface PanelTables {
  panels: PanelsTable;
  panel_quotas: PanelQuotasTable;
  panel_volunteers: PanelVolunteersTable;
  panel_demographics: PanelDemographicsTable;
  panel_analyses: PanelAnalysesTable;
  panel_draws: PanelDrawsTable;
  panel_members: PanelMembersTable;
  panel_opinions: PanelOpinionsTable;
  panel_shortlist: PanelShortlistTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends PanelTables {}
}
