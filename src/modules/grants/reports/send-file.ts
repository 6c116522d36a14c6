import type { FastifyReply, FastifyRequest } from 'fastify';
import { sniffContentType } from '../../../core/files/sniff.js';
import { readStoredFile, urlFileName } from '../../../core/files/store-file.js';
import { notFound } from '../../../core/http/replies.js';
import type { Services } from '../../../core/services.js';

/** Sends a laureate file as a download that no browser renders or sniffs (as applications' attachments are). */
export async function sendAttachment(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  fileId: string,
): Promise<FastifyReply> {
  const file = await readStoredFile(services.db, services.config.filesDir, fileId);
  if (!file) return notFound(request, reply);
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
