import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesEtag } from '../../core/cache/public-page.js';

/** How long a client or proxy may keep an answer before revalidating it (a hidden record leaves within this). */
export const MAX_AGE_SECONDS = 60;

/** The CORS headers of every answer of the API and the downloads: any site may read them, without credentials. */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'ETag, Link, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
  // Helmet's same-origin policy would stop another site's page from using the data.
  'cross-origin-resource-policy': 'cross-origin',
};

/** The answer to a CORS preflight: GET, HEAD and OPTIONS only, no credentials. */
export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Accept, Accept-Language, If-None-Match',
  'access-control-max-age': '86400',
};

/** A strong ETag of the bytes sent. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Sends a public, cacheable answer: an ETag of the body, Cache-Control, and 304 with no body when the
 * client's If-None-Match already holds it.
 */
export function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: string, type: string): FastifyReply {
  const etag = etagOf(body);
  reply
    .header('etag', etag)
    .header('cache-control', `public, max-age=${MAX_AGE_SECONDS}, must-revalidate`)
    .header('vary', 'Accept-Encoding');
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(type).send(body);
}
