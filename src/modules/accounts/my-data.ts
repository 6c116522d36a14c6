import type { Kysely } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { pseudonymOf } from '../../core/auth/pseudonym.js';
import type { DB } from '../../core/db/schema.js';
import type { Locale } from '../../core/i18n/i18n.js';
import type { ErasureCounts } from '../../core/module.js';
import type { Services } from '../../core/services.js';
import { adminCount, LastAdminError } from './roles.js';
import { userActor } from './users.js';

export interface ProfileInput {
  givenName: string;
  familyName: string;
  locale: Locale;
}

export async function updateProfile(db: Kysely<DB>, userId: string, now: Date, input: ProfileInput): Promise<void> {
  await auditedTransaction(db, userActor(userId), now, async (trx, audit) => {
    const before = await trx
      .selectFrom('users')
      .select(['given_name', 'family_name', 'locale'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const after = { given_name: input.givenName || null, family_name: input.familyName || null, locale: input.locale };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return;
    await trx.updateTable('users').set(after).where('id', '=', userId).execute();
    // Field names only: the values are personal data and the audit log cannot be erased.
    await audit({
      action: 'accounts.profile-updated',
      subjectType: 'user',
      subjectId: userId,
      summary: { fields: changed },
    });
  });
}

/** Everything the platform holds about a person (right of access), without any secret. */
export async function exportUserData(db: Kysely<DB>, userId: string, now: Date) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('user_roles')
    .select(['role', 'track', 'granted_at', 'granted_by'])
    .where('user_id', '=', userId)
    .execute();
  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const mails = await db
    .selectFrom('mails')
    .select(['id', 'subject', 'text_body', 'template', 'locale', 'status', 'created_at', 'sent_at'])
    .where('to_address', '=', user.email)
    .orderBy('created_at')
    .execute();
  const auditEvents = await db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'action', 'subject_type', 'subject_id', 'summary'])
    .where('actor_id', '=', userId)
    .orderBy('seq')
    .execute();
  // A sign-in link still valid would open the account to whoever reads the file.
  const redacted = mails.map((mail) => ({
    ...mail,
    text_body: mail.text_body.replace(/jeton=[^\s&]+/g, 'jeton=[retiré/removed]'),
  }));
  return { exportedAt: now.toISOString(), user, roles, sessions, mails: redacted, auditEvents };
}

export class AlreadyErasedError extends Error {}

/**
 * Erases an account (right to erasure), in one transaction: each module erases its part first (drafts
 * never submitted go, the records the programme keeps are stripped of the person), then the account
 * loses its sessions, roles, sign-in links and the mail addressed to it, and its row becomes a pseudonym:
 * no address, no names, no SIRET, `erased_at` set. The row stays so that every record pointing at it
 * (submitted applications, reviews, conflicts, bids…) stays whole; the address is free for a new account.
 * The audit event says who asked and what each part did, in counts: the audit log is append-only.
 */
export async function eraseAccount(
  services: Services,
  userId: string,
  actor: Actor = userActor(userId),
): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const user = await trx
      .selectFrom('users')
      .select(['email'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.email === null) throw new AlreadyErasedError();
    const isAdmin = await trx
      .selectFrom('user_roles')
      .select('user_id')
      .where('user_id', '=', userId)
      .where('role', '=', 'admin')
      .executeTakeFirst();
    if (isAdmin) {
      await trx.selectFrom('user_roles').select('user_id').where('role', '=', 'admin').forUpdate().execute();
      if ((await adminCount(trx)) <= 1) throw new LastAdminError();
    }
    const person = { id: userId, email: user.email };
    const parts: Record<string, ErasureCounts> = {};
    for (const part of services.personalData) {
      if (part.erase) parts[part.name] = await part.erase({ services, trx, actor, now, audit }, person);
    }
    const sessions = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    await trx.deleteFrom('sign_in_tokens').where('email', '=', user.email).execute();
    const mails = await trx.deleteFrom('mails').where('to_address', '=', user.email).executeTakeFirst();
    await trx
      .updateTable('users')
      .set({
        email: null,
        given_name: pseudonymOf(userId),
        family_name: null,
        siret: null,
        proconnect_sub: null,
        last_sign_in_at: null,
        erased_at: now,
      })
      .where('id', '=', userId)
      .execute();
    parts.accounts = { sessionsDeleted: Number(sessions.numDeletedRows), mailsDeleted: Number(mails.numDeletedRows) };
    await audit({
      action: 'accounts.erased',
      subjectType: 'user',
      subjectId: userId,
      summary: {
        label: 'compte supprimé, personne pseudonymisée',
        requestedBy: actor.id === userId ? 'self' : actor.id,
        parts,
      },
    });
  });
}
