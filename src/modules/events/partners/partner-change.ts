import type { Transaction } from 'kysely';
import { type Actor, type AuditRecorder, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';

/**
 * Runs a change to the partners: audited, in one transaction, then the public page cache is cleared (every
 * process hears of it at COMMIT, this one right after), so /partenaires shows the change at once.
 */
export async function partnerChange<T>(
  services: Services,
  actor: Actor,
  fn: (trx: Transaction<DB>, audit: AuditRecorder) => Promise<T>,
): Promise<T> {
  const result = await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    const value = await fn(trx, audit);
    await announcePublicChange(trx, services);
    return value;
  });
  afterPublicChange(services);
  return result;
}

/** True when the error is PostgreSQL's unique violation (two partners given one name at once). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
