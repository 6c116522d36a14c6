import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-app.js';
import type { Database } from '../db/database.js';
import {
  bytesPath,
  closeDurableWriter,
  moveFilesToDirectory,
  readFileBytes,
  SWEEP_FILES_JOB,
  sweepFilesJob,
  writeFileBytes,
} from './file-directory.js';
import { readStoredFile, storeFile } from './store-file.js';

let database: Database;
const dir = mkdtempSync(join(tmpdir(), 'acc-filedir-'));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  await closeDurableWriter();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** An id whose folder (its first two hex digits) is `prefix`. */
const idIn = (prefix: string) => `${prefix}${randomUUID().slice(2)}`;

describe('files directory', () => {
  it('names bytes only by a file id: anything else is refused before touching the disk', async () => {
    expect(bytesPath('/srv/files', '3f2c1a9e-0b4d-4c5e-8f6a-7b8c9d0e1f2a')).toBe(
      '/srv/files/3f/3f2c1a9e-0b4d-4c5e-8f6a-7b8c9d0e1f2a',
    );
    for (const hostile of ['../../etc/passwd', '3f2c1a9e-0b4d-4c5e-8f6a-7b8c9d0e1f2a/../x', '', 'CON']) {
      expect(() => bytesPath('/srv/files', hostile)).toThrow(/not a file id/);
      await expect(writeFileBytes(dir, hostile, Buffer.from('x'))).rejects.toThrow(/not a file id/);
    }
  });

  it('stores and reads back the bytes, and never writes one id twice', async () => {
    const stored = await storeFile(database.db, dir, {
      data: Buffer.from('%PDF-1.4\nbonjour\n%%EOF\n'),
      originalName: 'a.pdf',
      purpose: 'content',
    });
    expect((await readStoredFile(database.db, dir, stored.id))?.data.toString()).toContain('bonjour');
    expect((await readFileBytes(dir, stored.id))?.length).toBe(stored.size);
    await expect(writeFileBytes(dir, stored.id, Buffer.from('autre'))).rejects.toMatchObject({ code: 'EEXIST' });
    // A row that says "directory" read without FILES_DIR is an operating error, not a missing file.
    await expect(readStoredFile(database.db, undefined, stored.id)).rejects.toThrow(/FILES_DIR is not set/);
  });

  it('moves files kept in the database into the directory, checked, and replaces what an interrupted move left', async () => {
    const inDatabase = await Promise.all(
      ['un', 'deux', 'trois'].map((word) =>
        storeFile(database.db, undefined, {
          data: Buffer.from(`%PDF-1.4\n${word}\n%%EOF\n`),
          originalName: `${word}.pdf`,
          purpose: 'content',
        }),
      ),
    );
    // An earlier move cut short after writing some bytes: they must be replaced, not kept.
    await writeFileBytes(dir, inDatabase[1]!.id, Buffer.from('à moitié écrit'));
    expect(await moveFilesToDirectory(database.db, dir, 2)).toBe(3);
    for (const [i, word] of ['un', 'deux', 'trois'].entries()) {
      const row = await database.db
        .selectFrom('files')
        .select(['data', 'stored_in'])
        .where('id', '=', inDatabase[i]!.id)
        .executeTakeFirstOrThrow();
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

describe('the durable writer (a worker thread)', () => {
  it('writes many files at once, each with its bytes and their SHA-256, from empty to 1 MB', async () => {
    const target = mkdtempSync(join(tmpdir(), 'acc-durable-'));
    const sizes = [
      0,
      0,
      1,
      1_000_000,
      1_000_000,
      ...Array.from({ length: 195 }, () => Math.floor(Math.random() * 300_000)),
    ];
    const files = sizes.map((size) => ({ id: randomUUID(), data: randomBytes(size) }));
    const results = await Promise.all(files.map((f) => writeFileBytes(target, f.id, f.data)));
    for (const [i, f] of files.entries()) {
      expect(results[i]!.sha256).toBe(sha256(f.data));
      const path = bytesPath(target, f.id);
      expect(readFileSync(path).equals(f.data)).toBe(true);
      // Readable by the platform's user only.
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    rmSync(target, { recursive: true, force: true });
  });

  it('copies the bytes: the caller keeps its buffer, and a view of a larger buffer writes only its own bytes', async () => {
    const target = mkdtempSync(join(tmpdir(), 'acc-durable-'));
    const whole = randomBytes(10_000);
    const view = whole.subarray(1_000, 3_000);
    const id = randomUUID();
    expect(await writeFileBytes(target, id, view)).toEqual({ sha256: sha256(view) });
    expect(view.length).toBe(2_000);
    expect(whole.buffer.byteLength).toBeGreaterThanOrEqual(10_000);
    expect(readFileSync(bytesPath(target, id)).equals(view)).toBe(true);
    rmSync(target, { recursive: true, force: true });
  });

  it('never replaces a file: a second write to the same id fails with EEXIST and the first bytes stay', async () => {
    const target = mkdtempSync(join(tmpdir(), 'acc-durable-'));
    const id = randomUUID();
    const first = randomBytes(50_000);
    await writeFileBytes(target, id, first);
    await expect(writeFileBytes(target, id, randomBytes(10))).rejects.toMatchObject({
      code: 'EEXIST',
      syscall: 'open',
    });
    expect(readFileSync(bytesPath(target, id)).equals(first)).toBe(true);
    rmSync(target, { recursive: true, force: true });
  });

  it('refuses a hostile id before anything reaches the filesystem', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'acc-durable-'));
    const target = join(parent, 'not-created');
    for (const hostile of ['../x', 'abc', '../../etc/passwd', `${randomUUID()}/../x`, randomUUID().toUpperCase()]) {
      await expect(writeFileBytes(target, hostile, Buffer.from('x'))).rejects.toThrow(/not a file id/);
    }
    expect(existsSync(target)).toBe(false);
    rmSync(parent, { recursive: true, force: true });
  });

  it('fails only the file that cannot be written, not the others of its batch', async () => {
    const target = mkdtempSync(join(tmpdir(), 'acc-durable-'));
    // A regular file where the folder "ab" should be: nothing can be created in it.
    writeFileSync(join(target, 'ab'), 'not a folder');
    const good = Array.from({ length: 20 }, (_, i) => ({
      id: idIn(i % 2 ? 'cd' : 'ef'),
      data: randomBytes(1_000 * i),
    }));
    const bad = [idIn('ab'), idIn('ab')];
    const outcomes = await Promise.allSettled([
      writeFileBytes(target, bad[0]!, Buffer.from('x')),
      ...good.map((f) => writeFileBytes(target, f.id, f.data)),
      writeFileBytes(target, bad[1]!, Buffer.from('y')),
    ]);
    for (const outcome of [outcomes[0]!, outcomes.at(-1)!]) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({
        code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/),
      });
    }
    for (const [i, f] of good.entries()) {
      expect(outcomes[i + 1]).toEqual({ status: 'fulfilled', value: { sha256: sha256(f.data) } });
      expect(readFileSync(bytesPath(target, f.id)).equals(f.data)).toBe(true);
    }
    expect(readFileSync(join(target, 'ab'), 'utf8')).toBe('not a folder');
    rmSync(target, { recursive: true, force: true });
  });

  it('recreates a folder removed behind its back', async () => {
    const target = mkdtempSync(join(tmpdir(), 'acc-durable-'));
    await writeFileBytes(target, idIn('12'), Buffer.from('un'));
    rmSync(join(target, '12'), { recursive: true });
    const id = idIn('12');
    await writeFileBytes(target, id, Buffer.from('deux'));
    expect(readFileSync(bytesPath(target, id), 'utf8')).toBe('deux');
    rmSync(target, { recursive: true, force: true });
  });

  it('after closeDurableWriter, what was pending rejects and the next write starts a new thread', async () => {
    const target = mkdtempSync(join(tmpdir(), 'acc-durable-'));
    await closeDurableWriter();
    // Posted to a thread that is still starting (it loads for milliseconds), then stopped at once.
    const pending = Array.from({ length: 10 }, () =>
      writeFileBytes(target, randomUUID(), randomBytes(100_000)).then(
        () => 'written',
        (e: Error) => e.message,
      ),
    );
    await closeDurableWriter();
    for (const outcome of await Promise.all(pending)) expect(outcome).toMatch(/durable writer stopped/);
    await closeDurableWriter(); // nothing running: a no-op
    const id = randomUUID();
    expect(await writeFileBytes(target, id, Buffer.from('encore'))).toEqual({ sha256: sha256(Buffer.from('encore')) });
    expect(readFileSync(bytesPath(target, id), 'utf8')).toBe('encore');
    rmSync(target, { recursive: true, force: true });
  });

  it('whatever the sizes and the order, every write reads back identical, with its hash', async () => {
    const target = mkdtempSync(join(tmpdir(), 'acc-durable-'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4_096 }), fc.integer({ min: 4_097, max: 400_000 })),
          { minLength: 1, maxLength: 24 },
        ),
        fc.array(fc.nat(), { maxLength: 24 }),
        async (sizes, delays) => {
          const files = sizes.map((size, i) => ({
            id: randomUUID(),
            data: randomBytes(size),
            delay: (delays[i] ?? 0) % 3,
          }));
          // Some calls in this turn, others a turn or two later: batches of every shape.
          const results = await Promise.all(
            files.map(async (f) => {
              for (let i = 0; i < f.delay; i++) await new Promise((resolve) => setImmediate(resolve));
              return writeFileBytes(target, f.id, f.data);
            }),
          );
          for (const [i, f] of files.entries()) {
            expect(results[i]!.sha256).toBe(sha256(f.data));
            expect(readFileSync(bytesPath(target, f.id)).equals(f.data)).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
    rmSync(target, { recursive: true, force: true });
  });

  it('loads under tsx and does not keep a process alive once idle', () => {
    const target = mkdtempSync(join(tmpdir(), 'acc-durable-'));
    const id = randomUUID();
    const module = fileURLToPath(new URL('./file-directory.ts', import.meta.url));
    const script = `import { writeFileBytes } from ${JSON.stringify(module)};
      const { sha256 } = await writeFileBytes(${JSON.stringify(target)}, ${JSON.stringify(id)}, Buffer.from('tsx'));
      console.log(sha256);`;
    mkdirSync(join(target, 'script'));
    const scriptPath = join(target, 'script', 'write.mts');
    writeFileSync(scriptPath, script);
    const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    // Without the thread's unref the child would never exit: the timeout fails the test.
    const child = spawnSync(process.execPath, [tsx, scriptPath], { encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe(sha256(Buffer.from('tsx')));
    expect(readFileSync(bytesPath(target, id), 'utf8')).toBe('tsx');
    rmSync(target, { recursive: true, force: true });
  });
});
