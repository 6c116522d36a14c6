import type { Actor } from '../../core/audit/audit.js';
import { sniffContentType } from '../../core/files/sniff.js';
import { displayFileName, filePath, storeFile, urlFileName } from '../../core/files/store-file.js';
import type { Services } from '../../core/services.js';
import { contentChange } from './content-change.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** What may be attached to news: images a browser shows safely, and PDF. Never SVG or HTML. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;

export type AttachResult =
  | { ok: true; attachmentId: string; fileId: string; url: string }
  | { ok: false; error: 'not-found' | 'type-refused' | 'too-large' | 'empty' };

/**
 * Stores an uploaded file and attaches it to a news item. The type comes from the file's bytes;
 * the sender's name is kept only as display text and as the default link text.
 */
export async function attachNewsFile(
  services: Services,
  actor: Actor,
  newsId: string,
  input: { data: Buffer; originalName: string; label: string },
): Promise<AttachResult> {
  if (input.data.length === 0) return { ok: false, error: 'empty' };
  if (input.data.length > MAX_ATTACHMENT_BYTES) return { ok: false, error: 'too-large' };
  const sniffed = sniffContentType(input.data);
  if (!sniffed || !(ATTACHMENT_TYPES as readonly string[]).includes(sniffed.contentType))
    return { ok: false, error: 'type-refused' };
  const originalName = displayFileName(input.originalName);
  return contentChange(services, actor, async (trx, audit): Promise<AttachResult> => {
    const news = await trx.selectFrom('news').select('id').where('id', '=', newsId).forUpdate().executeTakeFirst();
    if (!news) return { ok: false, error: 'not-found' };
    const file = await storeFile(trx, services.config.filesDir, {
      data: input.data,
      originalName,
      ownerId: actor.id,
      contentType: sniffed.contentType,
      purpose: 'content',
    });
    const url = filePath(file.id, urlFileName(originalName, sniffed.extension));
    const last = await trx
      .selectFrom('news_attachments')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('news_id', '=', newsId)
      .executeTakeFirst();
    const attachment = await trx
      .insertInto('news_attachments')
      .values({
        news_id: newsId,
        label: input.label || originalName,
        url,
        file_id: file.id,
        position: Number(last?.max ?? -1) + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'news.attach-file',
      subjectType: 'news',
      subjectId: newsId,
      summary: {
        attachmentId: attachment.id,
        fileId: file.id,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
      },
    });
    return { ok: true, attachmentId: attachment.id, fileId: file.id, url };
  });
}
