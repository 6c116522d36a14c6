import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { preferredCoding } from '../http/content-coding.js';
import { sendErrorPage } from '../http/error-pages.js';
import { httpMessages } from '../http/errors.js';
import type { Services } from '../services.js';
import { PAGE_CACHE_CHANNEL } from './page-cache.js';

/**
 * Serves a public page, from the cache for anonymous visitors. Signed-in people always get a
 * fresh render (their header differs). `render` must not depend on anything but the URL and locale,
 * and does every database read of the page itself — a read done before calling this function would
 * run on every request and defeat the cache. It returns null when there is no such page (404).
 */
export async function servePublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<string | null> | string | null,
  contentType = 'text/html; charset=utf-8',
): Promise<FastifyReply> {
  const { pageCache } = request.server.services;
  if (request.user) {
    // Signed-in people see their own header: always a fresh render, never stored by anyone.
    const rendered = await render();
    if (rendered === null) return notFoundPage(request, reply);
    return reply.type(contentType).header('cache-control', 'private, no-store').send(rendered);
  }
  const key = `${request.locale}\u0000${request.url}`;
  let page = pageCache.get(key);
  if (page === undefined) {
    const rendered = await render();
    if (rendered === null) return notFoundPage(request, reply);
    page = pageCache.set(key, Buffer.from(rendered));
  }
  // The page was compressed when it was cached: each visitor gets the form their browser accepts, and caches
  // on the way keep one copy per form (Vary).
  const coding = preferredCoding(request.headers['accept-encoding']);
  const etag = page.etags[coding];
  // `no-cache` lets browsers and proxies keep the page but revalidate it on every visit, so an
  // unpublished article disappears at once; the revalidation costs a 304 with no body.
  reply
    .type(contentType)
    .header('cache-control', 'public, no-cache')
    .header('vary', 'Accept-Encoding')
    .header('etag', etag);
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  if (coding !== 'identity') reply.header('content-encoding', coding);
  return reply.send(page.bodies[coding]);
}

function notFoundPage(request: FastifyRequest, reply: FastifyReply) {
  return sendErrorPage(request, reply, 404, httpMessages.notFoundTitle, httpMessages.notFoundText);
}

/** If-None-Match holds a list of ETags (possibly weak, W/"…") or `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

/**
 * Call in the transaction of any change to public content. On PostgreSQL the NOTIFY is delivered
 * to every process at COMMIT; call `afterPublicChange` once the transaction has committed.
 */
export async function announcePublicChange(trx: Transaction<DB> | Kysely<DB>, services: Services): Promise<void> {
  if (services.engine === 'postgresql') await sql`select pg_notify(${PAGE_CACHE_CHANNEL}, 'changed')`.execute(trx);
}

/** Clears this process's cache after a committed change (other processes hear the NOTIFY). */
export function afterPublicChange(services: Services): void {
  services.pageCache.clear();
}
