import { Readable } from 'node:stream';
import yazl from 'yazl';
import { readStoredFile, urlFileName } from '../../../core/files/store-file.js';
import type { Services } from '../../../core/services.js';
import { staffMayDownload, submittedFileIds } from '../files/application-files.js';

export interface ZipEntryPlan {
  fileId: string;
  /** The path inside the archive: ASCII, no traversal, unique. */
  path: string;
  size: number;
  mtime: Date;
}

/** The submitted files of these applications that staff may download (antivirus rule), with safe unique names. */
export async function planAttachmentsZip(
  services: Services,
  applications: { id: string; title: string }[],
): Promise<{ entries: ZipEntryPlan[]; withheld: number }> {
  if (applications.length === 0) return { entries: [], withheld: 0 };
  const titles = new Map(applications.map((a) => [a.id, a.title]));
  const entries: ZipEntryPlan[] = [];
  const used = new Set<string>();
  let withheld = 0;
  // In batches, so a large export never builds one huge IN list.
  for (let start = 0; start < applications.length; start += 1000) {
    const ids = applications.slice(start, start + 1000).map((a) => a.id);
    const rows = await services.db
      .selectFrom('application_files')
      .innerJoin('files', 'files.id', 'application_files.file_id')
      .select([
        'application_files.file_id',
        'application_files.application_id',
        'application_files.scan_status',
        'files.original_name',
        'files.size',
        'files.created_at',
      ])
      .where('application_files.application_id', 'in', ids)
      .where('application_files.removed_at', 'is', null)
      .orderBy('application_files.application_id')
      .orderBy('application_files.created_at')
      .execute();
    // Only what was submitted: a draft's files are the applicant's until submitted.
    const submitted = await submittedFileIds(services.db, ids);
    for (const row of rows) {
      if (!submitted.get(row.application_id)?.has(row.file_id)) continue;
      if (!staffMayDownload(services, row.scan_status)) {
        withheld += 1;
        continue;
      }
      const folder = `${urlFileName(titles.get(row.application_id) ?? '')}-${row.application_id.slice(0, 8)}`;
      entries.push({
        fileId: row.file_id,
        path: uniquePath(used, folder, row.original_name),
        size: row.size,
        mtime: new Date(row.created_at),
      });
    }
  }
  return { entries, withheld };
}

/** folder/name.ext made of safe characters; a repeated name gets -2, -3… before its extension. */
function uniquePath(used: Set<string>, folder: string, originalName: string): string {
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(originalName)?.[1]?.toLowerCase();
  const stem = urlFileName(originalName);
  for (let n = 1; ; n += 1) {
    const name = `${stem}${n > 1 ? `-${n}` : ''}${extension ? `.${extension}` : ''}`;
    const path = `${folder}/${name}`;
    if (!used.has(path.toLowerCase())) {
      used.add(path.toLowerCase());
      return path;
    }
  }
}

/**
 * The archive as a stream: each file's bytes are read from the database only when the archive
 * reaches it, so memory holds one file at a time whatever the size of the export.
 */
export function streamAttachmentsZip(services: Services, entries: ZipEntryPlan[]): NodeJS.ReadableStream {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.path, { mtime: entry.mtime, size: entry.size }, (callback) => {
      readStoredFile(services.db, services.config.filesDir, entry.fileId).then(
        (file) =>
          file
            ? callback(null, Readable.from([file.data]))
            : callback(new Error(`file ${entry.fileId} vanished`), Readable.from([])),
        (error: unknown) => callback(error, Readable.from([])),
      );
    });
  }
  zip.end();
  return zip.outputStream;
}
