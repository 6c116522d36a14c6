import type { Kysely, Transaction } from 'kysely';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import type { ApplicationForReview } from '../applications/index.js';
import type { JuryMember } from './jury.js';
import type { ReviewBidsTable, ReviewConflictsTable } from './tables.js';

type Db = Kysely<DB> | Transaction<DB>;
export type ConflictSource = ReviewConflictsTable['source'];
export type BidValue = ReviewBidsTable['bid'];
export const DETECTED_SOURCES = [
  'organisation',
  'email_domain',
  'co_applicant',
] as const satisfies readonly ConflictSource[];
export const BIDS = ['eager', 'willing', 'not_willing'] as const satisfies readonly BidValue[];

/**
 * Webmail and consumer mail domains: sharing one says nothing about a common organisation. The
 * example.* domains are reserved for documentation (RFC 2606): no organisation uses them.
 * A domain matches if it is listed, or if its first label is a listed family (hotmail.*, yahoo.*, …).
 */
const WEBMAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.fr',
  'live.com',
  'live.fr',
  'msn.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'neuf.fr',
  'bbox.fr',
  'numericable.fr',
  'aliceadsl.fr',
  'club-internet.fr',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'gmx.fr',
  'gmx.com',
  'gmx.de',
  'aol.com',
  'aol.fr',
  'mail.com',
  'yandex.com',
  'yandex.ru',
  'zoho.com',
  'tutanota.com',
  'tuta.io',
  'posteo.net',
  'mailo.com',
  'netcourrier.com',
  'example.org',
  'example.com',
]);
const WEBMAIL_FAMILIES = new Set(['hotmail', 'yahoo', 'ymail', 'live', 'outlook', 'gmx']);

export function isWebmailDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return WEBMAIL_DOMAINS.has(d) || WEBMAIL_FAMILIES.has(d.split('.')[0]);
}

export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

export interface ConflictRow {
  id: string;
  applicationId: string;
  memberId: string;
  source: ConflictSource;
  reason: string;
  createdAt: Date;
}

export async function listConflicts(db: Db, seasonId: string): Promise<ConflictRow[]> {
  const rows = await db
    .selectFrom('review_conflicts as c')
    .innerJoin('jury_members as j', 'j.id', 'c.member_id')
    .select(['c.id', 'c.application_id', 'c.member_id', 'c.source', 'c.reason', 'c.created_at'])
    .where('j.season_id', '=', seasonId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    memberId: r.member_id,
    source: r.source,
    reason: r.reason,
    createdAt: new Date(r.created_at),
  }));
}

export async function listBids(
  db: Db,
  seasonId: string,
): Promise<Array<{ applicationId: string; memberId: string; bid: BidValue }>> {
  const rows = await db
    .selectFrom('review_bids as b')
    .innerJoin('jury_members as j', 'j.id', 'b.member_id')
    .select(['b.application_id', 'b.member_id', 'b.bid'])
    .where('j.season_id', '=', seasonId)
    .execute();
  return rows.map((r) => ({ applicationId: r.application_id, memberId: r.member_id, bid: r.bid }));
}

/** Records a conflict (idempotent per application, member and source: a second one keeps the first). */
export async function addConflict(
  services: Services,
  actor: Actor,
  input: { applicationId: string; memberId: string; source: 'declared' | 'recusal' | 'staff'; reason: string },
): Promise<void> {
  await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    const row = await trx
      .insertInto('review_conflicts')
      .values({
        application_id: input.applicationId,
        member_id: input.memberId,
        source: input.source,
        reason: input.reason,
        created_at: services.clock.now(),
        created_by: actor.id,
      })
      .onConflict((oc) => oc.columns(['application_id', 'member_id', 'source']).doUpdateSet({ reason: input.reason }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: `review.conflict-${input.source}`,
      subjectType: 'review_conflict',
      subjectId: row.id,
      summary: { application: input.applicationId, member: input.memberId, reason: input.reason },
    });
  });
}

/** Staff lift a conflict they added. Declarations, recusals and detected conflicts stay. Returns false if none. */
export async function liftStaffConflict(
  services: Services,
  actor: Actor,
  seasonId: string,
  conflictId: string,
): Promise<boolean> {
  return auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    const row = await trx
      .deleteFrom('review_conflicts')
      .where('id', '=', conflictId)
      .where('source', '=', 'staff')
      .where('member_id', 'in', trx.selectFrom('jury_members').select('id').where('season_id', '=', seasonId))
      .returning(['application_id', 'member_id'])
      .executeTakeFirst();
    if (!row) return false;
    await audit({
      action: 'review.conflict-lifted',
      subjectType: 'review_conflict',
      subjectId: conflictId,
      summary: { application: row.application_id, member: row.member_id },
    });
    return true;
  });
}

/** The reviewer's wish for an application; `null` clears it. */
export async function setBid(
  services: Services,
  actor: Actor,
  input: { applicationId: string; memberId: string; bid: BidValue | null },
): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    if (input.bid === null) {
      await trx
        .deleteFrom('review_bids')
        .where('application_id', '=', input.applicationId)
        .where('member_id', '=', input.memberId)
        .execute();
    } else {
      await trx
        .insertInto('review_bids')
        .values({ application_id: input.applicationId, member_id: input.memberId, bid: input.bid, updated_at: now })
        .onConflict((oc) =>
          oc.columns(['application_id', 'member_id']).doUpdateSet({ bid: input.bid!, updated_at: now }),
        )
        .execute();
    }
    await audit({
      action: 'review.bid',
      subjectType: 'jury_member',
      subjectId: input.memberId,
      summary: { application: input.applicationId, bid: input.bid },
    });
  });
}

export interface DetectedConflict {
  applicationId: string;
  memberId: string;
  source: (typeof DETECTED_SOURCES)[number];
  /** Machine reason (the shared SIREN or domain), shown through a message. */
  reason: string;
}

/** Pure: the conflicts the three rules find between these applications and members. */
export function detectConflicts(applications: ApplicationForReview[], members: JuryMember[]): DetectedConflict[] {
  const found: DetectedConflict[] = [];
  for (const member of members) {
    const domain = emailDomain(member.email);
    const ownDomain = domain && !isWebmailDomain(domain) ? domain : '';
    for (const app of applications) {
      if (member.siren && app.siren && member.siren === app.siren)
        found.push({ applicationId: app.id, memberId: member.id, source: 'organisation', reason: member.siren });
      if (ownDomain && app.emails.some((e) => emailDomain(e) === ownDomain))
        found.push({ applicationId: app.id, memberId: member.id, source: 'email_domain', reason: ownDomain });
      if (app.memberUserIds.includes(member.userId))
        found.push({ applicationId: app.id, memberId: member.id, source: 'co_applicant', reason: '' });
    }
  }
  return found;
}

/**
 * Stores the detected conflicts (idempotent: existing ones are kept, new ones added; a rule that no longer
 * holds removes its conflict). Returns how many were added. Run when staff open the assignment page and
 * before each solve. The conflicts of a member who erased their account are frozen.
 */
export async function refreshDetectedConflicts(
  services: Services,
  actor: Actor,
  seasonId: string,
  applications: ApplicationForReview[],
  everyMember: JuryMember[],
): Promise<number> {
  // A member who erased their account has no address or organisation left to judge by: their conflicts
  // stay as they were found (lifting one would let a conflicted review count and move the ranking).
  const members = everyMember.filter((m) => !m.erased);
  const detected = detectConflicts(applications, members);
  const key = (c: { applicationId: string; memberId: string; source: string }) =>
    `${c.applicationId}|${c.memberId}|${c.source}`;
  const existing = (await listConflicts(services.db, seasonId)).filter((c) =>
    (DETECTED_SOURCES as readonly string[]).includes(c.source),
  );
  const have = new Set(existing.map(key));
  const want = new Set(detected.map(key));
  const appIds = new Set(applications.map((a) => a.id));
  const memberIds = new Set(members.map((m) => m.id));
  const toAdd = detected.filter((c) => !have.has(key(c)));
  // Only judge pairs this run looked at: an application outside the list keeps its conflicts.
  const toRemove = existing.filter(
    (c) => !want.has(key(c)) && appIds.has(c.applicationId) && memberIds.has(c.memberId),
  );
  if (toAdd.length === 0 && toRemove.length === 0) return 0;
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    if (toAdd.length > 0) {
      await trx
        .insertInto('review_conflicts')
        .values(
          toAdd.map((c) => ({
            application_id: c.applicationId,
            member_id: c.memberId,
            source: c.source,
            reason: c.reason,
            created_at: now,
            created_by: null,
          })),
        )
        .onConflict((oc) => oc.columns(['application_id', 'member_id', 'source']).doNothing())
        .execute();
    }
    if (toRemove.length > 0)
      await trx
        .deleteFrom('review_conflicts')
        .where(
          'id',
          'in',
          toRemove.map((c) => c.id),
        )
        .execute();
    await audit({
      action: 'review.conflicts-detected',
      subjectType: 'season',
      subjectId: seasonId,
      summary: { added: toAdd.length, removed: toRemove.length },
    });
  });
  return toAdd.length;
}
