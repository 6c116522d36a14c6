import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-app.js';
import { auditedTransaction } from '../audit/audit.js';
import { enqueueJob } from '../jobs/queue.js';
import { queueMail } from '../mail/mailer.js';
import { registerMailTemplate } from '../mail/templates.js';
import type { Database } from './database.js';
import { WriteBatch } from './write-batch.js';

let database: Database;
const actor = { id: null, label: 'test' };
const at = new Date('2026-12-01T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const render = () => ({ subject: 'Sujet', text: 'texte', html: '<p>texte</p>' });
  registerMailTemplate('test.batch', { fr: render, en: render });
});
afterAll(() => database.close());

/** Counts the statements a function sends, by wrapping the database's executor. */
async function statementsSent(run: (db: Database['db']) => Promise<void>): Promise<number> {
  let count = 0;
  const counting = database.db.withPlugin({
    transformQuery: (args) => {
      count++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  await run(counting);
  return count;
}

describe('WriteBatch', () => {
  it('sends its writes in one statement; a write reads what an earlier one returned', async () => {
    const batch = new WriteBatch();
    const mail =
      batch.add(sql`insert into mails (to_address, subject, text_body, html_body, template, locale, created_at)
      values ('batch@example.org', 'Sujet', 'texte', '<p>texte</p>', 'test', 'fr', ${at}) returning id`);
    batch.add(
      sql`insert into jobs (name, payload, run_at) select 'batch.test', jsonb_build_object('mailId', ${mail}.id), ${at} from ${mail}`,
    );
    batch.add(database.db.insertInto('jobs').values({ name: 'batch.other', payload: '{}', run_at: at }));
    expect(await statementsSent((db) => batch.execute(db))).toBe(1);
    const mailRow = await database.db
      .selectFrom('mails')
      .select('id')
      .where('to_address', '=', 'batch@example.org')
      .executeTakeFirstOrThrow();
    const job = await database.db
      .selectFrom('jobs')
      .select('payload')
      .where('name', '=', 'batch.test')
      .executeTakeFirstOrThrow();
    expect((job.payload as { mailId: string }).mailId).toBe(mailRow.id);
    expect(await database.db.selectFrom('jobs').select('id').where('name', '=', 'batch.other').execute()).toHaveLength(
      1,
    );
    // Running an emptied batch sends nothing.
    expect(await statementsSent((db) => batch.execute(db))).toBe(0);
  });

  it('fails as a whole: a refused write leaves none of the others', async () => {
    const batch = new WriteBatch();
    batch.add(database.db.insertInto('jobs').values({ name: 'batch.refused', payload: '{}', run_at: at }));
    batch.add(sql`insert into jobs (name, payload, run_at) values (null, '{}', ${at})`);
    await expect(batch.execute(database.db)).rejects.toThrow();
    expect(
      await database.db.selectFrom('jobs').select('id').where('name', '=', 'batch.refused').execute(),
    ).toHaveLength(0);
  });
});

describe('auditedTransaction with writes at commit', () => {
  it('sends the change’s mails, jobs and audit events in one statement before COMMIT', async () => {
    const sent = await statementsSent((db) =>
      auditedTransaction(db, actor, at, async (_trx, audit, atCommit) => {
        await queueMail(atCommit, { to: 'commit@example.org', template: 'test.batch', locale: 'fr', data: {} }, at);
        await enqueueJob(
          atCommit,
          'batch.commit',
          { n: 1 },
          { runAt: at, singletonKey: 'batch.commit:1', maxAttempts: 2 },
        );
        await audit({ action: 'thing.one', subjectType: 'thing', subjectId: '1' });
        await audit({ action: 'thing.two', subjectType: 'thing', subjectId: '1' });
      }),
    );
    // The batch, then the chaining pass after COMMIT (take, append); plugins do not see begin and commit.
    expect(sent).toBe(1 + 2);
    const jobs = await database.db
      .selectFrom('jobs')
      .select(['max_attempts'])
      .where('name', '=', 'batch.commit')
      .execute();
    expect(jobs).toEqual([{ max_attempts: 2 }]);
    const mailJob = await database.db
      .selectFrom('mails')
      .innerJoin('jobs', (join) => join.on(sql`jobs.payload ->> 'mailId'`, '=', sql`mails.id::text`))
      .select(['jobs.name', 'jobs.max_attempts'])
      .where('mails.to_address', '=', 'commit@example.org')
      .executeTakeFirstOrThrow();
    expect(mailJob).toEqual({ name: 'mail.send', max_attempts: 5 });
    const events = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'thing.%')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['thing.one', 'thing.two']);
  });

  it('sends nothing of the batch when the change throws', async () => {
    await expect(
      auditedTransaction(database.db, actor, at, async (_trx, audit, atCommit) => {
        await enqueueJob(atCommit, 'batch.thrown', {}, { runAt: at });
        await audit({ action: 'thing.thrown', subjectType: 'thing' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await database.db.selectFrom('jobs').select('id').where('name', '=', 'batch.thrown').execute()).toHaveLength(
      0,
    );
    expect((await sql<{ n: number }>`select count(*)::int as n from audit_queue`.execute(database.db)).rows[0]?.n).toBe(
      0,
    );
    expect(
      await database.db.selectFrom('audit_events').select('seq').where('action', '=', 'thing.thrown').execute(),
    ).toHaveLength(0);
  });
});
