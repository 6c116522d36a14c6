import type { Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import { personByEmail } from '../../accounts/index.js';
import { syncPartnerRole } from '../membership.js';

/**
 * Who maintains a commons: a maintainer adds another by the address of an existing account, removes one, or
 * leaves; a commons never loses its last maintainer that way (staff may remove the last one, for a commons
 * its people abandoned). Each change is audited, then the person's partner role is brought in line.
 * The commons' row is locked for the change, so two removals at once cannot leave it without maintainer.
 */

async function lockCommons(trx: Transaction<DB>, commonsId: string): Promise<boolean> {
  const row = await trx.selectFrom('commons').select('id').where('id', '=', commonsId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export type AddResult = { ok: true; userId: string } | { ok: false; problem: 'no_account' | 'already' | 'not_found' };

export async function addMaintainer(
  services: Services,
  actor: Actor,
  commonsId: string,
  email: string,
): Promise<AddResult> {
  const person = await personByEmail(services.db, email);
  if (!person) return { ok: false, problem: 'no_account' };
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<AddResult> => {
    if (!(await lockCommons(trx, commonsId))) return { ok: false, problem: 'not_found' };
    const added = await trx
      .insertInto('commons_maintainers')
      .values({ commons_id: commonsId, user_id: person.id, added_at: now, added_by: actor.id })
      .onConflict((oc) => oc.columns(['commons_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!added) return { ok: false, problem: 'already' };
    await audit({
      action: 'commons.maintainer-added',
      subjectType: 'commons',
      subjectId: commonsId,
      summary: { userId: person.id },
    });
    return { ok: true, userId: person.id };
  });
  if (result.ok) await syncPartnerRole(services, actor, person.id);
  return result;
}

export type RemoveResult = { ok: true } | { ok: false; problem: 'last' | 'not_maintainer' | 'not_found' };

/** Removes a maintainer (`userId` may be the actor: leaving). `mayEmpty`: staff may remove the last one. */
export async function removeMaintainer(
  services: Services,
  actor: Actor,
  input: { commonsId: string; userId: string; mayEmpty: boolean },
): Promise<RemoveResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<RemoveResult> => {
    if (!(await lockCommons(trx, input.commonsId))) return { ok: false, problem: 'not_found' };
    const rows = await trx
      .selectFrom('commons_maintainers')
      .select('user_id')
      .where('commons_id', '=', input.commonsId)
      .execute();
    if (!rows.some((r) => r.user_id === input.userId)) return { ok: false, problem: 'not_maintainer' };
    if (rows.length === 1 && !input.mayEmpty) return { ok: false, problem: 'last' };
    await trx
      .deleteFrom('commons_maintainers')
      .where('commons_id', '=', input.commonsId)
      .where('user_id', '=', input.userId)
      .execute();
    await audit({
      action: input.userId === actor.id ? 'commons.maintainer-left' : 'commons.maintainer-removed',
      subjectType: 'commons',
      subjectId: input.commonsId,
      summary: { userId: input.userId, remaining: rows.length - 1 },
    });
    return { ok: true };
  });
  if (result.ok) await syncPartnerRole(services, actor, input.userId);
  return result;
}
