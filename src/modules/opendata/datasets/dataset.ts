import type { TObject, TSchema } from '@sinclair/typebox';
import type { Message } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import type { CsvColumn } from '../../../core/spreadsheet/csv.js';

/** What every published record has: a public UUID, the key of the API's cursor. */
export interface Item {
  id: string;
}

/** A query-string filter of a collection: its schema (documented in the OpenAPI document) and its test. */
export interface Filter<T extends Item> {
  schema: TSchema;
  /** Whether the item passes the filter's value (the value the schema checked, as a string). */
  test(item: T, value: string): boolean;
}

/** A file published elsewhere that stands for one of the dataset's downloads, or adds one. */
export interface OtherDistribution {
  href: string;
  title: Message;
  /** The EU file-type authority's code (publications.europa.eu/resource/authority/file-type). */
  format: 'CSV' | 'JSON' | 'ICS';
  mediaType: string;
}

/**
 * One dataset of the open data: a collection of the API (/api/v1/<path>, /api/v1/<path>/{id}), its JSON and
 * CSV downloads (/donnees/<file>.json, .csv), its entry on /donnees and in the DCAT-AP catalogue. Every
 * dataset is one file of this folder listed in registry.ts; the routes, pages, catalogue and tests read the
 * registry. Methods (not arrow properties) so that a Dataset<Season> is a Dataset<Item>.
 */
export interface Dataset<T extends Item> {
  /** The API's path segment and OpenAPI tag: `seasons` → /api/v1/seasons. */
  path: string;
  /** The downloads' file name: `saisons` → /donnees/saisons.json. */
  file: string;
  title: Message;
  description: Message;
  keywords: { fr: string[]; en: string[] };
  /** The schema of one record, the response schema of the routes (fields outside it never leave). */
  schema: TObject;
  /** Filters on top of `limit` and `cursor` (and `updated_since` when the records have `updatedAt`). */
  filters: Record<string, Filter<T>>;
  /** Every public record, in any order (the API sorts them by id). */
  load(services: Services): Promise<T[]>;
  /** The record's last change (ISO 8601), for `updated_since` and the dataset's modification date. */
  updatedAt?(item: T): string;
  /** The dataset's last change when the records do not say it (`updatedAt` absent). */
  modified?(services: Services, items: readonly T[]): Promise<Date | null>;
  /** The CSV download's columns (labels, then cells: labels rather than codes); absent when `csv` points at a file published elsewhere. */
  columns?: CsvColumn<T>[];
  /** The CSV published by another module in a national schema, linked rather than duplicated. */
  csv?: OtherDistribution & { schemaUrl: string };
  /** More downloads published by other modules (another standard). */
  more?: OtherDistribution[];
  /** The schema the records follow, when a national one exists (else the OpenAPI document). */
  schemaUrl?: string;
}

/** A dataset of any record type (the registry's list). */
export type AnyDataset = Dataset<Item>;

export function defineDataset<T extends Item>(dataset: Dataset<T>): AnyDataset {
  return dataset as unknown as AnyDataset;
}
