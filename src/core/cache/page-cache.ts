import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';

/** The forms a cached page is kept in: as rendered, and compressed for browsers that accept it (nearly all). */
export type PageEncoding = 'identity' | 'br' | 'gzip';

export interface CachedPage {
  /**
   * Each form's bytes, encoded and compressed once when the page enters the cache: re-encoding a page full of
   * non-Latin-1 text (’, é…) on every hit cost more than the rest, and compressing it would cost more still.
   */
  bodies: Record<PageEncoding, Buffer>;
  /**
   * A strong validator of each form, so browsers revalidate cheaply (304) instead of keeping stale copies. The
   * compressed forms are other bytes, so they have their own (the identity one with -br or -gz appended).
   */
  etags: Record<PageEncoding, string>;
}

interface Entry extends CachedPage {
  at: number;
}

/** A strong ETag for a page body (computed once when the page enters the cache). */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Brotli at quality 5: 0.2–0.3 ms of CPU for a 10 KB page, paid once per page and cache fill. Quality 11 makes it
 * another ~9 % smaller (~250 bytes) for 10–12 ms, on every fill of every page (docs/decisions/0017).
 */
const BROTLI = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};

/** The page in its three forms, with their validators. */
export function cachedForms(body: Buffer): CachedPage {
  const etag = etagOf(body);
  return {
    bodies: {
      identity: body,
      br: brotliCompressSync(body, BROTLI),
      gzip: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }),
    },
    etags: { identity: etag, br: `${etag.slice(0, -1)}-br"`, gzip: `${etag.slice(0, -1)}-gz"` },
  };
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
    const entry = { ...cachedForms(body), at: now };
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
