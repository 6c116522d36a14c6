import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { scheduleAuditHeadPublication } from './audit/anchors.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { scheduleEmbeddedUpkeep } from './db/maintenance.js';
import { migrateToLatest } from './db/migrate.js';
import { checkFilesDirConfigured, scheduleFileSweep } from './files/file-directory.js';
import type { Module } from './module.js';
import type { Services } from './services.js';

/** Opens the configured database and brings its schema (core's and the modules') up to date. */
export async function openAndMigrate(config: Config, modules: readonly Module[], role = 'server'): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    preparedStatements: config.preparedStatements,
    role,
  });
  await migrateToLatest(database.db, modules);
  return database;
}

/** Loads every module's demo content; each module skips what already exists. */
export async function loadDemo(services: Services): Promise<void> {
  for (const module of services.modules) await module.loadDemo?.(services);
}

/**
 * Everything `npm start` does before listening, with the modules it is given (src/modules/index.ts);
 * `notices` are the modules' lines to print once it listens.
 */
export async function boot(
  config: Config,
  modules: readonly Module[],
  clock: Clock = systemClock,
): Promise<{ app: FastifyInstance; database: Database; notices: string[] }> {
  const database = await openAndMigrate(config, modules);
  await checkFilesDirConfigured(database.db, config.filesDir).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const app = await buildApp({ config, database, clock, modules });
  if (config.loadDemo) await loadDemo(app.services);
  const notices: string[] = [];
  for (const module of modules) notices.push(...((await module.onStart?.(app.services)) ?? []));
  if (config.runJobs) {
    // Bytes left in the files directory without a row are swept every hour by a job that reschedules itself.
    if (config.filesDir) await scheduleFileSweep(app.services.db, clock.now());
    // The audit chain's head is published every day (anchors.ts): one job a day whatever the processes.
    await scheduleAuditHeadPublication(app.services.db, clock.now());
    // PGlite runs no autovacuum (db/maintenance.ts): one upkeep a night, never on the start-up path.
    if (database.engine === 'pglite') await scheduleEmbeddedUpkeep(app.services.db, clock.now());
    for (const module of modules) await module.schedule?.(app.services);
    app.services.worker.start();
  }
  app.addHook('onClose', () => database.close());
  return { app, database, notices };
}
