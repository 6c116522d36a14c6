import { isUuid } from '../../core/ids.js';
import type { Item } from './datasets/dataset.js';

/**
 * Cursor pagination over records keyed by their UUID: a page is the records whose id comes after the
 * cursor's, in id order. A record added or removed between two pages never shifts the others: walking
 * the pages gives every record that existed throughout exactly once. The cursor is opaque to clients
 * (base64url of a versioned text), so its form may change. Pure code.
 */

const PREFIX = 'v1:';

export function encodeCursor(lastId: string): string {
  return Buffer.from(`${PREFIX}${lastId}`, 'utf8').toString('base64url');
}

/** The id a cursor names, or null when it is not one this API gave. */
export function decodeCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const id = text.slice(PREFIX.length);
  return isUuid(id) ? id.toLowerCase() : null;
}

export interface Page<T> {
  items: T[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
}

/** The page of `limit` records after `afterId` (from the first without), in id order. */
export function pageAfter<T extends Item>(records: readonly T[], afterId: string | null, limit: number): Page<T> {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = afterId === null ? sorted : sorted.filter((r) => r.id > afterId);
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rest.length > limit && last ? encodeCursor(last.id) : null };
}
