import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-app.js';
import type { Database } from '../db/database.js';
import { auditedTransaction, canonicalJson, verifyAuditChain } from './audit.js';

let database: Database;
const actor = { id: null, label: 'test' };

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 1; i <= 5; i++) {
    await auditedTransaction(database.db, actor, new Date(`2026-01-0${i}T10:00:00Z`), (_trx, audit) =>
      audit({ action: 'thing.changed', subjectType: 'thing', subjectId: String(i), summary: { before: { n: i - 1 }, after: { n: i } } }),
    );
  }
});
afterAll(() => database.close());

/** Tampering needs the append-only trigger out of the way, as an attacker with DB access would do. */
async function tamper(statement: string): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await sql.raw('alter table audit_events disable trigger audit_events_no_change').execute(trx);
    await sql.raw(statement).execute(trx);
    await sql.raw('alter table audit_events enable trigger audit_events_no_change').execute(trx);
  });
}

describe('audit log', () => {
  it('is a valid chain after ordinary changes', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result).toEqual({ checked: 5, problems: [] });
  });

  it('refuses updates and deletes', async () => {
    await expect(sql`update audit_events set action = 'x' where seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('writes no event when the change rolls back', async () => {
    await expect(
      auditedTransaction(database.db, actor, new Date(), async (_trx, audit) => {
        await audit({ action: 'thing.changed', subjectType: 'thing' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect((await verifyAuditChain(database.db)).checked).toBe(5);
  });

  it('detects an altered summary', async () => {
    await tamper(`update audit_events set summary = '{"after":{"n":99}}' where seq = 3`);
    const { problems } = await verifyAuditChain(database.db);
    expect(problems).toContainEqual({ seq: 3, problem: expect.stringContaining('altered') });
  });

  it('detects a deleted event in the middle and at the end', async () => {
    await tamper('delete from audit_events where seq = 2');
    await tamper('delete from audit_events where seq = 5');
    const { problems } = await verifyAuditChain(database.db);
    const text = problems.map((p) => p.problem).join('\n');
    expect(text).toContain('events 2 to 2 are missing');
    expect(text).toContain('chain head records event 5');
  });

  it('hashes the same content the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
  });
});
