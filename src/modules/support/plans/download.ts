import type { FastifyReply, FastifyRequest } from 'fastify';
import { sniffContentType } from '../../../core/files/sniff.js';
import { readStoredFile, urlFileName } from '../../../core/files/store-file.js';
import { notFound } from '../../../core/http/replies.js';
import type { Services } from '../../../core/services.js';

/** Sends a deliverable's file as a download no browser will render or sniff (as applications do theirs). */
export async function sendDeliverableFile(
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
