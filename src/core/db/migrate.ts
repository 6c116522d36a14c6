import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Migrations live beside the code they serve: src/core/migrations and src/modules/<name>/migrations.
 * Their file names start with a timestamp (20261123T0100-…), which is the one global order.
 */
class ModuleMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const folders = [join(srcDir, 'core', 'migrations')];
    for (const entry of await readdir(join(srcDir, 'modules'), { withFileTypes: true })) {
      if (entry.isDirectory()) folders.push(join(srcDir, 'modules', entry.name, 'migrations'));
    }
    const migrations: Record<string, Migration> = {};
    for (const folder of folders) {
      let files: string[];
      try {
        files = await readdir(folder);
      } catch {
        continue;
      }
      for (const file of files) {
        if (!/^\d{8}T\d{4}-.*\.ts$/.test(file) || file.endsWith('.test.ts')) continue;
        const name = file.replace(/\.ts$/, '');
        if (migrations[name]) throw new Error(`Two migrations are named ${name}`);
        migrations[name] = (await import(pathToFileURL(join(folder, file)).href)) as Migration;
      }
    }
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Modules are developed side by side, so a migration may land after one with a later timestamp has
  // already run somewhere. Each migration only touches its own module's tables (or ones named before it),
  // so running the newcomer late is safe; refusing it would stop the platform from starting.
  const migrator = new Migrator({ db, provider: new ModuleMigrationProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
