import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { Services } from '../../core/services.js';
import { laureateColumns, type LaureateInput } from './laureate-form.js';

/** Adds a laureate to a season. */
export async function createLaureate(services: Services, actor: Actor, seasonId: string, input: LaureateInput): Promise<string> {
  const id = await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    const { id } = await trx
      .insertInto('laureates')
      .values({ season_id: seasonId, ...laureateColumns(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({ action: 'laureate.created', subjectType: 'laureate', subjectId: id, summary: { seasonId, name: input.name, track: input.trackCode } });
    await announcePublicChange(trx, services);
    return id;
  });
  afterPublicChange(services);
  return id;
}
