import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

/**
 * A season's review phase (as pretalx): while it runs, reviewers score what the phase lets them see.
 * `visibility` 'assigned' shows only assigned applications, 'all' every eligible one they do not conflict with.
 * `others_reviews`: when a reviewer may read the other reviews of an application.
 */
export interface ReviewPhasesTable {
  id: Generated<string>;
  season_id: string;
  name: string;
  name_en: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  visibility: 'assigned' | 'all';
  others_reviews: 'never' | 'after_own' | 'always';
  /** Blind review: applicants' names and organisations hidden from reviewers. */
  blind: boolean;
  /** Whether reviewers may still change their scores once the phase has ended. */
  editable_after_end: boolean;
  position: number;
  created_at: Timestamp;
}

/** A person on a season's jury (holds the `reviewer` role), with what the assignment engine needs. */
export interface JuryMembersTable {
  id: Generated<string>;
  season_id: string;
  user_id: string;
  /** Free text in French: used by the BM25 affinity against the applications' answers. */
  expertise: string;
  topics: string[];
  min_load: number;
  max_load: number;
  /** The SIREN (9 digits) of the reviewer's own organisation, declared by them; '' when none. */
  siren: Generated<string>;
  invited_at: Timestamp;
  invited_by: string | null;
  removed_at: NullableTimestamp;
}

/**
 * A pair that must never meet. `source`: 'declared' (the reviewer, with a reason), 'recusal' (the reviewer
 * steps back from an application), 'staff' (set by staff), or detected: 'organisation' (same SIREN),
 * 'email_domain' (same non-webmail domain), 'co_applicant'.
 */
export interface ReviewConflictsTable {
  id: Generated<string>;
  application_id: string;
  member_id: string;
  source: 'declared' | 'recusal' | 'staff' | 'organisation' | 'email_domain' | 'co_applicant';
  reason: string;
  created_at: Timestamp;
  created_by: string | null;
}

/** A reviewer's wish to review an application (feeds the affinity). */
export interface ReviewBidsTable {
  application_id: string;
  member_id: string;
  bid: 'eager' | 'willing' | 'not_willing' | 'conflict';
  updated_at: Timestamp;
}

/** One run of the assignment engine for a season, with its metrics; published_at set once staff publish it. */
export interface AssignmentRunsTable {
  id: Generated<string>;
  season_id: string;
  per_application: number;
  fair: boolean;
  total_affinity: number;
  min_application_affinity: number;
  optimal: boolean;
  seconds: number;
  created_at: Timestamp;
  created_by: string | null;
  published_at: NullableTimestamp;
  /** Order of the runs (bigint, read as a string): the latest run has the highest. */
  seq: Generated<string>;
}

/** A reviewer assigned to an application. `origin` 'manual' pairs are forced when the engine re-solves. */
export interface ReviewAssignmentsTable {
  id: Generated<string>;
  run_id: string;
  season_id: string;
  application_id: string;
  member_id: string;
  origin: 'engine' | 'manual';
  affinity: number;
  created_at: Timestamp;
}

/**
 * A jury member's review of one application (one per member and application). `assignment_id` is the
 * published pair it was last written on, null when the application was not assigned to them (a phase whose
 * visibility is 'all'). `scores` maps criterion code → level on the rubric, `comments` criterion code → text.
 * submitted_at null means a draft.
 */
export interface ReviewsTable {
  id: Generated<string>;
  member_id: string;
  application_id: string;
  assignment_id: string | null;
  phase_id: string | null;
  scores: Json<Record<string, number>>;
  comments: Json<Record<string, string>>;
  overall: string;
  opinion: 'strong_accept' | 'accept' | 'reject' | 'strong_reject' | null;
  /** 1 = low, 2 = medium, 3 = high. */
  confidence: number | null;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
}

export interface ReviewTables {
  review_phases: ReviewPhasesTable;
  jury_members: JuryMembersTable;
  review_conflicts: ReviewConflictsTable;
  review_bids: ReviewBidsTable;
  assignment_runs: AssignmentRunsTable;
  review_assignments: ReviewAssignmentsTable;
  reviews: ReviewsTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends ReviewTables {}
}
