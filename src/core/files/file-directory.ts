import { createHash } from 'node:crypto';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { isUuid } from '../ids.js';
import { enqueueAtNextPeriod } from '../jobs/queue.js';
import { writeDurably } from './durable-writer.js';

export { closeDurableWriter } from './durable-writer.js';

/**
 * Files' bytes in a directory (FILES_DIR) instead of the database: a 200 kB file written into a
 * `bytea` column costs PostgreSQL its TOAST rows and as many bytes of WAL, about 6 ms of server CPU
 * per incompressible file under the deadline rush against well under half of that here.
 *
 * Layout: <dir>/<first two hex digits of the id>/<id>. The name is the file's UUID, chosen by the
 * platform: nothing the sender typed ever reaches the filesystem. The bytes and the folder entry
 * are flushed to disk before the file's row is inserted, so a committed row always has its bytes.
 * The writing, flushing and hashing happen on one worker thread (durable-writer.ts), which flushes
 * each folder once per batch of files: the main thread only posts the bytes and gets the hash back.
 * Bytes without a row (a transaction rolled back, a write cut short, a file deleted) are removed by
 * `sweepFileDirectory`.
 */
/**
 * The platform refuses to start when uploaded files' rows say their bytes are in a folder and no folder is set
 * (FILES_DIR): every one of those files would otherwise answer a server error when someone downloads it. It
 * happens after a move from the embedded database (whose default folder is DATA_DIR/files) to a server.
 */
export class FilesDirMissingError extends Error {
  constructor() {
    super(
      [
        "Des fichiers déposés ont leurs octets dans un dossier, mais FILES_DIR n'est pas défini : ils ne pourraient pas",
        'être lus. Démarrez avec FILES_DIR=<le dossier qui les contient> (docs/operations.md, partie 3).',
        'Uploaded files keep their bytes in a folder, but FILES_DIR is not set: they could not be read.',
        'Start with FILES_DIR=<the folder that holds them> (docs/operations.md, section 3).',
      ].join('\n'),
    );
    this.name = 'FilesDirMissingError';
  }
}

/** Throws FilesDirMissingError when a file's bytes are in a folder but no folder is configured. */
export async function checkFilesDirConfigured(db: Kysely<DB>, filesDir: string | undefined): Promise<void> {
  if (filesDir) return;
  const inFolder = await db.selectFrom('files').select('id').where('stored_in', '=', 'directory').limit(1).execute();
  if (inFolder.length > 0) throw new FilesDirMissingError();
}

/** File names on disk are lower-case UUIDs, as randomUUID() gives them. */
const isFileId = (id: string): boolean => isUuid(id) && id === id.toLowerCase();

export function bytesPath(dir: string, id: string): string {
  if (!isFileId(id)) throw new Error(`not a file id: ${id}`);
  return join(dir, id.slice(0, 2), id);
}

/**
 * Writes the bytes durably under the file's id and resolves with their SHA-256 (hex); the row is
 * inserted only after this returns. A write cut short (a crash) leaves bytes that no row names,
 * which the sweep removes: no temporary name is needed. An id that exists already fails (EEXIST).
 */
export async function writeFileBytes(dir: string, id: string, data: Buffer): Promise<{ sha256: string }> {
  const path = bytesPath(dir, id);
  return writeDurably(path, join(dir, id.slice(0, 2)), data);
}

/** The bytes of a file stored in the directory, or undefined when they are missing. */
export async function readFileBytes(dir: string, id: string): Promise<Buffer | undefined> {
  try {
    return await readFile(bytesPath(dir, id));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes the bytes no row refers to any more (files deleted, uploads whose transaction rolled
 * back, temporary files of an interrupted write). Only entries older than `minAgeMs` are looked at,
 * so bytes written for a transaction still running are never taken. Returns how many were removed.
 */
export async function sweepFileDirectory(
  db: Kysely<DB>,
  dir: string,
  now: Date,
  minAgeMs = 60 * 60 * 1000,
): Promise<number> {
  let removed = 0;
  let folders: string[];
  try {
    folders = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && /^[0-9a-f]{2}$/.test(e.name))
      .map((e) => e.name);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return 0;
    throw error;
  }
  for (const folder of folders) {
    const candidates: { name: string; id: string }[] = [];
    for (const name of await readdir(join(dir, folder))) {
      const path = join(dir, folder, name);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile() || now.getTime() - info.mtimeMs < minAgeMs) continue;
      candidates.push({ name, id: name.slice(0, 36) });
    }
    const ids = [...new Set(candidates.map((c) => c.id).filter((id) => isFileId(id)))];
    const kept = new Set(
      ids.length === 0
        ? []
        : (
            await db
              .selectFrom('files')
              .select('id')
              .where('id', 'in', ids)
              .where('stored_in', '=', 'directory')
              .execute()
          ).map((r) => r.id),
    );
    for (const candidate of candidates) {
      // A file whose row exists stays; anything else goes.
      if (candidate.name === candidate.id && kept.has(candidate.id)) continue;
      await unlink(join(dir, folder, candidate.name)).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

export const SWEEP_FILES_JOB = 'files.sweep_directory';
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Enqueues the sweep due at the next hour (one per hour whatever the number of app processes). */
export async function scheduleFileSweep(db: Kysely<DB>, now: Date): Promise<void> {
  await enqueueAtNextPeriod(db, SWEEP_FILES_JOB, SWEEP_EVERY_MS, now);
}

/** The hourly sweep of the files directory: removes bytes no row refers to, then schedules the next one. */
export function sweepFilesJob(
  db: Kysely<DB>,
  dir: string,
  now: () => Date,
  log?: { info(obj: object, msg: string): void },
) {
  return async (): Promise<void> => {
    const removed = await sweepFileDirectory(db, dir, now());
    if (removed > 0) log?.info({ removed, dir }, 'files directory swept');
    await scheduleFileSweep(db, now());
  };
}

/**
 * Moves the bytes of files still kept in the database into the directory, a batch per transaction
 * (for a deployment that sets FILES_DIR after files were uploaded). Each file's bytes are checked
 * against its SHA-256, written and flushed, then its row is switched; a run cut short leaves rows
 * still in the database, whose half-written bytes the next run replaces. Returns how many moved.
 */
export async function moveFilesToDirectory(db: Kysely<DB>, dir: string, batchSize = 50): Promise<number> {
  let moved = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('files')
        .select(['id', 'data', 'sha256'])
        .where('stored_in', '=', 'database')
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        if (createHash('sha256').update(row.data!).digest('hex') !== row.sha256)
          throw new Error(`file ${row.id}: its bytes do not match its SHA-256, not moved`);
      }
      // Only an interrupted earlier move can have left bytes under the id of a row still in the database.
      await Promise.all(rows.map((row) => unlink(bytesPath(dir, row.id)).catch(() => undefined)));
      // Written together, the batch shares the folder flushes.
      await Promise.all(rows.map((row) => writeFileBytes(dir, row.id, Buffer.from(row.data!))));
      if (rows.length > 0) {
        await trx
          .updateTable('files')
          .set({ data: null, stored_in: 'directory' })
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
      }
      return rows.length;
    });
    moved += count;
    if (count < batchSize) return moved;
  }
}
