import { auditedTransaction, systemActor } from '../../core/audit/audit.js';
import { hashToken } from '../../core/auth/sessions.js';
import type { Services } from '../../core/services.js';
import { findOrCreateUserByEmail, grantRole } from '../accounts/index.js';

export interface InvitationRecord {
  memberId: string;
  panelId: string;
  panelName: string;
}

/** The pending invitation behind a link's token, or undefined (unknown, or already answered). */
export async function findInvitation(services: Services, token: string): Promise<InvitationRecord | undefined> {
  if (!token || token.length > 200) return undefined;
  const row = await services.db
    .selectFrom('panel_members')
    .innerJoin('panels', 'panels.id', 'panel_members.panel_id')
    .select(['panel_members.id', 'panels.id as panel_id', 'panels.name'])
    .where('invite_token_hash', '=', hashToken(token))
    .where('panel_members.status', '=', 'invited')
    .executeTakeFirst();
  return row ? { memberId: row.id, panelId: row.panel_id, panelName: row.name } : undefined;
}

/**
 * Accepts or declines an invitation (once). Accepting links the member to an account (created if needed)
 * and grants the panelist role, so they can sign in by magic link and give their opinions.
 */
export async function respondInvitation(
  services: Services,
  token: string,
  accept: boolean,
): Promise<'accepted' | 'declined' | 'invalid'> {
  const invitation = await findInvitation(services, token);
  if (!invitation) return 'invalid';
  const now = services.clock.now();
  const actor = { id: null, label: `panel-invitation:${invitation.memberId}` };
  const outcome = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const member = await trx
      .selectFrom('panel_members')
      .innerJoin('panel_volunteers', 'panel_volunteers.id', 'panel_members.volunteer_id')
      .select(['panel_members.id', 'panel_volunteers.email'])
      .where('panel_members.id', '=', invitation.memberId)
      .where('panel_members.status', '=', 'invited')
      .forUpdate()
      .executeTakeFirst();
    if (!member) return undefined;
    let userId: string | null = null;
    if (accept) userId = (await findOrCreateUserByEmail(trx, member.email, now, { applicant: false })).user.id;
    await trx
      .updateTable('panel_members')
      .set({ status: accept ? 'accepted' : 'declined', responded_at: now, user_id: userId })
      .where('id', '=', member.id)
      .execute();
    await audit({
      action: accept ? 'panel.invitation-accepted' : 'panel.invitation-declined',
      subjectType: 'panel_member',
      subjectId: member.id,
      summary: { panel: invitation.panelId },
    });
    return { userId };
  });
  if (!outcome) return 'invalid';
  if (outcome.userId) await grantRole(services.db, systemActor, now, outcome.userId, 'panelist', '');
  return accept ? 'accepted' : 'declined';
}
