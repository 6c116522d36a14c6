import { auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { type ProconnectSignIn, userActor } from '../../accounts/index.js';
import { isValidSiret, normaliseSiret } from '../../applications/index.js';
import { syncPartnerRole } from '../membership.js';
import { hasDeparted, insertMember } from './member-rows.js';
import { administrationOfSiret } from './queries.js';

export type ProconnectJoin =
  | { joined: true; administrationId: string; serviceId: string | null }
  | { joined: false; reason: 'no_siret' | 'no_administration' | 'hidden' | 'already_member' | 'departed' };

/**
 * After a ProConnect sign-in: a public agent whose organisation (the `siret` claim) is an administration of
 * the space, or one of its services, becomes its member (joined through ProConnect, with the service when
 * it matched one), then holds the partner role. Not when the administration is hidden by staff, nor when the
 * person left it or was removed from it (they come back through an invitation). A merged administration's
 * SIRET leads to the one it was merged into. Audited as the agent's own action.
 */
export async function joinByProconnect(services: Services, signIn: ProconnectSignIn): Promise<ProconnectJoin> {
  const typed = (signIn.siret ?? '').trim();
  if (!typed || !isValidSiret(typed)) return { joined: false, reason: 'no_siret' };
  const siret = normaliseSiret(typed);
  const actor = userActor(signIn.userId);
  const now = services.clock.now();
  const outcome = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<ProconnectJoin> => {
    const found = await administrationOfSiret(trx, siret);
    if (!found) return { joined: false, reason: 'no_administration' };
    const { administration, serviceId } = found;
    if (administration.hidden) return { joined: false, reason: 'hidden' };
    if (await hasDeparted(trx, administration.id, signIn.userId)) return { joined: false, reason: 'departed' };
    const inserted = await insertMember(trx, {
      administrationId: administration.id,
      userId: signIn.userId,
      serviceId,
      joinedVia: 'proconnect',
      invitedBy: null,
      now,
    });
    if (!inserted) return { joined: false, reason: 'already_member' };
    await audit({
      action: 'commons.member-joined',
      subjectType: 'commons_administration',
      subjectId: administration.id,
      summary: { userId: signIn.userId, via: 'proconnect', serviceId },
    });
    return { joined: true, administrationId: administration.id, serviceId };
  });
  if (outcome.joined) await syncPartnerRole(services, actor, signIn.userId);
  return outcome;
}
