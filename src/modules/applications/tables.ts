import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read as parsed JSON, written as a JSON string (or a value the driver serialises). */
type Json<T> = ColumnType<T, string, string>;

/** A version of a season's application form (written by the forms use cases, never updated in place). */
export interface ApplicationFormsTable {
  id: Generated<string>;
  season_id: string;
  version: number;
  definition: Json<unknown>;
  created_at: Timestamp;
  created_by: string | null;
}

export interface ApplicationsTable {
  id: Generated<string>;
  season_id: string;
  track_code: string;
  form_id: string;
  owner_id: string;
  applicant_kind: string;
  title: string;
  state: string;
  draft_answers: Json<Record<string, unknown>>;
  draft_saved_at: NullableTimestamp;
  submitted_at: NullableTimestamp;
  current_version: ColumnType<number, number | undefined, number>;
  territory: ColumnType<string, string | undefined, string>;
  reminder_sent_at: NullableTimestamp;
  /** Maintained by the database from title and draft answers (French configuration). */
  search: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationVersionsTable {
  application_id: string;
  version: number;
  form_id: string;
  answers: Json<Record<string, unknown>>;
  answers_sha256: string;
  submitted_at: Timestamp;
  submitted_by: string;
  idempotency_key: string | null;
}

export interface ApplicationMembersTable {
  application_id: string;
  email: string;
  user_id: string | null;
  role: 'owner' | 'co-applicant';
  invited_at: Timestamp;
  accepted_at: NullableTimestamp;
}

export interface ApplicationTransitionsTable {
  id: Generated<string>;
  application_id: string;
  from_state: string;
  to_state: string;
  reason: string;
  at: Timestamp;
  actor_id: string | null;
}

export interface ApplicationPendingDraftsTable {
  token_hash: string;
  application_id: string;
  answers: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export type FileScanStatus = 'pending' | 'clean' | 'infected' | 'not_scanned' | 'error';

export interface ApplicationFilesTable {
  file_id: string;
  application_id: string;
  question_path: string;
  uploaded_by: string | null;
  scan_status: FileScanStatus;
  scan_detail: Generated<string>;
  scanned_at: NullableTimestamp;
  removed_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface ApplicationMessagesTable {
  id: Generated<string>;
  application_id: string;
  author_id: string | null;
  from_staff: boolean;
  body: string;
  at: Timestamp;
}

export interface ApplicationNotesTable {
  id: Generated<string>;
  application_id: string;
  author_id: string | null;
  body: string;
  at: Timestamp;
}

/** Whether a staff move into an instruction state notifies the applicants (no row: it does). */
export interface ApplicationStateNoticeSettingsTable {
  season_id: string;
  state: 'eligible' | 'ineligible' | 'in_review';
  enabled: boolean;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ApplicationsTables {
  application_state_notice_settings: ApplicationStateNoticeSettingsTable;
  application_messages: ApplicationMessagesTable;
  application_notes: ApplicationNotesTable;
  application_files: ApplicationFilesTable;
  application_pending_drafts: ApplicationPendingDraftsTable;
  application_forms: ApplicationFormsTable;
  applications: ApplicationsTable;
  application_versions: ApplicationVersionsTable;
  application_members: ApplicationMembersTable;
  application_transitions: ApplicationTransitionsTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends ApplicationsTables {}
}
