import type { Kysely, Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { addressOrPseudonym } from '../../core/auth/pseudonym.js';
import type { DB } from '../../core/db/schema.js';
import type { Locale } from '../../core/i18n/i18n.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { findOrCreateUserByEmail, grantRole, personColumn, requestMagicLink } from '../accounts/index.js';
import { JURY_INVITATION_MAIL } from './mails.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A member's profile as staff set it (expertise, topics, load) and the SIREN the reviewer declares. */
export interface MemberProfile {
  expertise: string;
  topics: string[];
  minLoad: number;
  maxLoad: number;
  siren: string;
}

export interface JuryMember extends MemberProfile {
  id: string;
  seasonId: string;
  userId: string;
  /** The member's address; once they erased their account, the pseudonym (never mail it: see `erased`). */
  email: string;
  name: string;
  /**
   * The person erased their account: their reviews, conflicts and bids stay and still count, under the
   * pseudonym, but they get no mail, no conflict detection by address and no new work.
   */
  erased: boolean;
  /** The language of the member's mails. */
  locale: Locale;
  invitedAt: Date;
  removedAt: Date | null;
}

/** "numerique, Données ,, accompagnement" → ['numerique', 'données', 'accompagnement'] (deduplicated, lower case). */
export function parseTopics(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].slice(0, 30);
}

function memberQuery(db: Db) {
  return db
    .selectFrom('jury_members as j')
    .select([
      'j.id',
      'j.season_id',
      'j.user_id',
      'j.expertise',
      'j.topics',
      'j.min_load',
      'j.max_load',
      'j.siren',
      'j.invited_at',
      'j.removed_at',
      personColumn('j.user_id', 'email').as('email'),
      personColumn('j.user_id', 'given_name').as('given_name'),
      personColumn('j.user_id', 'family_name').as('family_name'),
      personColumn('j.user_id', 'locale').as('locale'),
    ]);
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>['executeTakeFirstOrThrow']>>;

function toMember(r: MemberRow): JuryMember {
  return {
    id: r.id,
    seasonId: r.season_id,
    userId: r.user_id,
    email: addressOrPseudonym(r.email, r.user_id),
    name: [r.given_name, r.family_name].filter(Boolean).join(' ') || addressOrPseudonym(r.email, r.user_id),
    erased: r.email === null,
    locale: r.locale ?? 'fr',
    expertise: r.expertise,
    topics: r.topics,
    minLoad: r.min_load,
    maxLoad: r.max_load,
    siren: r.siren,
    invitedAt: new Date(r.invited_at),
    removedAt: r.removed_at ? new Date(r.removed_at) : null,
  };
}

/** The season's members; removed ones only when asked. */
export async function listMembers(
  db: Db,
  seasonId: string,
  options: { includeRemoved?: boolean } = {},
): Promise<JuryMember[]> {
  let q = memberQuery(db).where('j.season_id', '=', seasonId);
  if (!options.includeRemoved) q = q.where('j.removed_at', 'is', null);
  return (await q.orderBy(personColumn('j.user_id', 'email')).execute()).map(toMember);
}

export async function loadMember(db: Db, seasonId: string, memberId: string): Promise<JuryMember | null> {
  const row = await memberQuery(db).where('j.season_id', '=', seasonId).where('j.id', '=', memberId).executeTakeFirst();
  return row ? toMember(row) : null;
}

/** The active membership of a person on a season's jury, if any. */
export async function memberOfUser(db: Db, seasonId: string, userId: string): Promise<JuryMember | null> {
  const row = await memberQuery(db)
    .where('j.season_id', '=', seasonId)
    .where('j.user_id', '=', userId)
    .where('j.removed_at', 'is', null)
    .executeTakeFirst();
  return row ? toMember(row) : null;
}

/** Every active membership of a person (their seasons). */
export async function membershipsOfUser(db: Db, userId: string): Promise<JuryMember[]> {
  return (
    await memberQuery(db)
      .where('j.user_id', '=', userId)
      .where('j.removed_at', 'is', null)
      .orderBy('j.invited_at', 'desc')
      .execute()
  ).map(toMember);
}

export type InviteResult = { ok: true; memberId: string } | { ok: false; problem: 'already_member' };

/**
 * Invites a reviewer: creates the account if needed, adds (or brings back) the jury membership with its
 * profile, queues the invitation mail, grants the `reviewer` role and sends a magic sign-in link.
 */
export async function inviteReviewer(
  services: Services,
  actor: Actor,
  input: { seasonId: string; seasonName: string; email: string; profile: MemberProfile; locale: Locale },
): Promise<InviteResult> {
  const now = services.clock.now();
  const outcome = await auditedTransaction(
    services.db,
    actor,
    now,
    async (trx, audit): Promise<InviteResult & { userId?: string }> => {
      const { user } = await findOrCreateUserByEmail(trx, input.email, now, { applicant: false });
      const existing = await trx
        .selectFrom('jury_members')
        .select(['id', 'removed_at'])
        .where('season_id', '=', input.seasonId)
        .where('user_id', '=', user.id)
        .forUpdate()
        .executeTakeFirst();
      if (existing && existing.removed_at === null) return { ok: false, problem: 'already_member' };
      const values = {
        expertise: input.profile.expertise,
        topics: input.profile.topics,
        min_load: input.profile.minLoad,
        max_load: input.profile.maxLoad,
        siren: input.profile.siren,
        invited_at: now,
        invited_by: actor.id,
        removed_at: null,
      };
      const memberId = existing
        ? (
            await trx
              .updateTable('jury_members')
              .set(values)
              .where('id', '=', existing.id)
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : (
            await trx
              .insertInto('jury_members')
              .values({ season_id: input.seasonId, user_id: user.id, ...values })
              // Two staff inviting the same person at once: the second finds them on the jury.
              .onConflict((oc) => oc.columns(['season_id', 'user_id']).doNothing())
              .returning('id')
              .executeTakeFirst()
          )?.id;
      if (!memberId) return { ok: false, problem: 'already_member' };
      const link = new URL('/jury', services.config.baseUrl).toString();
      await queueMail(
        trx,
        {
          to: user.email,
          template: JURY_INVITATION_MAIL,
          locale: input.locale,
          data: { season: input.seasonName, link },
        },
        now,
      );
      await audit({
        action: 'review.member-invited',
        subjectType: 'jury_member',
        subjectId: memberId,
        summary: {
          season: input.seasonId,
          user: user.id,
          minLoad: input.profile.minLoad,
          maxLoad: input.profile.maxLoad,
        },
      });
      return { ok: true, memberId, userId: user.id };
    },
  );
  if (!outcome.ok) return outcome;
  // The role and the sign-in link are the accounts module's own use cases, each in its own transaction.
  await grantRole(services.db, actor, now, outcome.userId!, 'reviewer', '');
  // Counted per invited address, not per staff IP: inviting a whole jury must not hit the per-IP limit
  // (the per-address limit still holds).
  await requestMagicLink(services, {
    email: input.email,
    ip: `jury-invitation:${input.email}`,
    returnPath: '/jury',
    locale: input.locale,
  });
  return { ok: true, memberId: outcome.memberId };
}

export async function updateMember(
  services: Services,
  actor: Actor,
  member: JuryMember,
  profile: MemberProfile,
): Promise<void> {
  await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    await trx
      .updateTable('jury_members')
      .set({
        expertise: profile.expertise,
        topics: profile.topics,
        min_load: profile.minLoad,
        max_load: profile.maxLoad,
        siren: profile.siren,
      })
      .where('id', '=', member.id)
      .execute();
    await audit({
      action: 'review.member-updated',
      subjectType: 'jury_member',
      subjectId: member.id,
      summary: { minLoad: profile.minLoad, maxLoad: profile.maxLoad, topics: profile.topics },
    });
  });
}

/** The reviewer declares their organisation's SIREN (used by conflict detection). */
export async function setMemberSiren(
  services: Services,
  actor: Actor,
  member: JuryMember,
  siren: string,
): Promise<void> {
  await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    await trx.updateTable('jury_members').set({ siren }).where('id', '=', member.id).execute();
    await audit({
      action: 'review.member-siren',
      subjectType: 'jury_member',
      subjectId: member.id,
      summary: { siren },
    });
  });
}

/** Soft removal: the member keeps their history (reviews, conflicts) but takes no part in new runs. */
export async function removeMember(services: Services, actor: Actor, member: JuryMember): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    await trx
      .updateTable('jury_members')
      .set({ removed_at: now })
      .where('id', '=', member.id)
      .where('removed_at', 'is', null)
      .execute();
    await audit({ action: 'review.member-removed', subjectType: 'jury_member', subjectId: member.id });
  });
}
