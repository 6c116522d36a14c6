import type { ColumnType } from 'kysely';

/** A form's one-time key (core/http/submission-keys.ts), kept with the row it created; null for rows made otherwise. */
type SubmissionKey = ColumnType<string | null, string | null | undefined, string | null>;

/**
 * The columns this part added to the module's tables (migration 20261208T0500-contact-submission-keys), declared
 * here by merging into tables.ts's interfaces so that the shared file stays as the module's base wrote it.
 */
declare module '../tables.js' {
  interface CommonsContactsTable {
    submission_key: SubmissionKey;
  }
  interface CommonsContactMessagesTable {
    submission_key: SubmissionKey;
  }
}
