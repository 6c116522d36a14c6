import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-app.js';
import type { Database } from '../../core/db/database.js';

describe('content tables', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('stores news with text arrays and a JSON press contact', async () => {
    const { db } = database;
    await db
      .insertInto('news')
      .values({
        slug: 'essai',
        title: 'Essai',
        published_at: new Date('2026-01-02T10:00:00Z'),
        categories: ['Communiqué de presse'],
        tags: ['a', 'b'],
        press_contact: JSON.stringify({ name: 'Ada' }),
      })
      .execute();
    const row = await db.selectFrom('news').selectAll().executeTakeFirstOrThrow();
    expect(row.categories).toEqual(['Communiqué de presse']);
    expect(row.tags).toEqual(['a', 'b']);
    expect(row.press_contact).toEqual({ name: 'Ada' });
    expect(row.status).toBe('draft');
  });
});
