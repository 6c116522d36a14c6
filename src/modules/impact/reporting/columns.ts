import type { ColumnType } from 'kysely';

type SubmissionKey = ColumnType<string | null, string | null | undefined, string | null>;

// The columns the reporting part added (migration 20261209T0110): the one-time key of the creating form.
declare module '../tables.js' {
  interface ImpactIndicatorsTable {
    submission_key: SubmissionKey;
  }
  interface ImpactValuesTable {
    submission_key: SubmissionKey;
  }
  interface ImpactTestimoniesTable {
    submission_key: SubmissionKey;
  }
}
