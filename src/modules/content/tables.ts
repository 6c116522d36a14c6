import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type ContentStatus = 'draft' | 'published';

/** Press contact of a news item (every field optional). */
export interface PressContact {
  name?: string;
  organisation?: string;
  email?: string;
  phone?: string;
}

export interface PagesTable {
  id: Generated<string>;
  slug: string;
  title: string;
  title_en: string | null;
  body: Generated<string>;
  body_en: string | null;
  status: Generated<ContentStatus>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface NewsTable {
  id: Generated<string>;
  slug: string;
  title: string;
  title_en: string | null;
  chapeau: string | null;
  chapeau_en: string | null;
  body: Generated<string>;
  body_en: string | null;
  published_at: Timestamp;
  categories: TextArray;
  tags: TextArray;
  image_url: string | null;
  image_alt: string | null;
  /** Written as JSON.stringify(contact) or null. */
  press_contact: ColumnType<PressContact | null, string | null | undefined, string | null>;
  status: Generated<ContentStatus>;
  /** Importer key (legacy URL or file) and content hash, for idempotent re-imports. */
  source: string | null;
  source_hash: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface NewsAttachmentsTable {
  id: Generated<string>;
  news_id: string;
  label: string;
  /** A site path (/fichiers/<id>/<name>) or an external/legacy URL. */
  url: string;
  file_id: string | null;
  position: Generated<number>;
}

export interface ContentTables {
  pages: PagesTable;
  news: NewsTable;
  news_attachments: NewsAttachmentsTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends ContentTables {}
}
