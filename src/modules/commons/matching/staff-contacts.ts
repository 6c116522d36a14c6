import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { ContactOutcome, ContactTarget } from '../tables.js';
import './tables.js';

/** A contact as staff follow it: what it was about and what came of it, never its messages. */
export interface StaffContactRow {
  id: string;
  target: ContactTarget;
  about: string;
  lever: string | null;
  senderAdministration: string | null;
  recipients: number;
  createdAt: Date;
  answeredAt: Date | null;
  followedUpAt: Date | null;
  outcome: ContactOutcome | null;
  outcomeNote: string | null;
  outcomeAt: Date | null;
}

/** Contacts newest first; `page` (1-based) of `size`, or all of them when `size` is undefined (the CSV). */
export async function contactsForStaff(
  db: Kysely<DB>,
  options: { page?: number; size?: number } = {},
): Promise<{ rows: StaffContactRow[]; total: number }> {
  let query = db
    .selectFrom('commons_contacts as k')
    .leftJoin('commons as c', 'c.id', 'k.commons_id')
    .leftJoin('commons_needs as n', 'n.id', 'k.need_id')
    .leftJoin('commons_administrations as a', 'a.id', 'k.sender_administration_id')
    .select([
      'k.id',
      'k.target',
      'c.name as commons_name',
      'n.title as need_title',
      'n.lever',
      'a.name as sender_administration',
      'k.created_at',
      'k.answered_at',
      'k.followed_up_at',
      'k.outcome',
      'k.outcome_note',
      'k.outcome_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('commons_contact_recipients as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.contact_id', '=', 'k.id')
        .as('recipients'),
    )
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id');
  if (options.size) query = query.limit(options.size).offset(((options.page ?? 1) - 1) * options.size);
  const [rows, total] = await Promise.all([
    query.execute(),
    db
      .selectFrom('commons_contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.id,
      target: r.target,
      about: (r.target === 'commons_referents' ? r.commons_name : r.need_title) ?? '',
      lever: r.lever ?? null,
      senderAdministration: r.sender_administration ?? null,
      recipients: Number(r.recipients ?? 0),
      createdAt: r.created_at,
      answeredAt: r.answered_at,
      followedUpAt: r.followed_up_at,
      outcome: r.outcome,
      outcomeNote: r.outcome_note,
      outcomeAt: r.outcome_at,
    })),
  };
}
