import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar day, `YYYY-MM-DD` (Paris time), read and written as text. */
type Day = ColumnType<string, string, string>;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
type TextList = ColumnType<string[], string[] | undefined, string[]>;

/** The three needs the support answers (issue 14). */
export type Need = 'consolider' | 'integrer' | 'deployer';
export type PlanStatus = 'draft' | 'active' | 'finished';
/** Who is responsible for a lever's action. */
export type ResponsibleKind = 'staff' | 'mentor' | 'administration' | 'team';
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'dropped';
/** à venir, en cours, remis, validé, à revoir (Tahua's cycle: submitted → validated or returned → resubmitted). */
export type MilestoneState = 'upcoming' | 'in_progress' | 'submitted' | 'validated' | 'returned';
export type IntroductionStatus = 'requested' | 'introduced' | 'declined' | 'withdrawn';
export type IntroductionOutcome = 'meeting' | 'data_access' | 'partnership' | 'experiment' | 'no_follow_up';

/**
 * A confirmed laureate's support plan: the anchor of its laureate space. One per application; created by
 * staff (from a season's template or blank) once the laureate confirmed its place.
 */
export interface SupportPlansTable {
  id: Generated<string>;
  application_id: string;
  season_id: string;
  /** Copied from the application: staff limited to a track see that track's laureates. */
  track_code: string;
  status: ColumnType<PlanStatus, PlanStatus | undefined, PlanStatus>;
  starts_on: Day;
  ends_on: Day;
  /** Coaching hours allocated (in minutes, drawn down by sessions); null when hours are not counted. */
  allocated_minutes: number | null;
  /** Staff chose to show the plan's progress on the public laureate page. */
  progress_public: Generated<boolean>;
  /** Bumped by every change of the plan itself: a stale form is refused. */
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

/** A need the plan answers, with its goals. */
export interface SupportPlanNeedsTable {
  id: Generated<string>;
  plan_id: string;
  need: Need;
  goals: string;
  position: number;
}

/** An action on one of the eight levers (seasons' SUPPORT_LEVERS codes), with who is responsible. */
export interface SupportLeverActionsTable {
  id: Generated<string>;
  plan_id: string;
  lever: string;
  need: Need | null;
  action: string;
  responsible_kind: ResponsibleKind;
  /** A staff member or mentor with an account, when there is one. */
  responsible_user_id: string | null;
  /** The name shown (a mentor, a partner administration), kept even without an account. */
  responsible_name: string;
  status: ColumnType<ActionStatus, ActionStatus | undefined, ActionStatus>;
  position: number;
  updated_at: Timestamp;
}

/** A season's plan template: needs, lever actions and milestones (due dates as days after the plan's start). */
export interface SupportPlanTemplatesTable {
  id: Generated<string>;
  season_id: string;
  name: string;
  /** See plans/templates.ts for its shape. */
  content: Json<unknown>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface SupportMilestonesTable {
  id: Generated<string>;
  plan_id: string;
  title: string;
  description: string;
  due_on: Day;
  /** Its share of the plan's progress (progress = validated weight / total weight). */
  weight: number;
  state: ColumnType<MilestoneState, MilestoneState | undefined, MilestoneState>;
  /** Staff's comment when returning (or validating) the last submission. */
  review_comment: Generated<string>;
  reviewed_at: NullableTimestamp;
  reviewed_by: string | null;
  submitted_at: NullableTimestamp;
  validated_at: NullableTimestamp;
  position: number;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** What the team hands in for a milestone: a file (checked like every upload) or a link; one round per submission. */
export interface SupportDeliverablesTable {
  id: Generated<string>;
  milestone_id: string;
  /** 1 for the first submission, 2 after a first return… */
  round: number;
  kind: 'file' | 'link';
  file_id: string | null;
  url: string | null;
  note: string;
  submitted_by: string | null;
  submitted_at: Timestamp;
}

export interface SupportSessionsTable {
  id: Generated<string>;
  plan_id: string;
  held_at: Timestamp;
  duration_minutes: number;
  /** Drawn from the plan's allocated hours. */
  counts_hours: Generated<boolean>;
  topics: string;
  notes: string;
  /** Levers the session worked on. */
  levers: TextList;
  /** Staff's own note, never shown to the team (the notes above are shared). */
  staff_note: Generated<string>;
  /** Bumped by every edit: a stale form is refused. */
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SupportSessionParticipantsTable {
  session_id: string;
  position: number;
  user_id: string | null;
  name: string;
  /** 'team', 'staff', 'mentor', 'administration'. */
  side: string;
}

export interface SupportActionItemsTable {
  id: Generated<string>;
  plan_id: string;
  session_id: string | null;
  text: string;
  owner_name: string;
  owner_user_id: string | null;
  due_on: NullableDay;
  done_at: NullableTimestamp;
  created_at: Timestamp;
}

/** A message between the laureate's team and the staff, in the laureate space. */
export interface SupportMessagesTable {
  id: Generated<string>;
  plan_id: string;
  author_id: string | null;
  side: 'team' | 'staff';
  body: string;
  created_at: Timestamp;
}

/** A reminder or follow-up mail sent once per subject, kind and due date (jobs are retried: this keeps them single). */
export interface SupportRemindersSentTable {
  subject_id: string;
  kind: string;
  due_key: string;
  sent_at: Timestamp;
}

/** The staff's directory of administration contacts (staff only: personal data under a legal basis). */
export interface SupportContactsTable {
  id: Generated<string>;
  organisation: string;
  siret: string | null;
  /** The company register's answer when the SIRET was checked (applications' OrganisationCheck). */
  siret_check: ColumnType<unknown, string | null | undefined, string | null>;
  service: string;
  person_name: string;
  role: string;
  email: string;
  topics: TextList;
  levers: TextList;
  legal_basis: string;
  consent_note: string;
  archived_at: NullableTimestamp;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  /** Bumped by every save: a stale form is refused (migration 20261207T0400). */
  version: Generated<number>;
}

/** A team's request for an introduction, then the introduction staff made and its outcomes. */
export interface SupportIntroductionsTable {
  id: Generated<string>;
  plan_id: string;
  lever: string;
  /** What the team asked for ("we need access to X data"). */
  request: string;
  status: ColumnType<IntroductionStatus, IntroductionStatus | undefined, IntroductionStatus>;
  requested_by: string | null;
  requested_at: Timestamp;
  contact_id: string | null;
  introduced_by: string | null;
  introduced_at: NullableTimestamp;
  /** The mail sent to both sides, as sent. */
  mail_subject: Generated<string>;
  mail_body: Generated<string>;
  /** Why staff declined the request, or their note. */
  staff_note: Generated<string>;
  /** When the platform asks the team how it went (a job), then when it asked. */
  follow_up_at: NullableTimestamp;
  followed_up_at: NullableTimestamp;
  version: Generated<number>;
  /** When staff declined or the team withdrew the request (migration 20261207T0400). */
  closed_at: NullableTimestamp;
}

export interface SupportIntroductionOutcomesTable {
  id: Generated<string>;
  introduction_id: string;
  outcome: IntroductionOutcome;
  occurred_on: Day;
  note: string;
  recorded_by: string | null;
  recorded_side: 'team' | 'staff';
  recorded_at: Timestamp;
}

export interface SupportTables {
  support_plans: SupportPlansTable;
  support_plan_needs: SupportPlanNeedsTable;
  support_lever_actions: SupportLeverActionsTable;
  support_plan_templates: SupportPlanTemplatesTable;
  support_milestones: SupportMilestonesTable;
  support_deliverables: SupportDeliverablesTable;
  support_sessions: SupportSessionsTable;
  support_session_participants: SupportSessionParticipantsTable;
  support_action_items: SupportActionItemsTable;
  support_messages: SupportMessagesTable;
  support_reminders_sent: SupportRemindersSentTable;
  support_contacts: SupportContactsTable;
  support_introductions: SupportIntroductionsTable;
  support_introduction_outcomes: SupportIntroductionOutcomesTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends SupportTables {}
}
