import type { Transaction } from 'kysely';
import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { callStatus } from './season-status.js';

export type PublishSeasonResult =
  | { ok: true; alreadyPublished: boolean }
  | { ok: false; reason: 'no-season' }
  /** Its call is upcoming or open and it has no application form: it would open without one. */
  | { ok: false; reason: 'no-form' };

/**
 * Publishes a draft season: from then on it is on the public site and, between its dates, takes
 * applications. A season whose call is not over yet needs its application form first; `hasForm`
 * answers that (the form belongs to the applications module, which publishes through this) inside the
 * transaction that holds the season's lock, so a form cannot be missing by the time the season opens.
 * Publishing twice changes nothing.
 */
export async function publishSeason(
  services: Services,
  actor: Actor,
  seasonId: string,
  hasForm: (trx: Transaction<DB>) => Promise<boolean>,
): Promise<PublishSeasonResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<PublishSeasonResult> => {
    const season = await trx
      .selectFrom('seasons')
      .select(['id', 'opens_at', 'closes_at', 'published_at'])
      .where('id', '=', seasonId)
      .forUpdate()
      .executeTakeFirst();
    if (!season) return { ok: false, reason: 'no-season' };
    if (season.published_at !== null) return { ok: true, alreadyPublished: true };
    const call = callStatus({ opensAt: new Date(season.opens_at), closesAt: new Date(season.closes_at) }, now);
    if (call !== 'closed' && !(await hasForm(trx))) return { ok: false, reason: 'no-form' };
    await trx.updateTable('seasons').set({ published_at: now, updated_at: now }).where('id', '=', seasonId).execute();
    await audit({ action: 'season.published', subjectType: 'season', subjectId: seasonId, summary: { call } });
    await announcePublicChange(trx, services);
    return { ok: true, alreadyPublished: false };
  });
  if (result.ok && !result.alreadyPublished) afterPublicChange(services);
  return result;
}
