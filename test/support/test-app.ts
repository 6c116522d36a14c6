import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadDemo } from '../../src/core/boot.js';
import { ManualClock } from '../../src/core/clock.js';
import { type Config, readConfig } from '../../src/core/config.js';
import { type Database, openDatabase } from '../../src/core/db/database.js';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import type { Module } from '../../src/core/module.js';
import { modules as registeredModules } from '../../src/modules/index.js';
import type { MigratedTemplate } from './migrated-template.js';
import { pooledDatabase } from './pglite-pool.js';
import { dropDatabaseWhenIdle } from './postgres.js';

/** The template the global set-up made, or undefined outside vitest (a benchmark, a script). */
function migratedTemplate(): MigratedTemplate | undefined {
  try {
    return inject('migratedTemplate');
  } catch {
    return undefined;
  }
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by DATABASE_URL (dropped again at the end).
 */
export async function createTestDatabase(
  modules: readonly Module[] = registeredModules,
  options: { demo?: boolean } = {},
): Promise<Database & { url?: string; demoLoaded?: boolean }> {
  const serverUrl = process.env.DATABASE_URL;
  // The run's migrated database to start from (test/support/migrated-template.ts); migrateToLatest then has
  // nothing left to do, or adds a test-only module's migrations. With `demo`, the one with the demo loaded,
  // when the run made it (not outside vitest): the caller loads the demo itself when `demoLoaded` is false.
  const template = migratedTemplate();
  const fromDemo = options.demo === true && (serverUrl ? template?.demoDatabase : template?.demoDumpFile) !== undefined;
  if (!serverUrl) {
    const file = fromDemo ? template?.demoDumpFile : template?.dumpFile;
    // The platform's own modules: an instance of the worker's pool, reset to the dump (pglite-pool.ts says why).
    // A test-only module's migrations change the schema, so that database opens on its own.
    if (file && modules === registeredModules) return { ...(await pooledDatabase(file)), demoLoaded: fromDemo };
    const dump = file ? new Blob([readFileSync(file)]) : undefined;
    const database = await openDatabase({ loadDataDir: dump });
    await migrateToLatest(database.db, modules);
    return { ...database, demoLoaded: fromDemo };
  }
  const name = `acc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const source = fromDemo ? template?.demoDatabase : template?.database;
  await admin.query(`create database ${name}${source ? ` template ${source}` : ''}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(database.db, modules);
  return {
    ...database,
    url: url.toString(),
    demoLoaded: fromDemo,
    close: async () => {
      await database.close();
      await dropDatabaseWhenIdle(serverUrl, name);
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
}

/** The whole platform on a fresh database, with a manual clock, no demo and no background worker. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: {
    logger?: FastifyServerOptions['logger'];
    /** The modules to build the app with: src/modules/index.ts's list unless a test adds its own. */
    modules?: readonly Module[];
    /** Start with the demo programme loaded (from the run's demo template when there is one). */
    demo?: boolean;
  } = {},
): Promise<TestApp> {
  const modules = options.modules ?? registeredModules;
  const database = await createTestDatabase(modules, { demo: options.demo });
  const clock = new ManualClock(new Date());
  const config: Config = {
    ...readConfig({ PORT: '0', DATA_DIR: '/nonexistent' }),
    databaseUrl: database.url,
    // The test's database is thrown away with the bytes in it; a test of the files folder sets one.
    filesDir: undefined,
    loadDemo: false,
    runJobs: false,
    ...overrides,
  };
  const app = await buildApp({ config, database, clock, logger: options.logger ?? false, modules });
  await app.ready();
  if (options.demo && !database.demoLoaded) await loadDemo(app.services);
  return {
    app,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * A new embedded data folder holding the run's migrated database (the template's dump unpacked as its
 * `pgdata`), for tests of what a process does with its folder (locks, restarts) rather than of the first
 * start: PGlite finds a cluster and skips initdb and the migrations, seconds of CPU each time. Outside
 * vitest (no template) the folder stays empty and the first opener creates the cluster as usual.
 */
export function seededDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dumpFile = migratedTemplate()?.dumpFile;
  if (dumpFile) {
    mkdirSync(join(dir, 'pgdata'));
    execFileSync('tar', ['-xf', dumpFile, '-C', join(dir, 'pgdata')], { stdio: 'ignore' });
  }
  return dir;
}
