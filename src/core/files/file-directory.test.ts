import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-app.js';
import type { Database } from '../db/database.js';
import { bytesPath, moveFilesToDirectory, readFileBytes, SWEEP_FILES_JOB, sweepFilesJob, writeFileBytes } from './file-directory.js';
import { readStoredFile, storeFile } from './store-file.js';

let database: Database;
const dir = mkdtempSync(join(tmpdir(), 'acc-filedir-'));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('files directory', () => {
  it('names bytes only by a file id: anything else is refused before touching the disk', async () => {
    expect(bytesPath('/srv/files', '3f2c1a9e-0b4d-4c5e-8f6a-7b8c9d0e1f2a')).toBe('/srv/files/3f/3f2c1a9e-0b4d-4c5e-8f6a-7b8c9d0e1f2a');
    for (const hostile of ['../../etc/passwd', '3f2c1a9e-0b4d-4c5e-8f6a-7b8c9d0e1f2a/../x', '', 'CON']) {
      expect(() => bytesPath('/srv/files', hostile)).toThrow(/not a file id/);
      await expect(writeFileBytes(dir, hostile, Buffer.from('x'))).rejects.toThrow(/not a file id/);
    }
  });

  it('stores and reads back the bytes, and never writes one id twice', async () => {
    const stored = await storeFile(database.db, dir, { data: Buffer.from('%PDF-1.4\nbonjour\n%%EOF\n'), originalName: 'a.pdf' });
    expect((await readStoredFile(database.db, dir, stored.id))?.data.toString()).toContain('bonjour');
    expect((await readFileBytes(dir, stored.id))?.length).toBe(stored.size);
    await expect(writeFileBytes(dir, stored.id, Buffer.from('autre'))).rejects.toMatchObject({ code: 'EEXIST' });
    // A row that says "directory" read without FILES_DIR is an operating error, not a missing file.
    await expect(readStoredFile(database.db, undefined, stored.id)).rejects.toThrow(/FILES_DIR is not set/);
  });

  it('moves files kept in the database into the directory, checked, and replaces what an interrupted move left', async () => {
    const inDatabase = await Promise.all(
      ['un', 'deux', 'trois'].map((word) => storeFile(database.db, undefined, { data: Buffer.from(`%PDF-1.4\n${word}\n%%EOF\n`), originalName: `${word}.pdf` })),
    );
    // An earlier move cut short after writing some bytes: they must be replaced, not kept.
    await writeFileBytes(dir, inDatabase[1]!.id, Buffer.from('à moitié écrit'));
    expect(await moveFilesToDirectory(database.db, dir, 2)).toBe(3);
    for (const [i, word] of ['un', 'deux', 'trois'].entries()) {
      const row = await database.db.selectFrom('files').select(['data', 'stored_in']).where('id', '=', inDatabase[i]!.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ data: null, stored_in: 'directory' });
      expect((await readStoredFile(database.db, dir, inDatabase[i]!.id))?.data.toString()).toContain(word);
    }
    expect(await moveFilesToDirectory(database.db, dir)).toBe(0);
  });

  it('the hourly sweep schedules its next run once per hour, whatever the number of processes', async () => {
    const now = new Date('2026-11-23T10:20:00Z');
    const job = sweepFilesJob(database.db, dir, () => now);
    await job();
    await job();
    const jobs = await database.db.selectFrom('jobs').select(['run_at']).where('name', '=', SWEEP_FILES_JOB).execute();
    expect(jobs.map((j) => new Date(j.run_at).toISOString())).toEqual(['2026-11-23T11:00:00.000Z']);
  });
});
