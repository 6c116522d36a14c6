import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { contentChange } from './content-change.js';

/**
 * Removes an attachment from a news item. The stored file goes too unless something else still
 * points at it. Returns false when the attachment is not one of this news item's.
 */
export async function deleteNewsAttachment(
  services: Services,
  actor: Actor,
  newsId: string,
  attachmentId: string,
): Promise<boolean> {
  return contentChange(services, actor, async (trx, audit) => {
    const attachment = await trx
      .deleteFrom('news_attachments')
      .where('id', '=', attachmentId)
      .where('news_id', '=', newsId)
      .returning(['id', 'label', 'url', 'file_id'])
      .executeTakeFirst();
    if (!attachment) return false;
    if (attachment.file_id) {
      const stillUsed = await trx
        .selectFrom('news_attachments')
        .select('id')
        .where('file_id', '=', attachment.file_id)
        .executeTakeFirst();
      const usedAsImage = await trx
        .selectFrom('news')
        .select('id')
        .where('image_url', 'like', `/fichiers/${attachment.file_id}/%`)
        .executeTakeFirst();
      if (!stillUsed && !usedAsImage) await trx.deleteFrom('files').where('id', '=', attachment.file_id).execute();
    }
    await audit({
      action: 'news.delete-attachment',
      subjectType: 'news',
      subjectId: newsId,
      summary: { attachmentId, label: attachment.label, url: attachment.url, fileId: attachment.file_id },
    });
    return true;
  });
}
