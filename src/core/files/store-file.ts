import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { FilePurpose } from '../db/core-tables.js';
import type { DB } from '../db/schema.js';
import { formatNumber, type Locale } from '../i18n/i18n.js';
import { isUuid } from '../ids.js';
import { readFileBytes, writeFileBytes } from './file-directory.js';
import { sniffContentType } from './sniff.js';

export interface StoredFileInfo {
  id: string;
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export interface StoredFile extends StoredFileInfo {
  data: Buffer;
}

export interface StoreFileInput {
  data: Buffer;
  /** The name the sender gave: kept only as display text, never used as a path. */
  originalName: string;
  ownerId?: string | null;
  /** What it is uploaded for: decides which routes may ever serve it (see FilePurpose). */
  purpose: FilePurpose;
  /** Defaults to the type read from the magic bytes, else application/octet-stream. */
  contentType?: string;
}

/**
 * A sender's file name made fit to store as display text: no control characters, bounded length.
 * It is kept as typed (slashes, dots, markup included) because it is never used as a path, and it
 * must be escaped wherever it is shown.
 */
export function displayFileName(name: string): string {
  const text = String(name ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return (text || 'fichier').slice(0, 200);
}

/** A download name safe in a URL path and a header: ASCII letters, digits, dots and hyphens. */
export function urlFileName(name: string, extension?: string): string {
  const stem = (displayFileName(name).split(/[\\/]/).pop() ?? '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
  return `${stem || 'fichier'}${extension ? `.${extension}` : ''}`;
}

/** The public path of a stored file: /fichiers/<id>/<name>. */
export function filePath(id: string, name: string): string {
  return `/fichiers/${id}/${encodeURIComponent(name)}`;
}

/** A file row ready to insert, with its id chosen here, so a caller can link it in the same statement. */
export interface FileRow {
  info: Omit<StoredFileInfo, 'createdAt'>;
  values: {
    id: string;
    owner_id: string | null;
    original_name: string;
    content_type: string;
    size: number;
    sha256: string;
    data: Buffer | null;
    stored_in: 'database' | 'directory';
    purpose: FilePurpose;
  };
}

/**
 * What storing a file writes: its type (from the magic bytes unless given), its SHA-256, a display
 * name. With a files directory (FILES_DIR), the bytes are written there durably now, before the row
 * that names them is inserted, and hashed by the thread that writes them (off the main thread);
 * without one they go into the row and are hashed here.
 */
export async function prepareFile(filesDir: string | undefined, input: StoreFileInput): Promise<FileRow> {
  const contentType = input.contentType ?? sniffContentType(input.data)?.contentType ?? 'application/octet-stream';
  const id = randomUUID();
  const { sha256 } = filesDir
    ? await writeFileBytes(filesDir, id, input.data)
    : { sha256: createHash('sha256').update(input.data).digest('hex') };
  const values = {
    id,
    owner_id: input.ownerId ?? null,
    original_name: displayFileName(input.originalName),
    content_type: contentType,
    size: input.data.length,
    sha256,
    data: filesDir ? null : input.data,
    stored_in: filesDir ? ('directory' as const) : ('database' as const),
    purpose: input.purpose,
  };
  return { values, info: { id, originalName: values.original_name, contentType, size: values.size, sha256 } };
}

/** Stores a file (row in table files, bytes there or in FILES_DIR), in the caller's transaction. */
export async function storeFile(
  trx: Transaction<DB> | Kysely<DB>,
  filesDir: string | undefined,
  input: StoreFileInput,
): Promise<StoredFileInfo> {
  const row = await prepareFile(filesDir, input);
  const { created_at } = await trx
    .insertInto('files')
    .values(row.values)
    .returning('created_at')
    .executeTakeFirstOrThrow();
  return { ...row.info, createdAt: created_at };
}

/**
 * A stored file with its bytes, or undefined (also for an id that is not a UUID). Bytes kept in the
 * files directory are read from `filesDir`; a row that says so while no directory is configured, or
 * whose bytes are gone, is an operating error, not a missing file.
 */
export async function readStoredFile(
  db: Kysely<DB> | Transaction<DB>,
  filesDir: string | undefined,
  id: string,
): Promise<StoredFile | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  let data: Buffer | undefined;
  if (row.stored_in === 'directory') {
    if (!filesDir) throw new Error(`file ${id} is stored in the files directory, but FILES_DIR is not set`);
    data = await readFileBytes(filesDir, id);
    if (!data) throw new Error(`file ${id}: its bytes are missing from ${filesDir}`);
  } else {
    data = Buffer.from(row.data!);
  }
  return {
    id: row.id,
    originalName: row.original_name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
    data,
  };
}

/** "1,2 Mo" / "1.2 MB". */
export function formatFileSize(locale: Locale, bytes: number): string {
  const units = locale === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${formatNumber(locale, value, { maximumFractionDigits: digits })} ${units[unit]}`;
}
