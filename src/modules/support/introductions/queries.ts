import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { OrganisationCheck } from '../../applications/index.js';
import type { IntroductionOutcome, IntroductionStatus } from '../tables.js';
import '../tables.js';

type Db = Kysely<DB> | Transaction<DB>;

export const OUTCOMES: readonly IntroductionOutcome[] = [
  'meeting',
  'data_access',
  'partnership',
  'experiment',
  'no_follow_up',
];

export interface Contact {
  id: string;
  organisation: string;
  siret: string | null;
  siretCheck: OrganisationCheck | null;
  service: string;
  personName: string;
  role: string;
  email: string;
  topics: string[];
  levers: string[];
  legalBasis: string;
  consentNote: string;
  archivedAt: Date | null;
  version: number;
}

const CONTACT_COLUMNS = [
  'id',
  'organisation',
  'siret',
  'siret_check',
  'service',
  'person_name',
  'role',
  'email',
  'topics',
  'levers',
  'legal_basis',
  'consent_note',
  'archived_at',
  'version',
] as const;

type ContactRow = {
  id: string;
  organisation: string;
  siret: string | null;
  siret_check: unknown;
  service: string;
  person_name: string;
  role: string;
  email: string;
  topics: string[];
  levers: string[];
  legal_basis: string;
  consent_note: string;
  archived_at: Date | null;
  version: number;
};

/** jsonb comes back parsed from a server and as text from some drivers: read both. */
function parseCheck(value: unknown): OrganisationCheck | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as OrganisationCheck;
    } catch {
      return null;
    }
  }
  return value as OrganisationCheck;
}

function toContact(r: ContactRow): Contact {
  return {
    id: r.id,
    organisation: r.organisation,
    siret: r.siret,
    siretCheck: parseCheck(r.siret_check),
    service: r.service,
    personName: r.person_name,
    role: r.role,
    email: r.email,
    topics: r.topics ?? [],
    levers: r.levers ?? [],
    legalBasis: r.legal_basis,
    consentNote: r.consent_note,
    archivedAt: r.archived_at ? new Date(r.archived_at) : null,
    version: r.version,
  };
}

export async function contactById(db: Db, id: string): Promise<Contact | null> {
  const row = await db.selectFrom('support_contacts').select(CONTACT_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toContact(row) : null;
}

/** The active contact with this address (case-insensitive), if any. */
export async function activeContactByEmail(db: Db, email: string): Promise<Contact | null> {
  const row = await db
    .selectFrom('support_contacts')
    .select(CONTACT_COLUMNS)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row ? toContact(row) : null;
}

export interface ContactFilter {
  q?: string;
  lever?: string;
  topic?: string;
  archived?: boolean;
}

/** `%` and `_` typed in a search are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of the directory, in organisation then name order, and how many match in all. */
export async function listContacts(
  db: Db,
  filter: ContactFilter,
  page: { offset: number; limit: number },
): Promise<{ contacts: Contact[]; total: number }> {
  let query = db.selectFrom('support_contacts');
  query = filter.archived ? query.where('archived_at', 'is not', null) : query.where('archived_at', 'is', null);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where((eb) =>
      eb.or([
        eb('person_name', 'ilike', pattern),
        eb('organisation', 'ilike', pattern),
        eb('service', 'ilike', pattern),
        eb('role', 'ilike', pattern),
        eb(sql<string>`array_to_string(topics, ' ')`, 'ilike', pattern),
      ]),
    );
  }
  if (filter.lever) query = query.where(sql<boolean>`${filter.lever} = any(levers)`);
  if (filter.topic)
    query = query.where(sql<boolean>`lower(${filter.topic}) = any(select lower(t) from unnest(topics) t)`);
  const [rows, count] = await Promise.all([
    query
      .select(CONTACT_COLUMNS)
      .orderBy(sql`lower(organisation)`)
      .orderBy(sql`lower(person_name)`)
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { contacts: rows.map(toContact), total: Number(count.n) };
}

/** Every topic used by an active contact, for the directory's filter (sorted, one per spelling ignoring case). */
export async function contactTopics(db: Db): Promise<string[]> {
  const rows = await sql<{ topic: string }>`
    select min(t) as topic from support_contacts, unnest(topics) t
    where archived_at is null group by lower(t) order by lower(min(t))`.execute(db);
  return rows.rows.map((r) => r.topic);
}

/**
 * Active contacts for an introduction: those of the request's lever and sharing topics with the project's
 * words first (a simple score: lever 2, each topic found in the request 1), then the others by name.
 */
export async function suggestedContacts(db: Db, lever: string, requestText: string): Promise<Contact[]> {
  const rows = await db
    .selectFrom('support_contacts')
    .select(CONTACT_COLUMNS)
    .where('archived_at', 'is', null)
    .orderBy(sql`lower(organisation)`)
    .orderBy(sql`lower(person_name)`)
    .limit(500)
    .execute();
  const text = requestText.toLocaleLowerCase('fr');
  const score = (c: Contact) =>
    (c.levers.includes(lever) ? 2 : 0) + c.topics.filter((t) => text.includes(t.toLocaleLowerCase('fr'))).length;
  return rows
    .map(toContact)
    .map((c, i) => ({ c, i, s: score(c) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.c);
}

export interface IntroductionOutcomeRecord {
  id: string;
  outcome: IntroductionOutcome;
  occurredOn: string;
  note: string;
  recordedSide: 'team' | 'staff';
  recordedAt: Date;
}

export interface Introduction {
  id: string;
  planId: string;
  lever: string;
  request: string;
  status: IntroductionStatus;
  requestedAt: Date;
  contact: Pick<Contact, 'id' | 'organisation' | 'service' | 'personName' | 'role' | 'email'> | null;
  introducedAt: Date | null;
  mailSubject: string;
  mailBody: string;
  staffNote: string;
  followUpAt: Date | null;
  followedUpAt: Date | null;
  closedAt: Date | null;
  version: number;
  outcomes: IntroductionOutcomeRecord[];
}

const date = (value: Date | string | null): Date | null => (value ? new Date(value) : null);

/** The introductions of some plans (or one by id), newest request first, with their contact and outcomes. */
export async function introductionsOf(
  db: Db,
  filter: { planIds?: readonly string[]; ids?: readonly string[] },
): Promise<Introduction[]> {
  if ((filter.planIds && filter.planIds.length === 0) || (filter.ids && filter.ids.length === 0)) return [];
  let query = db
    .selectFrom('support_introductions as i')
    .leftJoin('support_contacts as c', 'c.id', 'i.contact_id')
    .select([
      'i.id',
      'i.plan_id',
      'i.lever',
      'i.request',
      'i.status',
      'i.requested_at',
      'i.introduced_at',
      'i.mail_subject',
      'i.mail_body',
      'i.staff_note',
      'i.follow_up_at',
      'i.followed_up_at',
      'i.closed_at',
      'i.version',
      'c.id as contact_id',
      'c.organisation',
      'c.service',
      'c.person_name',
      'c.role',
      'c.email',
    ]);
  if (filter.planIds) query = query.where('i.plan_id', 'in', filter.planIds);
  if (filter.ids) query = query.where('i.id', 'in', filter.ids);
  const rows = await query.orderBy('i.requested_at', 'desc').orderBy('i.id').execute();
  const ids = rows.map((r) => r.id);
  const outcomes =
    ids.length === 0
      ? []
      : await db
          .selectFrom('support_introduction_outcomes')
          // As text: PGlite returns a \`date\` as a Date at UTC midnight despite the parser of core/db/database.ts.
          .select([
            'id',
            'introduction_id',
            'outcome',
            sql<string>`occurred_on::text`.as('occurred_on'),
            'note',
            'recorded_side',
            'recorded_at',
          ])
          .where('introduction_id', 'in', ids)
          .orderBy('occurred_on')
          .orderBy('recorded_at')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    lever: r.lever,
    request: r.request,
    status: r.status,
    requestedAt: new Date(r.requested_at),
    contact: r.contact_id
      ? {
          id: r.contact_id,
          organisation: r.organisation ?? '',
          service: r.service ?? '',
          personName: r.person_name ?? '',
          role: r.role ?? '',
          email: r.email ?? '',
        }
      : null,
    introducedAt: date(r.introduced_at),
    mailSubject: r.mail_subject,
    mailBody: r.mail_body,
    staffNote: r.staff_note,
    followUpAt: date(r.follow_up_at),
    followedUpAt: date(r.followed_up_at),
    closedAt: date(r.closed_at),
    version: r.version,
    outcomes: outcomes
      .filter((o) => o.introduction_id === r.id)
      .map((o) => ({
        id: o.id,
        outcome: o.outcome,
        occurredOn: o.occurred_on,
        note: o.note,
        recordedSide: o.recorded_side,
        recordedAt: new Date(o.recorded_at),
      })),
  }));
}

/** One introduction of a plan, or null (another plan's introduction is not found). */
export async function introductionOfPlan(db: Db, planId: string, id: string): Promise<Introduction | null> {
  const [found] = await introductionsOf(db, { ids: [id] });
  return found && found.planId === planId ? found : null;
}

/** How many requests wait for staff across plans of these tracks (undefined: every track): the queue tile's count. */
export async function countOpenRequests(db: Db, tracks: readonly string[] | undefined): Promise<number> {
  if (tracks && tracks.length === 0) return 0;
  let query = db
    .selectFrom('support_introductions as i')
    .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('i.status', '=', 'requested');
  if (tracks) query = query.where('p.track_code', 'in', tracks);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Requests waiting for staff across plans of these tracks (undefined: every track), oldest first. */
export async function openRequests(
  db: Db,
  tracks: readonly string[] | undefined,
): Promise<{ id: string; applicationId: string; lever: string; request: string; requestedAt: Date }[]> {
  if (tracks && tracks.length === 0) return [];
  let query = db
    .selectFrom('support_introductions as i')
    .innerJoin('support_plans as p', 'p.id', 'i.plan_id')
    .select(['i.id', 'p.application_id', 'i.lever', 'i.request', 'i.requested_at'])
    .where('i.status', '=', 'requested');
  if (tracks) query = query.where('p.track_code', 'in', tracks);
  const rows = await query.orderBy('i.requested_at').orderBy('i.id').execute();
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    lever: r.lever,
    request: r.request,
    requestedAt: new Date(r.requested_at),
  }));
}
