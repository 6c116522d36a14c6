import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from 'kysely';
import type { UsersTable } from '../../core/db/core-tables.js';
import type { DB } from '../../core/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What other modules may know of a person: who they are and how to write to them, not the account's insides. */
export interface Person {
  id: string;
  /** Null once the account is erased (the person stays, pseudonymised). */
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  locale: 'fr' | 'en';
  erased: boolean;
}

/** Given and family names, as far as they are known ('' when neither is). */
export function personName(person: Pick<Person, 'givenName' | 'familyName'>): string {
  return [person.givenName, person.familyName].filter(Boolean).join(' ');
}

const PERSON_COLUMNS = ['id', 'email', 'given_name', 'family_name', 'locale', 'erased_at'] as const;

function toPerson(row: Pick<Selectable<UsersTable>, (typeof PERSON_COLUMNS)[number]>): Person {
  return {
    id: row.id,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    locale: row.locale === 'en' ? 'en' : 'fr',
    erased: row.erased_at !== null,
  };
}

/** The people with these ids, by id: one query, whatever the number of ids (callers batch, never loop). */
export async function peopleByIds(db: Db, ids: readonly string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(PERSON_COLUMNS).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, toPerson(row)]));
}

/** The person with this id, if there is one. */
export async function personById(db: Db, id: string): Promise<Person | undefined> {
  return (await peopleByIds(db, [id])).get(id);
}

/** The person with this address, if they have an account. */
export async function personByEmail(db: Db, email: string): Promise<Person | undefined> {
  const row = await db.selectFrom('users').select(PERSON_COLUMNS).where('email', '=', email).executeTakeFirst();
  return row ? toPerson(row) : undefined;
}

/**
 * The staff who see a track (those of every track included), with an address: whom to tell when no one follows.
 * `role` picks another staff role than `staff` (the grants tell `finance` of a submitted financial report).
 */
export async function staffOfTrack(db: Db, trackCode: string, role: 'staff' | 'finance' = 'staff'): Promise<Person[]> {
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('users', 'users.id', 'r.user_id')
    .select(PERSON_COLUMNS.map((column) => `users.${column}` as const))
    .distinct()
    .where('r.role', '=', role)
    .where((eb) => eb.or([eb('r.track', '=', ''), eb('r.track', '=', trackCode)]))
    .where('users.email', 'is not', null)
    .execute();
  return rows.map(toPerson);
}

/** A staff member who holds some roles, with where to write and the tracks they see (undefined: every track). */
export interface StaffMember {
  id: string;
  email: string;
  locale: 'fr' | 'en';
  tracks: string[] | undefined;
}

/**
 * The people holding any of these roles (a permission's roles: `PERMISSIONS[p]`), with an address and not
 * erased, each with the tracks their grants of these roles cover (an admin grant, or one without a track,
 * covers every track): whom a digest of a permission's work goes to, and what it may show them.
 */
export async function staffWithPermission(db: Db, roles: readonly string[]): Promise<StaffMember[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('users', 'users.id', 'r.user_id')
    .select(['users.id', 'users.email', 'users.locale', 'r.role', 'r.track'])
    .where('r.role', 'in', roles as string[])
    .where('users.email', 'is not', null)
    .where('users.erased_at', 'is', null)
    .orderBy('users.id')
    .execute();
  const members = new Map<string, StaffMember>();
  for (const row of rows) {
    const member = members.get(row.id) ?? {
      id: row.id,
      email: row.email!,
      locale: row.locale === 'en' ? ('en' as const) : ('fr' as const),
      tracks: [],
    };
    if (row.role === 'admin' || row.track === '') member.tracks = undefined;
    else if (member.tracks && !member.tracks.includes(row.track)) member.tracks.push(row.track);
    members.set(row.id, member);
  }
  return [...members.values()];
}

type PersonColumn = 'email' | 'given_name' | 'family_name' | 'locale' | 'erased_at';

/**
 * One column of the person a row points to, as a query fragment another module embeds in its own statement
 * (`.select(personColumn('a.owner_id', 'email').as('owner_email'))`, or in a where): a list keeps one SQL
 * statement, each row's person found by primary key, and the users table's name and shape stay inside accounts.
 */
export function personColumn<C extends PersonColumn>(
  userIdColumn: string,
  column: C,
): RawBuilder<Selectable<UsersTable>[C] | null> {
  return sql<
    Selectable<UsersTable>[C] | null
  >`(select ${sql.ref(`users.${column}`)} from users where users.id = ${sql.ref(userIdColumn)})`;
}

/**
 * Synthetic people for load tests (`applications seed`): `count` accounts at `<batch>-<n>@example.invalid`,
 * n from 1, made in one statement; syntheticPersonId and syntheticPeopleIds find them again inside SQL.
 */
export async function createSyntheticPeople(trx: Db, batch: string, count: number): Promise<void> {
  await sql`
    insert into users (email)
    select ${batch} || '-' || g || '@example.invalid' from generate_series(1, ${count}) g`.execute(trx);
}

/** The id of synthetic person n of a batch, n being an SQL column or expression, as a fragment. */
export function syntheticPersonId(batch: string, n: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(select users.id from users where users.email = ${batch} || '-' || ${n} || '@example.invalid')`;
}

/** The ids of a batch's synthetic people, as a subquery fragment (`owner_id in (…)`). */
export function syntheticPeopleIds(batch: string): RawBuilder<string> {
  return sql<string>`(select users.id from users where users.email like ${`${batch}-%`})`;
}
