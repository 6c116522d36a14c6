import type { FastifyReply, FastifyRequest } from 'fastify';
import { contentTypeLabel, sniffContentType } from '../../../core/files/sniff.js';
import { formatFileSize, readStoredFile, urlFileName } from '../../../core/files/store-file.js';
import { notFound } from '../../../core/http/replies.js';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import type { AttachedFileView } from '../form/render.js';
import { type ApplicationFileRow, listApplicationFiles, scanStatusLabel } from './application-files.js';
import { fileMessages as fileText } from './messages.js';

/** How each attached file is shown under its question: name, link, type, size and scan state. */
export function fileViews(
  locale: Locale,
  files: ApplicationFileRow[],
  base: string,
  removable: boolean,
): Record<string, AttachedFileView> {
  return Object.fromEntries(
    files.map((file) => [
      file.fileId,
      {
        name: file.name,
        href: `${base}/${file.fileId}`,
        detail: `${contentTypeLabel(file.contentType)}, ${formatFileSize(locale, file.size)}, ${scanStatusLabel(locale, file.status)}`,
        removeLabel: removable && !file.removed ? t(locale, fileText.remove, { name: file.name }) : undefined,
      },
    ]),
  );
}

/** Sends a stored file as a download that no browser will render or sniff. */
export async function sendAttachment(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  fileId: string,
): Promise<FastifyReply> {
  const file = await readStoredFile(services.db, services.config.filesDir, fileId);
  if (!file) return notFound(request, reply);
  // The extension follows what the bytes are, not what the sender named them.
  const extension = sniffContentType(file.data)?.extension;
  return reply
    .status(200)
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${urlFileName(file.originalName, extension)}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

/** The file of this application with this id (removed ones included: staff still read them). */
export async function applicationFileRow(
  services: Services,
  applicationId: string,
  fileId: string,
): Promise<ApplicationFileRow | undefined> {
  return (await listApplicationFiles(services.db, applicationId)).find((file) => file.fileId === fileId);
}
