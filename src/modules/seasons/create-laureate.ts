import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import { lockSubmissionKey } from '../../core/http/submission-keys.js';
import type { Services } from '../../core/services.js';
import { type LaureateInput, laureateColumns } from './laureate-form.js';

/** Adds a laureate to a season; with a submission key, a repeated send returns the first one's laureate. */
export async function createLaureate(
  services: Services,
  actor: Actor,
  seasonId: string,
  input: LaureateInput,
  submissionKey: string | null = null,
): Promise<string> {
  const result = await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    if (submissionKey) {
      await lockSubmissionKey(trx, submissionKey);
      const done = await trx
        .selectFrom('laureates')
        .select('id')
        .where('submission_key', '=', submissionKey)
        .executeTakeFirst();
      if (done) return { id: done.id, replay: true };
    }
    const { id } = await trx
      .insertInto('laureates')
      .values({ season_id: seasonId, ...laureateColumns(input), submission_key: submissionKey })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'laureate.created',
      subjectType: 'laureate',
      subjectId: id,
      summary: { seasonId, name: input.name, track: input.trackCode },
    });
    await announcePublicChange(trx, services);
    return { id, replay: false };
  });
  if (!result.replay) afterPublicChange(services);
  return result.id;
}
