import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/app.js';
import { loadDemo } from '../../src/core/boot.js';
import { systemClock } from '../../src/core/clock.js';
import { readConfig } from '../../src/core/config.js';
import { type Database, openDatabase } from '../../src/core/db/database.js';
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
  /**
   * The same with the demo programme loaded: loading it takes 5 to 8 s of CPU, and a quarter of the test files
   * (every browser test, the authorisation and fuzz walks) start from it. Loaded with the clock of the run's
   * start: the demo's dates are relative to "now", minutes apart from each file's own.
   */
  demoDatabase?: string;
  demoDumpFile?: string;
}

/** Loads the demo programme into an open, migrated database, through the app as `npm start` does. */
async function loadDemoInto(database: Database): Promise<void> {
  const app = await buildApp({
    // The demo's uploaded files keep their bytes in the template (filesDir unset), as every test database does:
    // a test app given a files folder reads its own files from it, never the template's.
    config: {
      ...readConfig({ PORT: '0', DATA_DIR: '/nonexistent' }),
      filesDir: undefined,
      loadDemo: true,
      runJobs: false,
    },
    database,
    clock: systemClock,
    logger: false,
    modules,
  });
  try {
    await loadDemo(app.services);
  } finally {
    await app.close();
  }
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
    const demoName = `${name}_demo`;
    const admin2 = new pg.Client({ connectionString: serverUrl });
    await admin2.connect();
    await admin2.query(`create database ${demoName} template ${name}`);
    await admin2.end();
    url.pathname = `/${demoName}`;
    const demo = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    await loadDemoInto(demo);
    await demo.close();
    return {
      template: { database: name, demoDatabase: demoName },
      remove: async () => {
        await dropDatabaseWhenIdle(serverUrl, demoName);
        await dropDatabaseWhenIdle(serverUrl, name);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'acc-template-'));
  const dumpFile = join(dir, 'migrated.tar');
  const demoDumpFile = join(dir, 'demo.tar');
  const database = await openDatabase({});
  await migrateToLatest(database.db, modules);
  writeFileSync(dumpFile, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await loadDemoInto(database);
  writeFileSync(demoDumpFile, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  return { template: { dumpFile, demoDumpFile }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}
