import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, type TestApp } from '../../../test/support/test-app.js';
import type { Database } from '../db/database.js';
import {
  formatPublishedHead,
  PUBLISH_AUDIT_HEAD_JOB,
  parsePublishedHead,
  publishAuditHead,
  publishAuditHeadJob,
} from './anchors.js';
import { auditedTransaction, verifyAuditChain } from './audit.js';

// The chain alone cannot tell a log cut at its end with its head moved back from a shorter log: what is
// left is a valid chain. A head published outside the database can.
const actor = { id: null, label: 'test' };
let database: Database;

async function change(n: number, at = new Date()): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await auditedTransaction(database.db, actor, at, (_trx, audit) =>
      audit({ action: 'thing.changed', subjectType: 'thing', subjectId: String(i) }),
    );
  }
}

/** What an attacker with database access does: removes the last events and moves the head back onto a valid one. */
async function cutChainAfter(seq: number): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await sql.raw('alter table audit_events disable trigger audit_events_no_change').execute(trx);
    await sql`delete from audit_events where seq > ${seq}`.execute(trx);
    await sql`update audit_head set seq = e.seq, hash = e.hash from audit_events e where audit_head.id = 1 and e.seq = ${seq}`.execute(
      trx,
    );
    await sql.raw('alter table audit_events enable trigger audit_events_no_change').execute(trx);
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('published audit heads', () => {
  it('reads back what it prints, and refuses anything else', () => {
    const head = { seq: 42, hash: 'ab'.repeat(32) };
    expect(parsePublishedHead(formatPublishedHead(head))).toEqual(head);
    for (const bad of ['', '42', `42:${'ab'.repeat(31)}`, `x:${'ab'.repeat(32)}`, `42:${'zz'.repeat(32)}`])
      expect(parsePublishedHead(bad)).toBeUndefined();
  });

  it('detects a chain cut at its end with the head moved back, from a published head, which the chain alone does not', async () => {
    await change(5);
    const published = await publishAuditHead(database.db, new Date('2026-12-01T00:00:00Z'));
    expect(published).toMatchObject({ seq: 5, day: '2026-12-01' });
    await change(3);
    expect(await verifyAuditChain(database.db, { publishedHeads: [published] })).toEqual({ checked: 8, problems: [] });

    // Cut two events and move the head back: the remaining chain is internally valid…
    const kept = {
      seq: 6,
      hash: (await database.db.selectFrom('audit_events').select('hash').where('seq', '=', 6).executeTakeFirstOrThrow())
        .hash,
    };
    const later = {
      seq: 8,
      hash: (await database.db.selectFrom('audit_events').select('hash').where('seq', '=', 8).executeTakeFirstOrThrow())
        .hash,
    };
    await cutChainAfter(6);
    const alone = await verifyAuditChain(database.db);
    expect(alone.problems).toEqual([]);
    // …but not against the head someone kept from the page.
    const { problems } = await verifyAuditChain(database.db, { publishedHeads: [later] });
    expect(problems).toEqual([
      { seq: 8, problem: expect.stringContaining('the log ends at 6 (events deleted at the end)') },
    ]);
    expect((await verifyAuditChain(database.db, { publishedHeads: [kept] })).problems).toEqual([]);
  });

  it('detects a chain cut before a head recorded in the database, and a head rewritten in place', async () => {
    const fresh = await createTestDatabase();
    try {
      for (let i = 0; i < 4; i += 1)
        await auditedTransaction(fresh.db, actor, new Date(), (_t, audit) => audit({ action: 'x', subjectType: 'x' }));
      await publishAuditHead(fresh.db, new Date('2026-12-02T00:00:00Z'));
      await fresh.db.transaction().execute(async (trx) => {
        await sql.raw('alter table audit_events disable trigger audit_events_no_change').execute(trx);
        await sql`delete from audit_events where seq > 2`.execute(trx);
        await sql`update audit_head set seq = e.seq, hash = e.hash from audit_events e where audit_head.id = 1 and e.seq = 2`.execute(
          trx,
        );
        await sql.raw('alter table audit_events enable trigger audit_events_no_change').execute(trx);
      });
      const { problems } = await verifyAuditChain(fresh.db);
      expect(problems.map((p) => p.problem).join('\n')).toContain('published on 2026-12-02) is missing');
      const rewritten = await verifyAuditChain(fresh.db, { publishedHeads: [{ seq: 2, hash: 'f'.repeat(64) }] });
      expect(rewritten.problems.map((p) => p.problem).join('\n')).toContain('does not have the hash of the head given');
    } finally {
      await fresh.close();
    }
  });

  it('publishes once a day: a second run the same day keeps the first head; the job schedules the next day', async () => {
    const fresh = await createTestDatabase();
    try {
      await auditedTransaction(fresh.db, actor, new Date(), (_t, audit) => audit({ action: 'x', subjectType: 'x' }));
      const first = await publishAuditHead(fresh.db, new Date('2026-12-03T00:00:01Z'));
      await auditedTransaction(fresh.db, actor, new Date(), (_t, audit) => audit({ action: 'x', subjectType: 'x' }));
      const again = await publishAuditHead(fresh.db, new Date('2026-12-03T12:00:00Z'));
      expect(again).toEqual(first);
      await expect(sql`delete from audit_anchors`.execute(fresh.db)).rejects.toThrow(/append-only/);
      const logged: object[] = [];
      await publishAuditHeadJob(fresh.db, () => new Date('2026-12-04T00:00:00Z'), {
        info: (obj) => logged.push(obj),
      })();
      expect(logged).toEqual([{ auditHead: expect.stringMatching(/^2:[0-9a-f]{64}$/), day: '2026-12-04' }]);
      const next = await fresh.db
        .selectFrom('jobs')
        .select(['name', 'run_at'])
        .where('name', '=', PUBLISH_AUDIT_HEAD_JOB)
        .execute();
      expect(next.map((j) => new Date(j.run_at).toISOString())).toEqual(['2026-12-05T00:00:00.000Z']);
    } finally {
      await fresh.close();
    }
  });
});

describe('the public page of published heads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists each day’s head, as a page and as JSON, to anyone', async () => {
    await auditedTransaction(t.database.db, actor, new Date(), (_t, audit) => audit({ action: 'x', subjectType: 'x' }));
    const anchor = await publishAuditHead(t.database.db, new Date('2026-12-05T00:00:00Z'));
    const page = await t.app.inject('/transparence/journal');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(formatPublishedHead(anchor));
    const json = await t.app.inject('/transparence/journal.json');
    expect(json.json()).toEqual([expect.objectContaining({ day: '2026-12-05', head: formatPublishedHead(anchor) })]);
    // Found from the site map, like the other public pages.
    expect((await t.app.inject('/plan-du-site')).body).toContain('href="/transparence/journal"');
  });
});
