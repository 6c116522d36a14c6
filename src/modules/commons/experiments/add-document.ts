import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { sniffContentType } from '../../../core/files/sniff.js';
import { displayFileName, storeFile } from '../../../core/files/store-file.js';
import type { Services } from '../../../core/services.js';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** What a document may be, read from its bytes: documents, spreadsheets, slides, images, archives. Never HTML or SVG. */
export const DOCUMENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/zip',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

export type FileProblem = 'empty' | 'too_large' | 'type';

/** Whether a file's bytes may be an experiment's document (the type comes from the bytes, never the name). */
export function checkDocumentFile(
  data: Buffer,
): { ok: true; contentType: string } | { ok: false; problem: FileProblem } {
  if (data.length === 0) return { ok: false, problem: 'empty' };
  if (data.length > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'too_large' };
  const sniffed = sniffContentType(data);
  if (!sniffed || !DOCUMENT_TYPES.includes(sniffed.contentType)) return { ok: false, problem: 'type' };
  return { ok: true, contentType: sniffed.contentType };
}

export type AddDocumentResult = { ok: true; id: string } | { ok: false; problem: 'not_found' | FileProblem };

/**
 * A party or staff add a document to an experiment: the file is checked, then stored by the core files
 * service with purpose 'cooperation' (never served by /fichiers: only by the experiment's download route, to
 * who may see the experiment), in the same transaction as the document's row and its audit event.
 */
export async function addDocument(
  services: Services,
  actor: Actor,
  input: { experimentId: string; title: string; data: Buffer; fileName: string },
): Promise<AddDocumentResult> {
  const checked = checkDocumentFile(input.data);
  if (!checked.ok) return checked;
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<AddDocumentResult> => {
    const experiment = await trx
      .selectFrom('commons_experiments')
      .select('id')
      .where('id', '=', input.experimentId)
      .executeTakeFirst();
    if (!experiment) return { ok: false, problem: 'not_found' };
    const file = await storeFile(trx, services.config.filesDir, {
      data: input.data,
      originalName: displayFileName(input.fileName),
      ownerId: actor.id,
      contentType: checked.contentType,
      purpose: 'cooperation',
    });
    const row = await trx
      .insertInto('commons_experiment_documents')
      .values({ experiment_id: experiment.id, file_id: file.id, title: input.title, added_by: actor.id, added_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'commons.experiment-document-added',
      subjectType: 'commons_experiment',
      subjectId: experiment.id,
      summary: { documentId: row.id, fileId: file.id, title: input.title, sha256: file.sha256 },
    });
    return { ok: true, id: row.id };
  });
}
