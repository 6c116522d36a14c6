import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Module } from '../module.js';
import { coreManifest } from '../site.js';

/**
 * A migration file: `.ts` under tsx, `.js` once compiled (scripts/build.mjs mirrors src/ into dist/ file for
 * file). Its name without the extension is what the database records, so a data folder migrated by one runs
 * unchanged under the other.
 */
const MIGRATION_FILE = /^(\d{8}T\d{4}-.*)\.(ts|js)$/;

/**
 * Migrations live beside the code they serve: src/core/migrations and the folder each module's manifest
 * names (`Module.migrations`). Their file names start with a timestamp (20261123T0100-…), which is the one
 * global order. Returns each migration's name and file, without loading any.
 */
async function migrationFiles(folders: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const folder of folders) {
    // A folder a manifest names but that is missing is a mistake, not an empty list: readdir throws.
    for (const file of await readdir(folder)) {
      const match = MIGRATION_FILE.exec(file);
      if (!match || /\.test\.(ts|js)$/.test(file)) continue;
      if (files.has(match[1])) throw new Error(`Two migrations are named ${match[1]}`);
      files.set(match[1], join(folder, file));
    }
  }
  return files;
}

class ModuleMigrationProvider implements MigrationProvider {
  constructor(private readonly files: Map<string, string>) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const [name, path] of this.files) migrations[name] = (await import(pathToFileURL(path).href)) as Migration;
    return migrations;
  }
}

/**
 * Whether the database has run exactly the migrations on disk. A restart usually finds it so: answering
 * from one query spares the migrator's table checks, locks and loading every migration (about a second on
 * the embedded database). Any difference, even one Kysely would refuse, goes to the migrator as before.
 */
async function upToDate(db: Kysely<any>, files: Map<string, string>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return rows.length === files.size && rows.every((row) => files.has(row.name));
  } catch {
    return false; // no migration table yet: a new database
  }
}

/** Brings the schema of core and of the given modules (src/modules/index.ts) up to date. */
export async function migrateToLatest(db: Kysely<any>, modules: readonly Module[]): Promise<string[]> {
  const folders = [coreManifest, ...modules].flatMap((module) => (module.migrations ? [module.migrations] : []));
  const files = await migrationFiles(folders);
  if (await upToDate(db, files)) return [];
  // Modules are developed side by side, so a migration may land after one with a later timestamp has
  // already run somewhere. Each migration only touches its own module's tables (or ones named before it),
  // so running the newcomer late is safe; refusing it would stop the platform from starting.
  const migrator = new Migrator({ db, provider: new ModuleMigrationProvider(files), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
