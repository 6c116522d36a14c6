import { sql } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import { sniffContentType } from '../../../core/files/sniff.js';
import { displayFileName, storeFile } from '../../../core/files/store-file.js';
import type { Services } from '../../../core/services.js';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** What a report's document may be, read from its bytes; never HTML or SVG. */
const DOCUMENT_TYPES: readonly string[] = [
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

export interface ReportInput {
  attendedIds: string[];
  attendance: number | null;
  minutes: string;
  publish: boolean;
}

/** Staff record the closing report: who came (ticked) or a number, the minutes, published or not. */
export async function saveReport(
  services: Services,
  actor: Actor,
  eventId: string,
  input: ReportInput,
): Promise<boolean> {
  const now = services.clock.now();
  const saved = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const event = await trx
      .selectFrom('events')
      .select(['id', 'report_published_at'])
      .where('id', '=', eventId)
      .forUpdate()
      .executeTakeFirst();
    if (!event) return false;
    await trx
      .updateTable('event_registrations')
      .set({
        attended: input.attendedIds.length > 0 ? sql<boolean>`id = any(${sql.val(input.attendedIds)}::uuid[])` : false,
      })
      .where('event_id', '=', eventId)
      .where('status', '=', 'registered')
      .execute();
    await trx
      .updateTable('events')
      .set({
        report_attendance: input.attendance,
        report_minutes: input.minutes,
        report_published_at: input.publish ? (event.report_published_at ?? now) : null,
        updated_at: now,
      })
      .where('id', '=', eventId)
      .execute();
    await audit({
      action: 'events.report-saved',
      subjectType: 'event',
      subjectId: eventId,
      summary: { attended: input.attendedIds.length, attendance: input.attendance, published: input.publish },
    });
    await announcePublicChange(trx, services);
    return true;
  });
  if (saved) afterPublicChange(services);
  return saved;
}

export type DocumentResult = { ok: true } | { ok: false; problem: 'not_found' | 'empty' | 'too_large' | 'type' };

/** A document of the report: checked (type from its bytes), stored with purpose 'events'. */
export async function addReportDocument(
  services: Services,
  actor: Actor,
  input: { eventId: string; title: string; data: Buffer; fileName: string },
): Promise<DocumentResult> {
  if (input.data.length === 0) return { ok: false, problem: 'empty' };
  if (input.data.length > MAX_DOCUMENT_BYTES) return { ok: false, problem: 'too_large' };
  const sniffed = sniffContentType(input.data);
  if (!sniffed || !DOCUMENT_TYPES.includes(sniffed.contentType)) return { ok: false, problem: 'type' };
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<DocumentResult> => {
    const event = await trx.selectFrom('events').select('id').where('id', '=', input.eventId).executeTakeFirst();
    if (!event) return { ok: false, problem: 'not_found' };
    const file = await storeFile(trx, services.config.filesDir, {
      data: input.data,
      originalName: displayFileName(input.fileName),
      ownerId: actor.id,
      contentType: sniffed.contentType,
      purpose: 'events',
    });
    const row = await trx
      .insertInto('event_documents')
      .values({ event_id: event.id, file_id: file.id, title: input.title, added_by: actor.id, added_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'events.document-added',
      subjectType: 'event',
      subjectId: event.id,
      summary: { documentId: row.id, fileId: file.id, title: input.title, sha256: file.sha256 },
    });
    await announcePublicChange(trx, services);
    return { ok: true };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}

export async function removeReportDocument(
  services: Services,
  actor: Actor,
  eventId: string,
  documentId: string,
): Promise<boolean> {
  const now = services.clock.now();
  const removed = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const row = await trx
      .deleteFrom('event_documents')
      .where('id', '=', documentId)
      .where('event_id', '=', eventId)
      .returning(['id', 'file_id'])
      .executeTakeFirst();
    if (!row) return false;
    await audit({
      action: 'events.document-removed',
      subjectType: 'event',
      subjectId: eventId,
      summary: { documentId: row.id, fileId: row.file_id },
    });
    await announcePublicChange(trx, services);
    return true;
  });
  if (removed) afterPublicChange(services);
  return removed;
}
