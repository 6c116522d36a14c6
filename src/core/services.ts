import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { PageCache } from './cache/page-cache.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Engine } from './db/database.js';
import type { DB } from './db/schema.js';
import type { JobHandler, JobWorker } from './jobs/worker.js';
import type { Module, PersonalDataPart } from './module.js';
import type { Site } from './site.js';

/** What use cases are given: built once per process and shared by every request. */
export interface Services {
  config: Config;
  db: Kysely<DB>;
  engine: Engine;
  clock: Clock;
  log: FastifyBaseLogger;
  pageCache: PageCache;
  jobHandlers: Map<string, JobHandler>;
  worker: JobWorker;
  /** The modules the app is built with (src/modules/index.ts, plus any a test adds), in their order. */
  modules: readonly Module[];
  /** Their contributions to the shared pages: menu, header, site map, dashboard. */
  site: Site;
  /** Each module's part of a person's data (modules that hold any). */
  personalData: PersonalDataPart[];
  /** Every route with the permission it names: the authorisation matrix test walks it. */
  routes: RouteEntry[];
}

/** A registered route as the authorisation tests see it (from its `config`). */
export interface RouteEntry {
  method: string;
  url: string;
  permission: string;
  allTracks: boolean;
  tracks?: 'one' | 'filtered' | 'none';
}
