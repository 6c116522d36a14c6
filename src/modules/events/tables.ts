import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableText = ColumnType<string | null, string | null | undefined, string | null>;
type IdList = ColumnType<string[], string[] | undefined, string[]>;

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
