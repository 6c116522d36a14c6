import { sql, type Transaction } from 'kysely';
import { type Actor, type AuditRecorder, auditedTransaction } from '../../../core/audit/audit.js';
import { hashToken, newToken } from '../../../core/auth/sessions.js';
import type { DB } from '../../../core/db/schema.js';
import { formatDate } from '../../../core/i18n/i18n.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { personByEmail } from '../../accounts/index.js';
import { INVITATION_MAIL } from './mails.js';

/** How long an invitation's link works. */
export const INVITATION_DAYS = 14;
/** How many invitations one member may send in a day (a member's account is not a mailing tool). */
export const INVITATIONS_PER_DAY = 30;
const DAY_MS = 24 * 3600_000;

export const INVITATIONS_PATH = '/cooperation/invitations';

export interface InviteInput {
  administrationId: string;
  administrationName: string;
  /** Lower-case, checked address. */
  email: string;
  /** The member (or staff member) who invites. */
  invitedBy: string;
  /** Their name as the mail shows it; null for the programme's staff (an import). */
  inviterName: string | null;
  /** Counts the inviter's invitations of the last day against INVITATIONS_PER_DAY (members; not staff's imports). */
  limited: boolean;
}

export type InviteResult =
  | { ok: true; invitationId: string }
  | { ok: false; problem: 'already_member' | 'already_invited' | 'too_many' };

/**
 * Invites an address to join an administration, inside the caller's audited transaction: a random token whose
 * hash only is kept, valid 14 days and once, mailed to the address (in the language of its account, French
 * otherwise). Nothing is sent to a member, nor again while an invitation to the same address is pending.
 */
export async function inviteIn(
  trx: Transaction<DB>,
  audit: AuditRecorder,
  services: Pick<Services, 'config'>,
  now: Date,
  input: InviteInput,
): Promise<InviteResult> {
  const person = await personByEmail(trx, input.email);
  if (person) {
    const member = await trx
      .selectFrom('commons_administration_members')
      .select('user_id')
      .where('administration_id', '=', input.administrationId)
      .where('user_id', '=', person.id)
      .executeTakeFirst();
    if (member) return { ok: false, problem: 'already_member' };
  }
  const pending = await trx
    .selectFrom('commons_invitations')
    .select('id')
    .where('administration_id', '=', input.administrationId)
    .where('email', '=', input.email)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (pending) return { ok: false, problem: 'already_invited' };
  if (input.limited) {
    const sent = await trx
      .selectFrom('commons_invitations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('invited_by', '=', input.invitedBy)
      .where('created_at', '>', new Date(now.getTime() - DAY_MS))
      .executeTakeFirstOrThrow();
    if (Number(sent.n) >= INVITATIONS_PER_DAY) return { ok: false, problem: 'too_many' };
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
  const row = await trx
    .insertInto('commons_invitations')
    .values({
      administration_id: input.administrationId,
      email: input.email,
      token_hash: hashToken(token),
      invited_by: input.invitedBy,
      created_at: now,
      expires_at: expiresAt,
      accepted_at: null,
      accepted_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const locale = person?.locale ?? 'fr';
  await queueMail(
    trx,
    {
      to: input.email,
      template: INVITATION_MAIL,
      locale,
      data: {
        administration: input.administrationName,
        inviter: input.inviterName ?? '',
        expires: formatDate(locale, expiresAt),
        url: `${services.config.baseUrl}${INVITATIONS_PATH}/${token}`,
      },
    },
    now,
  );
  // The address stays out of the audit log (it outlives an erasure): the invitation's id says which.
  await audit({
    action: 'commons.member-invited',
    subjectType: 'commons_administration',
    subjectId: input.administrationId,
    summary: { invitationId: row.id, existingAccount: person !== undefined },
  });
  return { ok: true, invitationId: row.id };
}

/** A member invites a colleague by address. */
export async function inviteMember(services: Services, actor: Actor, input: InviteInput): Promise<InviteResult> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, (trx, audit) => inviteIn(trx, audit, services, now, input));
}

/** A member or staff withdraws a pending invitation: its link stops working. */
export async function withdrawInvitation(
  services: Services,
  actor: Actor,
  input: { administrationId: string; invitationId: string },
): Promise<boolean> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const deleted = await trx
      .deleteFrom('commons_invitations')
      .where('id', '=', input.invitationId)
      .where('administration_id', '=', input.administrationId)
      .where('accepted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!deleted) return false;
    await audit({
      action: 'commons.invitation-withdrawn',
      subjectType: 'commons_administration',
      subjectId: input.administrationId,
      summary: { invitationId: input.invitationId },
    });
    return true;
  });
}
