import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { peopleByIds, personName } from '../../accounts/index.js';
import type { ContactOutcome, ContactTarget } from '../tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A contact through the platform as its parties see it. */
export interface Contact {
  id: string;
  target: ContactTarget;
  subject: string;
  senderId: string;
  recipientIds: string[];
  senderAdministration: { id: string; name: string } | null;
  /** What it is about: a commons (its page) or a need (its page). */
  about: { kind: 'commons' | 'need'; title: string; href: string };
  createdAt: Date;
  answeredAt: Date | null;
  followUpAt: Date;
  followedUpAt: Date | null;
  outcome: ContactOutcome | null;
  outcomeNote: string | null;
  outcomeAt: Date | null;
}

export async function contactById(db: Db, id: string): Promise<Contact | undefined> {
  const row = await db
    .selectFrom('commons_contacts as k')
    .leftJoin('commons as c', 'c.id', 'k.commons_id')
    .leftJoin('commons_needs as n', 'n.id', 'k.need_id')
    .leftJoin('commons_administrations as a', 'a.id', 'k.sender_administration_id')
    .select([
      'k.id',
      'k.target',
      'k.subject',
      'k.sender_id',
      'k.sender_administration_id',
      'a.name as sender_administration_name',
      'k.commons_id',
      'c.name as commons_name',
      'c.slug as commons_slug',
      'k.need_id',
      'n.title as need_title',
      'k.created_at',
      'k.answered_at',
      'k.follow_up_at',
      'k.followed_up_at',
      'k.outcome',
      'k.outcome_note',
      'k.outcome_at',
    ])
    .where('k.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const recipients = await db
    .selectFrom('commons_contact_recipients')
    .select('user_id')
    .where('contact_id', '=', id)
    .orderBy('user_id')
    .execute();
  return {
    id: row.id,
    target: row.target,
    subject: row.subject,
    senderId: row.sender_id,
    recipientIds: recipients.map((r) => r.user_id),
    senderAdministration: row.sender_administration_id
      ? { id: row.sender_administration_id, name: row.sender_administration_name ?? '' }
      : null,
    about:
      row.target === 'commons_referents'
        ? { kind: 'commons', title: row.commons_name ?? '', href: `/cooperation/communs/${row.commons_slug ?? ''}` }
        : { kind: 'need', title: row.need_title ?? '', href: `/cooperation/besoins/${row.need_id ?? ''}` },
    createdAt: row.created_at,
    answeredAt: row.answered_at,
    followUpAt: row.follow_up_at,
    followedUpAt: row.followed_up_at,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    outcomeAt: row.outcome_at,
  };
}

/** The viewer's place in a contact: its sender, one of its recipients, or none (then it does not exist for them). */
export function partyOf(contact: Contact, userId: string): 'sender' | 'recipient' | null {
  if (contact.senderId === userId) return 'sender';
  return contact.recipientIds.includes(userId) ? 'recipient' : null;
}

export interface ExchangeMessage {
  id: string;
  authorId: string;
  body: string;
  createdAt: Date;
  /** Whether the viewer wrote it. */
  mine: boolean;
  /** The author's side. */
  side: 'sender' | 'recipient';
  /** Name and address, once the exchange is answered; null before (addresses stay hidden). */
  identity: { name: string; email: string } | null;
}

/**
 * The exchange as a party reads it. Before the first answer nobody's name or address is shown (the sender is
 * "someone of <administration>", the recipients are counted, not named); from the first answer, everyone who
 * has written in the exchange is shown with their name and address to every party. Recipients who have not
 * written stay unnamed.
 */
export async function exchangeOf(db: Db, contact: Contact, viewerId: string): Promise<ExchangeMessage[]> {
  const rows = await db
    .selectFrom('commons_contact_messages')
    .select(['id', 'author_id', 'body', 'created_at'])
    .where('contact_id', '=', contact.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const people = contact.answeredAt ? await peopleByIds(db, [...new Set(rows.map((r) => r.author_id))]) : new Map();
  return rows.map((row) => {
    const person = people.get(row.author_id);
    return {
      id: row.id,
      authorId: row.author_id,
      body: row.body,
      createdAt: row.created_at,
      mine: row.author_id === viewerId,
      side: row.author_id === contact.senderId ? 'sender' : 'recipient',
      identity:
        contact.answeredAt && person && !person.erased && person.email
          ? { name: personName(person) || person.email, email: person.email }
          : null,
    };
  });
}

/** Contacts a person sent or received, newest first, for their space. */
export interface ContactSummary {
  id: string;
  subject: string;
  aboutTitle: string;
  createdAt: Date;
  answeredAt: Date | null;
  outcome: ContactOutcome | null;
  recipients: number;
}

export async function contactsOfPerson(
  db: Db,
  userId: string,
): Promise<{ sent: ContactSummary[]; received: ContactSummary[] }> {
  const base = db
    .selectFrom('commons_contacts as k')
    .leftJoin('commons as c', 'c.id', 'k.commons_id')
    .leftJoin('commons_needs as n', 'n.id', 'k.need_id')
    .select(['k.id', 'k.subject', 'k.created_at', 'k.answered_at', 'k.outcome', 'c.name as commons_name'])
    .select(['n.title as need_title'])
    .select((eb) =>
      eb
        .selectFrom('commons_contact_recipients as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.contact_id', '=', 'k.id')
        .as('recipients'),
    );
  const [sent, received] = await Promise.all([
    base.where('k.sender_id', '=', userId).orderBy('k.created_at', 'desc').orderBy('k.id').execute(),
    base
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('commons_contact_recipients as r')
            .select('r.user_id')
            .whereRef('r.contact_id', '=', 'k.id')
            .where('r.user_id', '=', userId),
        ),
      )
      .orderBy('k.created_at', 'desc')
      .orderBy('k.id')
      .execute(),
  ]);
  const toSummary = (r: (typeof sent)[number]): ContactSummary => ({
    id: r.id,
    subject: r.subject,
    aboutTitle: r.commons_name ?? r.need_title ?? '',
    createdAt: r.created_at,
    answeredAt: r.answered_at,
    outcome: r.outcome,
    recipients: Number(r.recipients ?? 0),
  });
  return { sent: sent.map(toSummary), received: received.map(toSummary) };
}
