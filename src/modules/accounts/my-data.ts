import type { Kysely } from 'kysely';
import { auditedTransaction, type Actor } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import type { Locale } from '../../core/i18n/i18n.js';
import { adminCount, LastAdminError } from './roles.js';
import { userActor } from './users.js';

export interface ProfileInput {
  givenName: string;
  familyName: string;
  locale: Locale;
}

export async function updateProfile(db: Kysely<DB>, userId: string, now: Date, input: ProfileInput): Promise<void> {
  await auditedTransaction(db, userActor(userId), now, async (trx, audit) => {
    const before = await trx.selectFrom('users').select(['given_name', 'family_name', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow();
    const after = { given_name: input.givenName || null, family_name: input.familyName || null, locale: input.locale };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return;
    await trx.updateTable('users').set(after).where('id', '=', userId).execute();
    // Field names only: the values are personal data and the audit log cannot be erased.
    await audit({ action: 'accounts.profile-updated', subjectType: 'user', subjectId: userId, summary: { fields: changed } });
  });
}

/** Everything the platform holds about a person (right of access), without any secret. */
export async function exportUserData(db: Kysely<DB>, userId: string, now: Date) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const roles = await db.selectFrom('user_roles').select(['role', 'track', 'granted_at', 'granted_by']).where('user_id', '=', userId).execute();
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
  const redacted = mails.map((mail) => ({ ...mail, text_body: mail.text_body.replace(/jeton=[^\s&]+/g, 'jeton=[retiré/removed]') }));
  return { exportedAt: now.toISOString(), user, roles, sessions, mails: redacted, auditEvents };
}

/**
 * Erases an account: sessions, roles and the user row go; mails addressed to them too. The
 * audit log is append-only, and holds only ids, so an `accounts.erased` event is all it needs.
 */
export async function eraseAccount(db: Kysely<DB>, userId: string, now: Date, actor: Actor = userActor(userId)): Promise<void> {
  await auditedTransaction(db, actor, now, async (trx, audit) => {
    const isAdmin = await trx.selectFrom('user_roles').select('user_id').where('user_id', '=', userId).where('role', '=', 'admin').executeTakeFirst();
    if (isAdmin) {
      await trx.selectFrom('user_roles').select('user_id').where('role', '=', 'admin').forUpdate().execute();
      if ((await adminCount(trx)) <= 1) throw new LastAdminError();
    }
    const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    await trx.deleteFrom('sign_in_tokens').where('email', '=', user.email).execute();
    await trx.deleteFrom('mails').where('to_address', '=', user.email).execute();
    await trx.deleteFrom('users').where('id', '=', userId).execute();
    await audit({ action: 'accounts.erased', subjectType: 'user', subjectId: userId, summary: { label: 'compte supprimé' } });
  });
}
