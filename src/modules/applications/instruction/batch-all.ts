import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { listForStaff, type StaffFilters } from '../queries.js';

/** The most applications one "all results" batch acts on; a larger set is refused, to be narrowed. */
export const BATCH_ALL_MAX = 1_000;

export interface FilteredSelection {
  /** In list order (newest first), at most BATCH_ALL_MAX. */
  ids: string[];
  titles: string[];
  /** More than BATCH_ALL_MAX applications match. */
  tooMany: boolean;
}

/**
 * Every application the staff list shows for these filters (all its pages, the staff member's track
 * limits included): read page by page through the list's own query, so a batch acts on exactly
 * what the list shows.
 */
export async function selectFiltered(
  db: Kysely<DB>,
  filters: Omit<StaffFilters, 'after'>,
  max = BATCH_ALL_MAX,
): Promise<FilteredSelection> {
  const ids: string[] = [];
  const titles: string[] = [];
  let after: StaffFilters['after'];
  for (;;) {
    const { rows, next } = await listForStaff(db, { ...filters, after });
    for (const row of rows) {
      if (ids.length === max) return { ids, titles, tooMany: true };
      ids.push(row.id);
      titles.push(row.title);
    }
    if (!next) return { ids, titles, tooMany: false };
    after = next;
  }
}
