import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-app.js';
import type { Database } from '../db/database.js';
import { auditedTransaction, canonicalJson, chainQueuedAudit, recordAudit, verifyAuditChain } from './audit.js';

let database: Database;
const actor = { id: null, label: 'test' };

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 1; i <= 5; i++) {
    await auditedTransaction(database.db, actor, new Date(`2026-01-0${i}T10:00:00Z`), (_trx, audit) =>
      audit({
        action: 'thing.changed',
        subjectType: 'thing',
        subjectId: String(i),
        summary: { before: { n: i - 1 }, after: { n: i } },
      }),
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
    await expect(sql`update audit_events set action = 'x' where seq = 1`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
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
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });
});

describe('audit log under concurrent changes', () => {
  let fresh: Database;
  beforeAll(async () => {
    fresh = await createTestDatabase();
  });
  afterAll(() => fresh.close());

  const count = async (table: 'audit_events' | 'audit_queue') =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(fresh.db)).rows[0]!.n);

  it('chains every event of 60 parallel changes, in each change’s order, with no gap, before each change returns', async () => {
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        auditedTransaction(fresh.db, actor, new Date(), async (_trx, audit) => {
          await audit({ action: 'thing.first', subjectType: 'thing', subjectId: String(i) });
          await audit({ action: 'thing.second', subjectType: 'thing', subjectId: String(i), summary: { i } });
        }).then(async () => {
          // Returned: both events of this change are in the chain already.
          const rows = await fresh.db
            .selectFrom('audit_events')
            .select(['seq', 'action'])
            .where('subject_id', '=', String(i))
            .orderBy('seq')
            .execute();
          expect(rows.map((r) => r.action)).toEqual(['thing.first', 'thing.second']);
          seen.push(i);
        }),
      ),
    );
    expect(seen).toHaveLength(60);
    expect(await count('audit_queue')).toBe(0);
    expect(await verifyAuditChain(fresh.db)).toEqual({ checked: 120, problems: [] });
  });

  it('chains events left queued by a process that stopped after its commit, and refuses to change a queued event', async () => {
    await sql`insert into audit_queue (at, actor_id, actor_label, action, subject_type, subject_id, summary)
              values (now(), null, 'crashed', 'thing.orphan', 'thing', 'x', '{"b":2,"a":1}')`.execute(fresh.db);
    await expect(sql`update audit_queue set action = 'other'`.execute(fresh.db)).rejects.toThrow(/never changed/);
    expect(await count('audit_queue')).toBe(1);
    const result = await verifyAuditChain(fresh.db);
    expect(result).toEqual({ checked: 121, problems: [] });
    expect(await count('audit_queue')).toBe(0);
    const orphan = await fresh.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'thing.orphan')
      .executeTakeFirstOrThrow();
    expect(Number(orphan.seq)).toBe(121);
  });

  it('keeps one chain when direct appends and queued events interleave', async () => {
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        fresh.db
          .transaction()
          .execute((trx) =>
            recordAudit(trx, actor, new Date(), { action: 'thing.direct', subjectType: 'thing', subjectId: `d${i}` }),
          ),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        auditedTransaction(fresh.db, actor, new Date(), (_trx, audit) =>
          audit({ action: 'thing.queued', subjectType: 'thing', subjectId: `q${i}` }),
        ),
      ),
    ]);
    expect(await chainQueuedAudit(fresh.db)).toBe(0);
    expect(await verifyAuditChain(fresh.db)).toEqual({ checked: 141, problems: [] });
  });

  it('chains a change with more events than one chaining batch holds, in order', async () => {
    await auditedTransaction(fresh.db, actor, new Date(), async (_trx, audit) => {
      for (let i = 0; i < 1201; i++) await audit({ action: 'thing.bulk', subjectType: 'thing', subjectId: `b${i}` });
    });
    const bulk = await fresh.db
      .selectFrom('audit_events')
      .select(['seq', 'subject_id'])
      .where('action', '=', 'thing.bulk')
      .orderBy('seq')
      .execute();
    expect(bulk.map((r) => r.subject_id)).toEqual(Array.from({ length: 1201 }, (_, i) => `b${i}`));
    expect(await verifyAuditChain(fresh.db)).toEqual({ checked: 141 + 1201, problems: [] });
  });

  it('queues nothing when the change rolls back', async () => {
    await expect(
      auditedTransaction(fresh.db, actor, new Date(), async (_trx, audit) => {
        await audit({ action: 'thing.changed', subjectType: 'thing' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await count('audit_queue')).toBe(0);
    expect((await verifyAuditChain(fresh.db)).checked).toBe(141 + 1201);
  });
});
