import type { Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { type Message, t } from '../../core/i18n/i18n.js';
import { boardMessages as bm } from './board-messages.js';
import { type Deliberation, loadDeliberation } from './deliberation.js';

/**
 * A change of the deliberation that is refused as a whole (not a field's error): not opened, closed, a
 * stale form, an incomplete close. Carries its HTTP status and its text in both languages; the message
 * of the Error is the French text, for callers without a locale (demo, CLI).
 */
export class DeliberationRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly text: Message,
    readonly params: Record<string, string | number> = {},
  ) {
    super(t('fr', text, params));
  }
}

/**
 * Locks the season's deliberation row until the transaction ends (every change of a deliberation is
 * serialised on it) and checks it is open and, when the caller read a version, still at that version.
 */
export async function lockOpenDeliberation(
  trx: Transaction<DB>,
  seasonId: string,
  expectedVersion?: number,
): Promise<Deliberation> {
  const deliberation = await loadDeliberation(trx, seasonId, { forUpdate: true });
  if (!deliberation) throw new DeliberationRefused(409, bm.notOpened);
  if (deliberation.status !== 'open') throw new DeliberationRefused(409, bm.alreadyClosed);
  if (expectedVersion !== undefined && expectedVersion !== deliberation.version)
    throw new DeliberationRefused(409, bm.stale, { expected: expectedVersion, actual: deliberation.version });
  return deliberation;
}

/** Records that the deliberation changed: a form read at the previous version is then refused as stale. */
export async function bumpVersion(trx: Transaction<DB>, deliberationId: string, now: Date): Promise<void> {
  await trx
    .updateTable('deliberations')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', deliberationId)
    .execute();
}
