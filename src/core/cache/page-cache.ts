import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';

export interface CachedPage {
  /** Encoded once: re-encoding a page full of non-Latin-1 text (’, é…) on every hit costs more than the rest. */
  body: Buffer;
  /** Strong validator of the body, so browsers revalidate cheaply (304) instead of keeping stale copies. */
  etag: string;
}

interface Entry extends CachedPage {
  at: number;
}

/** A strong ETag for a page body (computed once when the page enters the cache). */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export const PAGE_CACHE_CHANNEL = 'accelerateur_page_cache';

/**
 * Rendered public pages for anonymous visitors, keyed by locale and URL. Any content change
 * clears it; on PostgreSQL the change is announced with NOTIFY (sent at COMMIT) so every app
 * process clears its own copy. Entries also age out, as a safety net.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private listener: pg.Client | undefined;

  constructor(
    private readonly maxEntries = 2000,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, body: Buffer, now = Date.now()): CachedPage {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const entry = { body, etag: etagOf(body), at: now };
    this.entries.set(key, entry);
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Listens for other processes' content changes (PostgreSQL only; PGlite has one process). */
  async listen(databaseUrl: string, log: FastifyBaseLogger): Promise<void> {
    const { default: pgDriver } = await import('pg');
    const client = new pgDriver.Client({ connectionString: databaseUrl });
    client.on('error', (err) => log.warn({ err }, 'page cache listener lost its connection'));
    client.on('notification', () => this.clear());
    await client.connect();
    await client.query(`listen ${PAGE_CACHE_CHANNEL}`);
    this.listener = client;
  }

  async close(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
  }
}
