import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { FieldError } from '../../core/http/forms.js';
import { isUniqueViolation, lockSubmissionKey } from '../../core/http/submission-keys.js';
import type { Services } from '../../core/services.js';
import type { SeasonInput } from './season-form.js';
import { replaceTracksAndCriteria, seasonColumns, seasonSummary, uniquenessErrors } from './season-writes.js';
import { scheduleStatusBoundaries } from './status-boundaries.js';

export type SeasonWriteResult = { ok: true; id: string } | { ok: false; errors: Record<string, FieldError> };

/**
 * Creates a season with its tracks and criteria. With a submission key, sending the same form
 * again returns the season the first send created.
 */
export async function createSeason(
  services: Services,
  actor: Actor,
  input: SeasonInput,
  submissionKey: string | null = null,
): Promise<SeasonWriteResult> {
  const now = services.clock.now();
  const attempt = () =>
    auditedTransaction(
      services.db,
      actor,
      now,
      async (trx, audit): Promise<SeasonWriteResult & { replay?: boolean }> => {
        if (submissionKey) {
          await lockSubmissionKey(trx, submissionKey);
          const done = await trx
            .selectFrom('seasons')
            .select('id')
            .where('submission_key', '=', submissionKey)
            .executeTakeFirst();
          if (done) return { ok: true, id: done.id, replay: true };
        }
        const errors = await uniquenessErrors(trx, input, null);
        if (Object.keys(errors).length > 0) return { ok: false, errors };
        const { id } = await trx
          .insertInto('seasons')
          .values({ ...seasonColumns(input), created_at: now, updated_at: now, submission_key: submissionKey })
          .returning('id')
          .executeTakeFirstOrThrow();
        await replaceTracksAndCriteria(trx, id, input);
        await scheduleStatusBoundaries(trx, input, now);
        await audit({
          action: 'season.created',
          subjectType: 'season',
          subjectId: id,
          summary: { after: seasonSummary(input) },
        });
        await announcePublicChange(trx, services);
        return { ok: true, id };
      },
    );
  let result: SeasonWriteResult & { replay?: boolean };
  try {
    result = await attempt();
  } catch (error) {
    // Another season took the slug or number between our check and our insert: check again.
    if (!isUniqueViolation(error)) throw error;
    result = await attempt();
  }
  if (result.ok && !result.replay) afterPublicChange(services);
  return result.ok ? { ok: true, id: result.id } : result;
}
