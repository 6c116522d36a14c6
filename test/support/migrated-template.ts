import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/core/db/database.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { modules } from '../../src/modules/index.js';
import { dropDatabaseWhenIdle } from './postgres.js';

/**
 * Every test file opens a fresh database, and creating one and running the 80-odd migrations was a large
 * share of the suite's time (an embedded cluster's initdb alone takes seconds). The global set-up now
 * migrates one database per run: on a PostgreSQL server, a template that each test database is cloned from
 * (`create database … template …`); embedded, a dump of the migrated PGlite folder that each test database
 * is loaded from. Built from the migrations of this run, so it can never be stale; removed at the end.
 */
export interface MigratedTemplate {
  /** The PostgreSQL template database's name (with DATABASE_URL). */
  database?: string;
  /** The file holding the PGlite dump (without). */
  dumpFile?: string;
}

export async function createMigratedTemplate(): Promise<{ template: MigratedTemplate; remove(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `acc_template_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await migrateToLatest(database.db, modules);
    await database.close();
    return { template: { database: name }, remove: () => dropDatabaseWhenIdle(serverUrl, name) };
  }
  const database = await openDatabase({});
  await migrateToLatest(database.db, modules);
  const dump = await database.dumpDataDir!();
  await database.close();
  const dir = mkdtempSync(join(tmpdir(), 'acc-template-'));
  const dumpFile = join(dir, 'migrated.tar');
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  return { template: { dumpFile }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}
