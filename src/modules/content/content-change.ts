import type { Transaction } from 'kysely';
import { type Actor, type AuditInput, auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';

/**
 * Runs a change to site content: audited, in one transaction, and followed by clearing the public
 * page cache (every process hears of it at COMMIT, this one right after).
 */
export async function contentChange<T>(
  services: Services,
  actor: Actor,
  fn: (trx: Transaction<DB>, audit: (input: AuditInput) => Promise<void>) => Promise<T>,
): Promise<T> {
  const result = await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    const value = await fn(trx, audit);
    await announcePublicChange(trx, services);
    return value;
  });
  afterPublicChange(services);
  return result;
}

/** True when the error is PostgreSQL's unique violation (two writers racing for one slug). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
