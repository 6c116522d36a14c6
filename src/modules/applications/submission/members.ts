import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../core/audit/audit.js';
import { auditedTransaction } from '../../../core/audit/audit.js';
import type { CurrentUser } from '../../../core/auth/permissions.js';
import type { DB } from '../../../core/db/schema.js';
import { formatDateTime, type Message } from '../../../core/i18n/i18n.js';
import { queueMail } from '../../../core/mail/mailer.js';
import type { Services } from '../../../core/services.js';
import { loadSeasons } from '../../seasons/index.js';
import { INVITED_MAIL } from '../mails.js';
import { applicationMessages as m } from '../messages.js';
import { canInviteMembers } from '../policy.js';
import type { ApplicationRecord } from '../queries.js';
import { INVITATION_WINDOW_MS, MAX_CO_APPLICANTS, MAX_INVITATIONS_PER_DAY } from './limits.js';

export type InviteResult =
  | { ok: true }
  | { ok: false; message: Message; params?: Record<string, string | number>; limited?: true };

/**
 * The owner invites a co-applicant by email; the mail is queued in the same transaction. The mail
 * goes to an address the owner chose, so it carries nothing the owner typed (no title, no name):
 * only platform text, the season's name and the owner's address, which the owner proved by signing in.
 * Invitations are limited per application and per account over 24 hours (limits.ts).
 */
export async function inviteMember(
  services: Services,
  actor: Actor,
  owner: CurrentUser,
  application: ApplicationRecord,
  email: string,
): Promise<InviteResult> {
  if (!canInviteMembers(owner, application)) return { ok: false, message: m.ownerOnly };
  const address = email.toLowerCase();
  const now = services.clock.now();
  const [season] = await loadSeasons(services.db, { id: application.seasonId });
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<InviteResult> => {
    // One owner's invitations wait for each other, so parallel requests cannot pass the limits together.
    await sql`select pg_advisory_xact_lock(4, hashtext(${owner.id}))`.execute(trx);
    const limit = await invitationLimit(trx, owner.id, application.id, now);
    if (limit) return { ok: false, limited: true, ...limit };
    const inserted = await trx
      .insertInto('application_members')
      .values({
        application_id: application.id,
        email: address,
        user_id: null,
        role: 'co-applicant',
        invited_at: now,
        accepted_at: null,
      })
      .onConflict((oc) => oc.columns(['application_id', 'email']).doNothing())
      .returning('email')
      .executeTakeFirst();
    if (!inserted) return { ok: false, message: m.alreadyMember };
    const invitee = await trx.selectFrom('users').select('locale').where('email', '=', address).executeTakeFirst();
    const locale = invitee?.locale === 'en' ? 'en' : 'fr';
    const seasonName = season ? (locale === 'en' && season.nameEn ? season.nameEn : season.name) : '';
    await queueMail(
      trx,
      {
        to: address,
        template: INVITED_MAIL,
        locale,
        data: {
          inviter: owner.email,
          season: seasonName,
          email: address,
          url: `${services.config.baseUrl}/mes-candidatures/${application.id}`,
        },
      },
      now,
    );
    await audit({
      action: 'application.invite',
      subjectType: 'application',
      subjectId: application.id,
      summary: { role: 'co-applicant' },
    });
    return { ok: true };
  });
}

/** The limit an invitation now would pass, with what to tell the owner, or null. */
async function invitationLimit(
  trx: Transaction<DB>,
  ownerId: string,
  applicationId: string,
  now: Date,
): Promise<{ message: Message; params: Record<string, string | number> } | null> {
  const since = new Date(now.getTime() - INVITATION_WINDOW_MS);
  const counts = await trx
    .selectFrom('application_members')
    .innerJoin('applications', 'applications.id', 'application_members.application_id')
    .select((eb) => [
      eb.fn
        .countAll<string>()
        .filterWhere('application_members.application_id', '=', applicationId)
        .as('on_application'),
      eb.fn.countAll<string>().filterWhere('application_members.invited_at', '>', since).as('recent'),
      eb.fn
        .min('application_members.invited_at')
        .filterWhere('application_members.invited_at', '>', since)
        .as('oldest'),
    ])
    .where('applications.owner_id', '=', ownerId)
    .where('application_members.role', '=', 'co-applicant')
    .executeTakeFirstOrThrow();
  if (Number(counts.on_application) >= MAX_CO_APPLICANTS)
    return { message: m.tooManyCoApplicants, params: { max: MAX_CO_APPLICANTS } };
  if (Number(counts.recent) >= MAX_INVITATIONS_PER_DAY) {
    const freeAt = new Date(new Date(counts.oldest as Date | string).getTime() + INVITATION_WINDOW_MS);
    return {
      message: m.tooManyInvitations,
      params: { max: MAX_INVITATIONS_PER_DAY, time: formatDateTime('fr', freeAt) },
    };
  }
  return null;
}

/** The first visit of an invited person signed in with the invited address links their account. */
export async function acceptInvitation(
  services: Services,
  actor: Actor,
  user: CurrentUser,
  applicationId: string,
): Promise<void> {
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
