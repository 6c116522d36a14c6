import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { Services } from '../../core/services.js';
import type { SeasonWriteResult } from './create-season.js';
import { loadSeasons } from './queries.js';
import type { SeasonInput } from './season-form.js';
import { replaceTracksAndCriteria, seasonColumns, seasonSummary, uniquenessErrors } from './season-writes.js';
import { scheduleStatusBoundaries } from './status-boundaries.js';

/** Changes a season, its tracks and its criteria; returns null when the season does not exist. */
export async function updateSeason(
  services: Services,
  actor: Actor,
  id: string,
  input: SeasonInput,
): Promise<SeasonWriteResult | null> {
  const now = services.clock.now();
  const result = await auditedTransaction(
    services.db,
    actor,
    now,
    async (trx, audit): Promise<SeasonWriteResult | null> => {
      const locked = await trx.selectFrom('seasons').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      if (!locked) return null;
      const [before] = await loadSeasons(trx, { id });
      const errors = await uniquenessErrors(trx, input, id);
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      await trx
        .updateTable('seasons')
        .set({ ...seasonColumns(input), updated_at: now })
        .where('id', '=', id)
        .execute();
      await replaceTracksAndCriteria(trx, id, input);
      await scheduleStatusBoundaries(trx, input, now);
      await audit({
        action: 'season.updated',
        subjectType: 'season',
        subjectId: id,
        summary: {
          before: seasonSummary({ ...before, tracks: before.tracks, criteria: before.criteria }),
          after: seasonSummary(input),
        },
      });
      await announcePublicChange(trx, services);
      return { ok: true, id };
    },
  );
  if (result?.ok) afterPublicChange(services);
  return result;
}
