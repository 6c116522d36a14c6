import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { afterPublicChange, announcePublicChange } from '../../../core/cache/public-page.js';
import type { Services } from '../../../core/services.js';
import { personById, personName } from '../../accounts/index.js';
import { partyIdsOf } from './queries.js';

export type AddPersonResult =
  | { ok: true; id: string }
  | { ok: false; problem: 'not_found' | 'not_party' | 'name_required' | 'already' };

/**
 * A party or staff name someone taking part in an experiment, with their role: an account among the
 * experiment's parties (members of its administrations, maintainers of its commons: their name is the
 * account's unless one is typed), or a name for someone without an account.
 */
export async function addPerson(
  services: Services,
  actor: Actor,
  input: { experimentId: string; userId: string | null; name: string; role: string },
): Promise<AddPersonResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<AddPersonResult> => {
    const experiment = await trx
      .selectFrom('commons_experiments')
      .select('id')
      .where('id', '=', input.experimentId)
      .forUpdate()
      .executeTakeFirst();
    if (!experiment) return { ok: false, problem: 'not_found' };
    let name = input.name.trim();
    if (input.userId) {
      if (!(await partyIdsOf(trx, experiment.id)).includes(input.userId)) return { ok: false, problem: 'not_party' };
      const listed = await trx
        .selectFrom('commons_experiment_people')
        .select('id')
        .where('experiment_id', '=', experiment.id)
        .where('user_id', '=', input.userId)
        .executeTakeFirst();
      if (listed) return { ok: false, problem: 'already' };
      if (name === '') {
        const person = await personById(trx, input.userId);
        name = person ? personName(person) : '';
      }
    }
    if (name === '') return { ok: false, problem: 'name_required' };
    const row = await trx
      .insertInto('commons_experiment_people')
      .values({ experiment_id: experiment.id, user_id: input.userId, name, role: input.role })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'commons.experiment-person-added',
      subjectType: 'commons_experiment',
      subjectId: experiment.id,
      // The account's id, never the name: the audit log outlives an erasure.
      summary: { personId: row.id, userId: input.userId, role: input.role },
    });
    await announcePublicChange(trx, services);
    return { ok: true, id: row.id };
  });
  if (result.ok) afterPublicChange(services);
  return result;
}
