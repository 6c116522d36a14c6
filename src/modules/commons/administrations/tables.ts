import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Why a person is no longer a member: they left, or staff removed them. */
export type DepartureReason = 'left' | 'removed';

/**
 * A person who left an administration or was removed from it (migration 20261208T0300): ProConnect's
 * automatic joining skips them; an invitation accepted or a member added by staff clears the row.
 */
export interface CommonsAdministrationDeparturesTable {
  administration_id: string;
  user_id: string;
  reason: DepartureReason;
  left_at: Timestamp;
}

export interface AdministrationsTables {
  commons_administration_departures: CommonsAdministrationDeparturesTable;
}

// Adds this part's table to the database type every query sees (core/db/schema.ts).
declare module '../../../core/db/schema.js' {
  interface DB extends AdministrationsTables {}
}
