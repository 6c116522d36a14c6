import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { boot } from '../src/core/boot.js';
import { readConfig } from '../src/core/config.js';
import { bytesPath, FilesDirMissingError } from '../src/core/files/file-directory.js';
import { modules } from '../src/modules/index.js';
import { runsEngineIndependentSuites } from './support/engine-independent.js';
import { childEnv } from './support/processes.js';

// What `npm start` does, on the embedded database in a data folder: first start migrates and loads the
// demo; a restart keeps every row and loads nothing twice. (On PostgreSQL the same path is covered by the
// multi-process test.)
const dataDir = mkdtempSync(join(tmpdir(), 'acc-boot-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function rowCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    if (['sessions', 'jobs', 'mails', 'audit_events', 'audit_head'].includes(table_name)) continue;
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(db);
    counts[table_name] = r.rows[0].n;
  }
  return counts;
}

describe.skipIf(!runsEngineIndependentSuites)('start-up on the embedded database', () => {
  it('migrates, loads the demo once, and keeps everything across a restart', async () => {
    const config = {
      ...readConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }),
      databaseUrl: undefined,
      runJobs: false,
    };
    const first = await boot(config, modules);
    const health = await first.app.inject('/healthz');
    expect(health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const before = await rowCounts(first.database.db);
    // The demo's uploaded files: bytes in DATA_DIR/files, the embedded default (decision 0009), none in the database.
    const files = await first.database.db.selectFrom('files').select(['id', 'stored_in', 'size']).execute();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.stored_in).toBe('directory');
      expect(statSync(bytesPath(join(dataDir, 'files'), file.id)).size).toBe(file.size);
    }
    await first.app.close();

    // Started again without a files folder (as after a move to a server with FILES_DIR forgotten), it refuses to
    // start rather than answer an error for every download, and lets the data folder go.
    await expect(boot({ ...config, filesDir: undefined }, modules)).rejects.toThrow(FilesDirMissingError);

    const second = await boot(config, modules);
    const after = await rowCounts(second.database.db);
    await second.app.close();
    expect(after).toEqual(before);
    expect(Object.keys(before)).toContain('users');
  }, 300_000);

  it('verifies the audit chain from the command line', () => {
    const cli = join(process.cwd(), 'bin', 'accelerateur.js');
    const run = spawnSync(process.execPath, [cli, 'audit', 'verify'], {
      env: childEnv({ DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' }),
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.stdout).toMatch(/audit log intact: \d+ events verified/);
    expect(run.status).toBe(0);
  }, 300_000);

  it('lists its commands and refuses an unknown one', () => {
    const cli = join(process.cwd(), 'bin', 'accelerateur.js');
    const run = spawnSync(process.execPath, [cli, 'no-such-command'], {
      encoding: 'utf8',
      timeout: 240_000,
      env: childEnv({ DATA_DIR: dataDir, DATABASE_URL: '' }),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('audit verify');
  }, 300_000);
});
