import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { modules } from '../modules/index.js';
import { scheduleAuditHeadPublication } from './audit/anchors.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { scheduleFileSweep } from './files/file-directory.js';
import type { Services } from './services.js';

/** Opens the configured database and brings its schema up to date. */
export async function openAndMigrate(config: Config, role = 'server'): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    preparedStatements: config.preparedStatements,
    role,
  });
  await migrateToLatest(database.db);
  return database;
}

/** Loads every module's demo content; each module skips what already exists. */
export async function loadDemo(services: Services): Promise<void> {
  for (const module of modules) await module.loadDemo?.(services);
}

/** Everything `npm start` does before listening; `notices` are the modules' lines to print once it listens. */
export async function boot(
  config: Config,
  clock: Clock = systemClock,
): Promise<{ app: FastifyInstance; database: Database; notices: string[] }> {
  const database = await openAndMigrate(config);
  const app = await buildApp({ config, database, clock });
  if (config.loadDemo) await loadDemo(app.services);
  const notices: string[] = [];
  for (const module of modules) notices.push(...((await module.onStart?.(app.services)) ?? []));
  if (config.runJobs) {
    // Bytes left in the files directory without a row are swept every hour by a job that reschedules itself.
    if (config.filesDir) await scheduleFileSweep(app.services.db, clock.now());
    // The audit chain's head is published every day (anchors.ts): one job a day whatever the processes.
    await scheduleAuditHeadPublication(app.services.db, clock.now());
    for (const module of modules) await module.schedule?.(app.services);
    app.services.worker.start();
  }
  app.addHook('onClose', () => database.close());
  return { app, database, notices };
}
