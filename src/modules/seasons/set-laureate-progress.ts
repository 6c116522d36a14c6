import type { Kysely, Transaction } from 'kysely';
import { announcePublicChange } from '../../core/cache/public-page.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import './tables.js';

/**
 * Sets (or clears, with null) the public progress of the laureate published under this decision reference,
 * in the caller's audited transaction (the support module's, when a milestone or the plan's toggle changes).
 * A laureate not published yet has no row: nothing to do, and its progress is written at the next change.
 * Returns whether a row changed; the caller clears this process's page cache after COMMIT
 * (`afterPublicChange`) when it did.
 */
export async function setLaureateProgress(
  trx: Transaction<DB> | Kysely<DB>,
  services: Services,
  applicationRef: string,
  percent: number | null,
): Promise<boolean> {
  const value = percent === null ? null : Math.max(0, Math.min(100, Math.round(percent)));
  const changed = await trx
    .updateTable('laureates')
    .set({ progress_percent: value })
    .where('application_ref', '=', applicationRef)
    .where((eb) =>
      value === null
        ? eb('progress_percent', 'is not', null)
        : eb.or([eb('progress_percent', 'is', null), eb('progress_percent', '<>', value)]),
    )
    .returning('id')
    .execute();
  if (changed.length === 0) return false;
  await announcePublicChange(trx, services);
  return true;
}
