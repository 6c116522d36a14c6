import type { Kysely, Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../../core/audit/audit.js';
import { hashToken } from '../../../core/auth/sessions.js';
import type { DB } from '../../../core/db/schema.js';
import type { Services } from '../../../core/services.js';
import { syncPartnerRole } from '../membership.js';
import { insertMember } from './member-rows.js';
import { type Administration, administrationById, mergeTarget } from './queries.js';

export interface Invitation {
  id: string;
  administrationId: string;
  email: string;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
}

/** The invitation a link's token opens (only its hash is stored). */
export async function invitationByToken(
  db: Kysely<DB> | Transaction<DB>,
  token: string,
): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('commons_invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    administrationId: row.administration_id,
    email: row.email,
    invitedBy: row.invited_by,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    acceptedAt: row.accepted_at ? new Date(row.accepted_at) : null,
    acceptedBy: row.accepted_by,
  };
}

/**
 * What an invitation is for the person who opens it: `open` (they may accept it), `accepted` (they did),
 * `used` (someone did), `expired`, `wrong_account` (sent to another address than theirs: they sign in with
 * that one), `unavailable` (staff hid the administration).
 */
export type InvitationState = 'open' | 'accepted' | 'used' | 'expired' | 'wrong_account' | 'unavailable';

export function invitationState(
  invitation: Invitation,
  administration: Pick<Administration, 'hidden'>,
  person: { id: string; email: string },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return invitation.acceptedBy === person.id ? 'accepted' : 'used';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (invitation.email.toLowerCase() !== person.email.toLowerCase()) return 'wrong_account';
  if (administration.hidden) return 'unavailable';
  return 'open';
}

export type AcceptResult =
  | { ok: true; slug: string; joined: boolean }
  | { ok: false; problem: 'not_found' | Exclude<InvitationState, 'open' | 'accepted'> };

/**
 * The invited person, signed in with the address the invitation was sent to, accepts it: they join the
 * administration (or the one it was merged into), the invitation is used up, they hold the partner role.
 * Accepting twice, or with a link already used, joins nobody again.
 */
export async function acceptInvitation(
  services: Services,
  actor: Actor,
  input: { token: string; person: { id: string; email: string } },
): Promise<AcceptResult> {
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<AcceptResult> => {
    const invitation = await invitationByToken(trx, input.token);
    if (!invitation) return { ok: false, problem: 'not_found' };
    const found = await administrationById(trx, invitation.administrationId);
    if (!found) return { ok: false, problem: 'not_found' };
    const administration = await mergeTarget(trx, found);
    const state = invitationState(invitation, administration, input.person, now);
    if (state === 'accepted') return { ok: true, slug: administration.slug, joined: false };
    if (state !== 'open') return { ok: false, problem: state };
    // Claiming the row makes the link single-use, even with two clicks at once.
    const claimed = await trx
      .updateTable('commons_invitations')
      .set({ accepted_at: now, accepted_by: input.person.id })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) return { ok: false, problem: 'used' };
    const joined = await insertMember(trx, {
      administrationId: administration.id,
      userId: input.person.id,
      serviceId: null,
      joinedVia: 'invitation',
      invitedBy: invitation.invitedBy,
      now,
    });
    await audit({
      action: 'commons.member-joined',
      subjectType: 'commons_administration',
      subjectId: administration.id,
      summary: { userId: input.person.id, via: 'invitation', invitationId: invitation.id, alreadyMember: !joined },
    });
    return { ok: true, slug: administration.slug, joined };
  });
  if (result.ok && result.joined) await syncPartnerRole(services, actor, input.person.id);
  return result;
}
