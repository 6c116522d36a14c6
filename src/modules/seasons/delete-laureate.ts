import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { Services } from '../../core/services.js';

/** Removes a laureate from a season; false when there was none (a repeated delete is harmless). */
export async function deleteLaureate(services: Services, actor: Actor, seasonId: string, id: string): Promise<boolean> {
  const done = await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    const removed = await trx
      .deleteFrom('laureates')
      .where('id', '=', id)
      .where('season_id', '=', seasonId)
      .returning(['name'])
      .executeTakeFirst();
    if (!removed) return false;
    await audit({
      action: 'laureate.deleted',
      subjectType: 'laureate',
      subjectId: id,
      summary: { seasonId, name: removed.name },
    });
    await announcePublicChange(trx, services);
    return true;
  });
  if (done) afterPublicChange(services);
  return done;
}
