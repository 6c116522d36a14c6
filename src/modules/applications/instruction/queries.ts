import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface ThreadMessage {
  id: string;
  author: string;
  fromStaff: boolean;
  body: string;
  at: Date;
}

export interface StaffNote {
  id: string;
  author: string;
  body: string;
  at: Date;
}

function authorName(row: { email: string | null; given_name: string | null; family_name: string | null }): string {
  return [row.given_name, row.family_name].filter(Boolean).join(' ') || row.email || '';
}

/** The thread of one application, oldest first (shown to its staff and its applicants). */
export async function listThread(db: Db, applicationId: string): Promise<ThreadMessage[]> {
  const rows = await db
    .selectFrom('application_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.from_staff', 'm.body', 'm.at', 'u.email', 'u.given_name', 'u.family_name'])
    .where('m.application_id', '=', applicationId)
    .orderBy('m.at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    author: authorName(r),
    fromStaff: r.from_staff,
    body: r.body,
    at: new Date(r.at),
  }));
}

/** The private staff notes of one application, oldest first. Only staff routes call this. */
export async function listNotes(db: Db, applicationId: string): Promise<StaffNote[]> {
  const rows = await db
    .selectFrom('application_notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.at', 'u.email', 'u.given_name', 'u.family_name'])
    .where('n.application_id', '=', applicationId)
    .orderBy('n.at')
    .orderBy('n.id')
    .execute();
  return rows.map((r) => ({ id: r.id, author: authorName(r), body: r.body, at: new Date(r.at) }));
}
