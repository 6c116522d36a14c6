import { sql, type Kysely, type Transaction } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DB } from '../db/schema.js';
import type { Services } from '../services.js';
import { PAGE_CACHE_CHANNEL } from './page-cache.js';

/**
 * Serves a public page, from the cache for anonymous visitors. Signed-in people always get a
 * fresh render (their header differs). `render` must not depend on anything but the URL and locale.
 */
export async function servePublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<string> | string,
  contentType = 'text/html; charset=utf-8',
): Promise<FastifyReply> {
  const { pageCache } = request.server.services;
  reply.type(contentType);
  if (request.user) return reply.header('cache-control', 'private, no-store').send(await render());
  const key = `${request.locale}\u0000${request.url}`;
  let body = pageCache.get(key);
  if (body === undefined) {
    body = await render();
    pageCache.set(key, body);
  }
  return reply.header('cache-control', 'public, max-age=60').send(body);
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
