import type { Actor } from '../../core/audit/audit.js';
import { auditedTransaction } from '../../core/audit/audit.js';
import type { CurrentUser } from '../../core/auth/permissions.js';
import { displayName } from '../../core/auth/permissions.js';
import type { Message } from '../../core/i18n/i18n.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { INVITED_MAIL } from './mails.js';
import { applicationMessages as m } from './messages.js';
import type { ApplicationRecord } from './queries.js';

export type InviteResult = { ok: true } | { ok: false; message: Message };

/** The owner invites a co-applicant by email; the mail is queued in the same transaction. */
export async function inviteMember(services: Services, actor: Actor, owner: CurrentUser, application: ApplicationRecord, email: string): Promise<InviteResult> {
  if (application.ownerId !== owner.id) return { ok: false, message: m.ownerOnly };
  const address = email.toLowerCase();
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<InviteResult> => {
    const inserted = await trx
      .insertInto('application_members')
      .values({ application_id: application.id, email: address, user_id: null, role: 'co-applicant', invited_at: now, accepted_at: null })
      .onConflict((oc) => oc.columns(['application_id', 'email']).doNothing())
      .returning('email')
      .executeTakeFirst();
    if (!inserted) return { ok: false, message: m.alreadyMember };
    const invitee = await trx.selectFrom('users').select('locale').where('email', '=', address).executeTakeFirst();
    const locale = invitee?.locale === 'en' ? 'en' : 'fr';
    await queueMail(
      trx,
      {
        to: address,
        template: INVITED_MAIL,
        locale,
        data: { inviter: displayName(owner), title: application.title || '—', email: address, url: `${services.config.baseUrl}/mes-candidatures/${application.id}` },
      },
      now,
    );
    await audit({ action: 'application.invite', subjectType: 'application', subjectId: application.id, summary: { role: 'co-applicant' } });
    return { ok: true };
  });
}

/** The first visit of an invited person signed in with the invited address links their account. */
export async function acceptInvitation(services: Services, actor: Actor, user: CurrentUser, applicationId: string): Promise<void> {
  const pending = await services.db
    .selectFrom('application_members')
    .select('email')
    .where('application_id', '=', applicationId)
    .where('email', '=', user.email.toLowerCase())
    .where('user_id', 'is', null)
    .executeTakeFirst();
  if (!pending) return;
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    await trx
      .updateTable('application_members')
      .set({ user_id: user.id, accepted_at: now })
      .where('application_id', '=', applicationId)
      .where('email', '=', pending.email)
      .where('user_id', 'is', null)
      .execute();
    await audit({ action: 'application.accept_invitation', subjectType: 'application', subjectId: applicationId });
  });
}
