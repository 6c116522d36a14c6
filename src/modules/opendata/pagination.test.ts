import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageAfter } from './pagination.js';

const uuid = fc.uuid().map((id) => id.toLowerCase());

/** Walks every page, running `between` (which may change the records) after each. */
function walk(records: { id: string }[], limit: number, between: (page: number) => void): string[] {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const result = pageAfter(records, after, limit);
    seen.push(...result.items.map((r) => r.id));
    if (!result.next) return seen;
    after = decodeCursor(result.next);
    between(page);
  }
  throw new Error('did not end');
}

describe('cursor pagination', () => {
  it('gives every record that stays throughout exactly once, whatever is added or removed between pages', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(uuid, { maxLength: 60 }),
        fc.integer({ min: 1, max: 15 }),
        fc.array(fc.tuple(fc.boolean(), uuid), { maxLength: 20 }),
        (ids, limit, changes) => {
          const records = ids.map((id) => ({ id }));
          const removed = new Set<string>();
          const seen = walk(records, limit, (page) => {
            const change = changes[page];
            if (!change) return;
            const [add, id] = change;
            if (add) records.push({ id });
            else if (records.length) removed.add(records.splice(0, 1)[0]!.id);
          });
          expect(new Set(seen).size).toBe(seen.length);
          for (const id of ids) if (!removed.has(id)) expect(seen).toContain(id);
        },
      ),
    );
  });

  it('reads back its own cursors and refuses any other text', () => {
    fc.assert(
      fc.property(uuid, (id) => {
        expect(decodeCursor(encodeCursor(id))).toBe(id);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const id = decodeCursor(text);
        if (id !== null) expect(encodeCursor(id)).toBe(text);
      }),
    );
    expect(decodeCursor(Buffer.from('v1:not-a-uuid').toString('base64url'))).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });
});
