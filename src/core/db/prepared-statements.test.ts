import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsEngineIndependentSuites } from '../../../test/support/engine-independent.js';
import { createScratchDatabase, findPostgresServer } from '../../../test/support/postgres.js';
import { type Database, openDatabase } from './database.js';

/** Prepared statements are a PostgreSQL-server matter (PGlite runs in process, without a pool). */
const serverUrl = await findPostgresServer();
if (!serverUrl)
  console.log(
    'prepared-statements test skipped: no PostgreSQL server answers (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)',
  );

type Any = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(!serverUrl || !runsEngineIndependentSuites)('prepared statements on a PostgreSQL server', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let database: Database;
  let plain: Database;

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!, 'acc_prepared');
    // One connection each, so every statement below runs on the connection whose statements are listed.
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 1 });
    plain = await openDatabase({ databaseUrl: scratch.url, poolSize: 1, preparedStatements: false });
    await sql`create table things (id int primary key, label text not null)`.execute(database.db);
    await sql`insert into things select g, 'chose ' || g from generate_series(1, 50) g`.execute(database.db);
  });

  afterAll(async () => {
    await database?.close();
    await plain?.close();
    await scratch?.drop();
  });

  const prepared = async (db: Any) =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map(
      (r) => r.statement,
    );

  it('prepares a parameterised statement from its second use and gives the same results', async () => {
    const db = database.db as Any;
    const byId = (id: number) =>
      db.selectFrom('things').select(['id', 'label']).where('id', '=', id).executeTakeFirst();
    expect(await byId(3)).toEqual({ id: 3, label: 'chose 3' });
    expect((await prepared(db)).some((s) => s.includes('"things"'))).toBe(false);
    expect(await byId(4)).toEqual({ id: 4, label: 'chose 4' });
    expect(await byId(5)).toEqual({ id: 5, label: 'chose 5' });
    expect((await prepared(db)).filter((s) => s.includes('from "things"'))).toHaveLength(1);
    // Inside a transaction too, and a missing row is still missing.
    await db.transaction().execute(async (trx) => {
      expect(
        await trx.selectFrom('things').select(['id', 'label']).where('id', '=', 999).executeTakeFirst(),
      ).toBeUndefined();
    });
  });

  it('never prepares statements without parameters nor texts used once', async () => {
    const db = database.db as Any;
    const before = (await prepared(db)).length;
    await sql`select count(*) from things`.execute(db);
    await sql`select count(*) from things`.execute(db);
    for (let n = 1; n <= 20; n++) {
      await db
        .selectFrom('things')
        .select('id')
        .where(
          'id',
          'in',
          Array.from({ length: n }, (_, i) => i + 1),
        )
        .execute();
    }
    expect((await prepared(db)).length).toBe(before);
  });

  it('recovers when a table it read changes shape: one refusal, then the new shape', async () => {
    const db = database.db as Any;
    const all = () => db.selectFrom('things').selectAll().where('id', '=', 1).executeTakeFirst();
    await all();
    await all();
    await sql`alter table things add column note text`.execute(plain.db);
    await expect(all()).rejects.toMatchObject({ code: '0A000' });
    expect(await all()).toEqual({ id: 1, label: 'chose 1', note: null });
    expect(await all()).toEqual({ id: 1, label: 'chose 1', note: null });
  });

  it('can be turned off', async () => {
    const db = plain.db as Any;
    for (let i = 0; i < 3; i++) await db.selectFrom('things').select('label').where('id', '=', 7).executeTakeFirst();
    expect(await prepared(db)).toEqual([]);
  });
});
