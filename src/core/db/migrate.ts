import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Module } from '../module.js';
import { coreManifest } from '../site.js';

/**
 * Migrations live beside the code they serve: src/core/migrations and the folder each module's manifest
 * names (`Module.migrations`). Their file names start with a timestamp (20261123T0100-…), which is the one
 * global order.
 */
class ModuleMigrationProvider implements MigrationProvider {
  constructor(private readonly folders: string[]) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const folder of this.folders) {
      // A folder a manifest names but that is missing is a mistake, not an empty list: readdir throws.
      for (const file of await readdir(folder)) {
        if (!/^\d{8}T\d{4}-.*\.ts$/.test(file) || file.endsWith('.test.ts')) continue;
        const name = file.replace(/\.ts$/, '');
        if (migrations[name]) throw new Error(`Two migrations are named ${name}`);
        migrations[name] = (await import(pathToFileURL(join(folder, file)).href)) as Migration;
      }
    }
    return migrations;
  }
}

/** Brings the schema of core and of the given modules (src/modules/index.ts) up to date. */
export async function migrateToLatest(db: Kysely<any>, modules: readonly Module[]): Promise<string[]> {
  const folders = [coreManifest, ...modules].flatMap((module) => (module.migrations ? [module.migrations] : []));
  // Modules are developed side by side, so a migration may land after one with a later timestamp has
  // already run somewhere. Each migration only touches its own module's tables (or ones named before it),
  // so running the newcomer late is safe; refusing it would stop the platform from starting.
  const migrator = new Migrator({ db, provider: new ModuleMigrationProvider(folders), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
