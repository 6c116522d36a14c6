import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';

/** A party or staff take someone off an experiment's people. False when they were not listed. */
export async function removePerson(
  services: Services,
  actor: Actor,
  input: { experimentId: string; personId: string },
): Promise<boolean> {
  const now = services.clock.now();
  const removed = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const person = await trx
      .deleteFrom('commons_experiment_people')
      .where('id', '=', input.personId)
      .where('experiment_id', '=', input.experimentId)
      .returning(['id', 'user_id', 'role'])
      .executeTakeFirst();
    if (!person) return false;
    await audit({
      action: 'commons.experiment-person-removed',
      subjectType: 'commons_experiment',
      subjectId: input.experimentId,
      summary: { personId: person.id, userId: person.user_id, role: person.role },
    });
    await announcePublicChange(trx, services);
    return true;
  });
  if (removed) afterPublicChange(services);
  return removed;
}
