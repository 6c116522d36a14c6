import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { withPreparedStatements } from './prepared-statements.js';
import type { DB } from './schema.js';

export type Engine = 'pglite' | 'postgresql';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** The connection string when on a PostgreSQL server (used for LISTEN/NOTIFY). */
  url?: string;
  /** The exclusive lock on the embedded database's folder (see data-dir-lock.ts). */
  lock?: DataDirLock;
  /** The embedded database's folder as a tar file (PGlite only): what the tests start each database from. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

const INT8 = 20;
/** A calendar day (`date`) is read as its text, YYYY-MM-DD, on both engines: never a Date at midnight in some time zone. */
const DATE = 1082;

/** How the embedded database reads bigints and days: as on the server (numbers, YYYY-MM-DD text). */
export const EMBEDDED_PARSERS = { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value };

/** What every embedded instance opens with (the tests' pool too: test/support/pglite-pool.ts). */
export const EMBEDDED_OPTIONS = { extensions: { unaccent }, parsers: EMBEDDED_PARSERS };

/**
 * Kysely on an open PGlite instance. `closeOnDestroy: false` leaves the instance open when Kysely is destroyed
 * (the tests' pool hands one instance to file after file: test/support/pglite-pool.ts).
 */
export function kyselyOnEmbedded(pglite: PGlite, options: { closeOnDestroy?: boolean } = {}): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PGliteDialect(pglite, options) });
}

export interface OpenOptions {
  /** postgres://… selects a PostgreSQL server. */
  databaseUrl?: string;
  /** Folder of the embedded database; undefined keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Prepares each repeated statement once per connection (default true; see prepared-statements.ts). */
  preparedStatements?: boolean;
  /** Who opens the data folder ("server", "cli admin grant"…), told to a process refused its lock. */
  role?: string;
  /**
   * An in-memory embedded database starts from this dump of a data folder (PGlite `dumpDataDir`) instead of an
   * empty cluster: the tests open every file's database from one already migrated (test/support/migrated-template.ts).
   */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    // The server's driver loads only when a server is used: the embedded default starts without it.
    const { default: pg } = await import('pg');
    // Counts come back as int8: read them as numbers on both engines.
    pg.types.setTypeParser(INT8, (value: string) => Number(value));
    pg.types.setTypeParser(DATE, (value: string) => value);
    const pgPool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const pool = options.preparedStatements === false ? pgPool : withPreparedStatements(pgPool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgresql', url: options.databaseUrl, close: () => db.destroy() };
  }
  let dataPath: string | undefined;
  let lock: DataDirLock | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    // Before PGlite reads the folder: a second process must never open it (data-dir-lock.ts says why).
    lock = await lockDataDir(options.dataDir, options.role ?? 'process');
    dataPath = join(options.dataDir, 'pgdata');
  }
  try {
    // One options object: `new PGlite(undefined, options)` (in memory) silently drops the options.
    // `unaccent` is PostgreSQL's contrib extension that staff search folds accents with (the `french_unaccent`
    // text search configuration, applications' migration 20261210T0300): PGlite loads its files only when
    // named here, at every open, since a data folder that has the extension needs them to read its dictionary.
    const pglite = new PGlite({
      dataDir: dataPath,
      ...EMBEDDED_OPTIONS,
      ...(options.loadDataDir && !dataPath ? { loadDataDir: options.loadDataDir } : {}),
    });
    await pglite.waitReady;
    const db = kyselyOnEmbedded(pglite);
    return {
      db,
      engine: 'pglite',
      lock,
      dumpDataDir: async () => pglite.dumpDataDir('none'),
      close: async () => {
        await db.destroy();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
