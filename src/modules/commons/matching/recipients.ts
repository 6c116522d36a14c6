import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { peopleByIds } from '../../accounts/index.js';
import type { NeedRow } from './queries.js';
import { visibilitiesFor } from './queries.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Who a contact reaches, and through which rule (said on the form: a commons without referents falls back). */
export interface Recipients {
  userIds: string[];
  via: 'referents' | 'maintainers' | 'need-authors';
}

/** People who can be written to: an account with an address, not erased, not the sender; sorted, deduplicated. */
async function reachable(db: Db, ids: readonly string[], senderId: string): Promise<string[]> {
  const people = await peopleByIds(
    db,
    ids.filter((id) => id !== senderId),
  );
  return [...people.values()]
    .filter((p) => !p.erased && p.email)
    .map((p) => p.id)
    .sort();
}

/**
 * The referents of a commons (catalogi#243: one form to every referent): the referents of its use cases the
 * sender may see (not hidden; members-only ones for members of the space), each once. With none, its
 * maintainers.
 */
export async function commonsRecipients(
  db: Db,
  commonsId: string,
  senderId: string,
  members: boolean,
): Promise<Recipients> {
  const referents = await db
    .selectFrom('commons_referents as r')
    .innerJoin('commons_use_cases as u', 'u.id', 'r.use_case_id')
    .innerJoin('commons_administrations as a', 'a.id', 'u.administration_id')
    .select('r.user_id')
    .distinct()
    .where('u.commons_id', '=', commonsId)
    .where('u.hidden', '=', false)
    .where('u.visibility', 'in', visibilitiesFor(members))
    .where('a.hidden', '=', false)
    .execute();
  const fromReferents = await reachable(
    db,
    referents.map((r) => r.user_id),
    senderId,
  );
  if (fromReferents.length > 0) return { userIds: fromReferents, via: 'referents' };
  const maintainers = await db
    .selectFrom('commons_maintainers')
    .select('user_id')
    .where('commons_id', '=', commonsId)
    .execute();
  return {
    userIds: await reachable(
      db,
      maintainers.map((m) => m.user_id),
      senderId,
    ),
    via: 'maintainers',
  };
}

/**
 * A need's authors: the person who posted it, and the members of its administration (an administration's
 * need) or the maintainers of its commons (a commons' need or offer), each once.
 */
export async function needRecipients(db: Db, need: NeedRow, senderId: string): Promise<Recipients> {
  const ids = need.createdBy ? [need.createdBy] : [];
  if (need.administrationId) {
    const members = await db
      .selectFrom('commons_administration_members')
      .select('user_id')
      .where('administration_id', '=', need.administrationId)
      .execute();
    ids.push(...members.map((m) => m.user_id));
  }
  if (need.commonsId) {
    const maintainers = await db
      .selectFrom('commons_maintainers')
      .select('user_id')
      .where('commons_id', '=', need.commonsId)
      .execute();
    ids.push(...maintainers.map((m) => m.user_id));
  }
  return { userIds: await reachable(db, ids, senderId), via: 'need-authors' };
}
