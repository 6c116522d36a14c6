import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ExpertOpinion = 'favourable' | 'reserved' | 'unfavourable';

export interface ApplicationExpertRequestsTable {
  id: Generated<string>;
  application_id: string;
  expert_email: string;
  question: string;
  /** The due day (YYYY-MM-DD); the link works until seven days after it. */
  due_on: ColumnType<string, string, string>;
  token_hash: string;
  /** The submitted version the expert is asked about, and reads, whatever is submitted later. */
  application_version: number;
  expires_at: Timestamp;
  requested_by: string | null;
  requested_at: Timestamp;
  opinion: ColumnType<ExpertOpinion | null, ExpertOpinion | null | undefined, ExpertOpinion | null>;
  comment: ColumnType<string, string | undefined, string>;
  saved_at: NullableTimestamp;
  submitted_at: NullableTimestamp;
}

// Added to the module's table interface from this file, so the expert feature stays in its own files.
declare module '../tables.js' {
  interface ApplicationsTables {
    application_expert_requests: ApplicationExpertRequestsTable;
  }
}
