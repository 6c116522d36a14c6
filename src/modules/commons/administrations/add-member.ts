import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { personByEmail } from '../../accounts/index.js';
import { syncPartnerRole } from '../membership.js';
import { insertMember } from './member-rows.js';

export type AddMemberResult = { ok: true; userId: string } | { ok: false; problem: 'no_account' | 'already_member' };

/**
 * Staff add the person with an account at this address to an administration (joined by staff): for an agent
 * who cannot sign in with ProConnect. A person without an account is invited instead.
 */
export async function addMember(
  services: Services,
  actor: Actor,
  input: { administrationId: string; email: string },
): Promise<AddMemberResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<AddMemberResult> => {
    const person = await personByEmail(trx, input.email);
    if (!person || person.erased) return { ok: false, problem: 'no_account' };
    const inserted = await insertMember(trx, {
      administrationId: input.administrationId,
      userId: person.id,
      serviceId: null,
      joinedVia: 'staff',
      invitedBy: actor.id,
      now,
    });
    if (!inserted) return { ok: false, problem: 'already_member' };
    await audit({
      action: 'commons.member-added',
      subjectType: 'commons_administration',
      subjectId: input.administrationId,
      summary: { userId: person.id },
    });
    return { ok: true, userId: person.id };
  });
  if (result.ok) await syncPartnerRole(services, actor, result.userId);
  return result;
}
