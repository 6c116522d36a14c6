import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { NeedKind, UseCaseStatus } from '../tables.js';
import { type ContactSummary, contactsOfPerson } from './exchange.js';

/** What a person does in the cooperation space, for their own page (/cooperation/mon-espace). */
export interface PersonSpace {
  administrations: { id: string; slug: string; name: string }[];
  commons: { id: string; slug: string; name: string }[];
  useCases: { id: string; title: string; commons: string; administration: string; status: UseCaseStatus }[];
  needs: { id: string; title: string; kind: NeedKind; owner: string; closed: boolean }[];
  sent: ContactSummary[];
  received: ContactSummary[];
  /** Received contacts nobody has answered yet. */
  unanswered: number;
}

export async function personSpace(db: Kysely<DB>, userId: string): Promise<PersonSpace> {
  const [administrations, commons, useCases, needs, contacts] = await Promise.all([
    db
      .selectFrom('commons_administration_members as m')
      .innerJoin('commons_administrations as a', 'a.id', 'm.administration_id')
      .select(['a.id', 'a.slug', 'a.name'])
      .where('m.user_id', '=', userId)
      .orderBy('a.name')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('commons_maintainers as m')
      .innerJoin('commons as c', 'c.id', 'm.commons_id')
      .select(['c.id', 'c.slug', 'c.name'])
      .where('m.user_id', '=', userId)
      .orderBy('c.name')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('commons_referents as r')
      .innerJoin('commons_use_cases as u', 'u.id', 'r.use_case_id')
      .innerJoin('commons as c', 'c.id', 'u.commons_id')
      .innerJoin('commons_administrations as a', 'a.id', 'u.administration_id')
      .select(['u.id', 'u.title', 'u.status', 'c.name as commons', 'a.name as administration'])
      .where('r.user_id', '=', userId)
      .orderBy('u.title')
      .orderBy('u.id')
      .execute(),
    db
      .selectFrom('commons_needs as n')
      .leftJoin('commons_administrations as a', 'a.id', 'n.administration_id')
      .leftJoin('commons as c', 'c.id', 'n.commons_id')
      .select(['n.id', 'n.title', 'n.kind', 'n.closed_at', 'a.name as administration', 'c.name as commons'])
      .where('n.created_by', '=', userId)
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id')
      .execute(),
    contactsOfPerson(db, userId),
  ]);
  return {
    administrations,
    commons,
    useCases,
    needs: needs.map((n) => ({
      id: n.id,
      title: n.title,
      kind: n.kind,
      owner: n.administration ?? n.commons ?? '',
      closed: n.closed_at !== null,
    })),
    sent: contacts.sent,
    received: contacts.received,
    unanswered: contacts.received.filter((c) => !c.answeredAt).length,
  };
}
