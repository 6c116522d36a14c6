import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { FieldError } from '../../core/http/forms.js';
import type { Services } from '../../core/services.js';
import type { SeasonInput } from './season-form.js';
import { replaceTracksAndCriteria, seasonColumns, seasonSummary, uniquenessErrors } from './season-writes.js';
import { scheduleStatusBoundaries } from './status-boundaries.js';

export type SeasonWriteResult = { ok: true; id: string } | { ok: false; errors: Record<string, FieldError> };

/** Creates a season with its tracks and criteria. */
export async function createSeason(services: Services, actor: Actor, input: SeasonInput): Promise<SeasonWriteResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SeasonWriteResult> => {
    const errors = await uniquenessErrors(trx, input, null);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const { id } = await trx
      .insertInto('seasons')
      .values({ ...seasonColumns(input), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceTracksAndCriteria(trx, id, input);
    await scheduleStatusBoundaries(trx, input, now);
    await audit({ action: 'season.created', subjectType: 'season', subjectId: id, summary: { after: seasonSummary(input) } });
    await announcePublicChange(trx, services);
    return { ok: true, id };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
