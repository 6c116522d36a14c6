import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** verified (active), inactive (verified but ceased), not_found, unavailable, not_configured, not_checked (no valid SIRET). */
export type StoredCheckStatus =
  | 'verified'
  | 'not_found'
  | 'inactive'
  | 'unavailable'
  | 'not_configured'
  | 'not_checked';

export interface ApplicationOrganisationChecksTable {
  application_id: string;
  checked_at: Timestamp;
  status: StoredCheckStatus;
  siret: string | null;
  rna: string | null;
  name: string | null;
  legal_form: string | null;
  active: boolean | null;
  is_association: boolean | null;
  /** The whole check (register answer and RNA mismatch) as JSON, read back to show it. */
  detail: ColumnType<unknown, string, string>;
}

// Added to the module's table interface from this file, so the stored check stays in its own files.
declare module '../tables.js' {
  interface ApplicationsTables {
    application_organisation_checks: ApplicationOrganisationChecksTable;
  }
}
