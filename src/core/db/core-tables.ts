import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  /** null once the account is erased (and only then). */
  email: string | null;
  given_name: string | null;
  family_name: string | null;
  siret: string | null;
  proconnect_sub: string | null;
  locale: Generated<'fr' | 'en'>;
  created_at: DefaultTimestamp;
  last_sign_in_at: Timestamp | null;
  /** Set when the person erased their account: the row stays as a pseudonym for the records that point at it. */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
  track: Generated<string>;
  granted_by: string | null;
  granted_at: DefaultTimestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: JSONColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditAnchorsTable {
  /** The UTC day the head was published for, YYYY-MM-DD (one row a day). */
  day: string;
  seq: number | string;
  hash: string;
  published_at: Date;
}

export interface JobsTable {
  id: Generated<string>;
  name: string;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  state: Generated<'pending' | 'running' | 'done' | 'failed'>;
  run_at: DefaultTimestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Timestamp | null;
  last_error: string | null;
  singleton_key: string | null;
  created_at: DefaultTimestamp;
  finished_at: Timestamp | null;
}

export interface MailsTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  template: string;
  locale: string;
  status: Generated<'queued' | 'sent' | 'stored' | 'failed'>;
  error: string | null;
  created_at: DefaultTimestamp;
  sent_at: Timestamp | null;
  /** Small text attachments (an event's .ics): `MailAttachment[]` as JSON, or null. */
  attachments: ColumnType<unknown, string | null | undefined, string | null>;
}

/** 'content': a public site file; 'application': an applicant's; 'laureate': support or grant; 'cooperation': an experiment's; 'impact': evidence or a testimony's photo; 'events': an event's document or a partner's logo. */
export type FilePurpose = 'content' | 'application' | 'laureate' | 'cooperation' | 'impact' | 'events';

export interface FilesTable {
  id: Generated<string>;
  owner_id: string | null;
  original_name: string;
  content_type: string;
  size: number;
  sha256: string;
  /** The bytes when stored_in is 'database'; null when they are in FILES_DIR. */
  data: Buffer | null;
  stored_in: ColumnType<'database' | 'directory', 'database' | 'directory' | undefined, 'database' | 'directory'>;
  /** What the file was uploaded for: content files may become public, application files never through /fichiers. */
  purpose: FilePurpose;
  created_at: DefaultTimestamp;
}

export interface CoreTables {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  audit_anchors: AuditAnchorsTable;
  jobs: JobsTable;
  mails: MailsTable;
  files: FilesTable;
}
