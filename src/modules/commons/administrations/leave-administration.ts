import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { syncPartnerRole } from '../membership.js';
import { deleteMember } from './member-rows.js';

/**
 * A member leaves the administration: they stop being a referent of its use cases, ProConnect will not bring
 * them back (an invitation will), and they lose the partner role if it was their last membership and they
 * maintain no commons. What they published stays: it is the administration's.
 */
export async function leaveAdministration(
  services: Services,
  actor: Actor,
  input: { administrationId: string; userId: string },
): Promise<boolean> {
  const now = services.clock.now();
  const left = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const done = await deleteMember(trx, { ...input, reason: 'left', now });
    if (!done.removed) return false;
    await audit({
      action: 'commons.member-left',
      subjectType: 'commons_administration',
      subjectId: input.administrationId,
      summary: { userId: input.userId, referentsRemoved: done.referents },
    });
    return true;
  });
  if (left) await syncPartnerRole(services, actor, input.userId);
  return left;
}

/** Staff remove a member (a person who left the administration's staff, a mistaken invitation…). */
export async function removeMember(
  services: Services,
  actor: Actor,
  input: { administrationId: string; userId: string },
): Promise<boolean> {
  const now = services.clock.now();
  const removed = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const done = await deleteMember(trx, { ...input, reason: 'removed', now });
    if (!done.removed) return false;
    await audit({
      action: 'commons.member-removed',
      subjectType: 'commons_administration',
      subjectId: input.administrationId,
      summary: { userId: input.userId, referentsRemoved: done.referents },
    });
    return true;
  });
  if (removed) await syncPartnerRole(services, actor, input.userId);
  return removed;
}
