import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { Services } from '../../core/services.js';
import { type LaureateInput, laureateColumns } from './laureate-form.js';

/** Changes a laureate of the given season; false when there is no such laureate. */
export async function updateLaureate(
  services: Services,
  actor: Actor,
  seasonId: string,
  id: string,
  input: LaureateInput,
): Promise<boolean> {
  const done = await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    const before = await trx
      .selectFrom('laureates')
      .selectAll()
      .where('id', '=', id)
      .where('season_id', '=', seasonId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return false;
    await trx.updateTable('laureates').set(laureateColumns(input)).where('id', '=', id).execute();
    await audit({
      action: 'laureate.updated',
      subjectType: 'laureate',
      subjectId: id,
      summary: {
        seasonId,
        before: { name: before.name, track: before.track_code },
        after: { name: input.name, track: input.trackCode },
      },
    });
    await announcePublicChange(trx, services);
    return true;
  });
  if (done) afterPublicChange(services);
  return done;
}
