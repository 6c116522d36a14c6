import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableText = ColumnType<string | null, string | null | undefined, string | null>;
type IdList = ColumnType<string[], string[] | undefined, string[]>;

export type EventKind = 'in_person' | 'online' | 'hybrid';
export type RegistrationStatus = 'pending' | 'registered' | 'waiting' | 'offered' | 'cancelled' | 'expired';

/** One registration question: free text, or a choice among options. */
export interface EventQuestion {
  id: string;
  label: string;
  kind: 'text' | 'choice';
  options: string[];
}

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface EventsTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  kind: EventKind;
  place: Generated<string>;
  accessibility: Generated<string>;
  /** Given only to registered people (their page and mails), never on the public page or feeds. */
  online_link: NullableText;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** Null: unlimited. */
  capacity: ColumnType<number | null, number | null | undefined, number | null>;
  registration_opens_at: NullableTimestamp;
  registration_closes_at: NullableTimestamp;
  /** How long a place offered to the waiting list stays open. */
  offer_hours: Generated<number>;
  questions: Json<EventQuestion[]>;
  laureate_ids: IdList;
  commons_ids: IdList;
  published: Generated<boolean>;
  cancelled_at: NullableTimestamp;
  cancel_reason: NullableText;
  /** iCalendar SEQUENCE: incremented on each change people's calendars must take. */
  sequence: Generated<number>;
  report_attendance: ColumnType<number | null, number | null | undefined, number | null>;
  report_minutes: Generated<string>;
  report_published_at: NullableTimestamp;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventRegistrationsTable {
  id: Generated<string>;
  event_id: string;
  user_id: string | null;
  name: string;
  email: string;
  locale: Generated<string>;
  status: RegistrationStatus;
  answers: Json<Record<string, string>>;
  ip_hash: NullableText;
  waiting_since: NullableTimestamp;
  offer_expires_at: NullableTimestamp;
  attended: Generated<boolean>;
  created_at: Timestamp;
  confirmed_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  updated_at: Timestamp;
}

/** The secret links of a registration's mails: only their SHA-256 is kept. */
export interface EventRegistrationTokensTable {
  token_hash: string;
  registration_id: string;
  created_at: Timestamp;
}

/** Registration requests by email (hashed), for the hourly rate limit. */
export interface EventRegistrationRequestsTable {
  id: Generated<string>;
  email_hash: string;
  ip_hash: string;
  at: Timestamp;
}

export interface EventDocumentsTable {
  id: Generated<string>;
  event_id: string;
  file_id: string;
  title: string;
  added_by: string | null;
  added_at: Timestamp;
}

export interface EventsTables {
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
  event_registration_tokens: EventRegistrationTokensTable;
  event_registration_requests: EventRegistrationRequestsTable;
  event_documents: EventDocumentsTable;
}

// Adds the agenda's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends EventsTables {}
}

export type PartnerKind = 'administration' | 'association' | 'company' | 'foundation';

export interface PartnersTable {
  id: Generated<string>;
  name: string;
  kind: PartnerKind;
  description: Generated<string>;
  description_en: Generated<string>;
  website: NullableText;
  logo_file_id: NullableText;
  logo_alt: Generated<string>;
  /** The seasons the partner took part in; empty: every season. */
  season_ids: IdList;
  position: Generated<number>;
  published: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnersTables {
  partners: PartnersTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends PartnersTables {}
}
