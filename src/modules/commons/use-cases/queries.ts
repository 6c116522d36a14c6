import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type {
  CommonsKind,
  ContributionKind,
  NeedCategory,
  NeedKind,
  NeedOutcome,
  NeedSide,
  UseCaseStatus,
  Visibility,
} from '../tables.js';
import { searchMatcher } from './search.js';
import { territoriesWithin } from './territories.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** At most this many records are read for one list before the search narrows them (the lists stay small). */
const LIST_CAP = 5000;

// ——— Use cases ———

export interface UseCaseView {
  id: string;
  title: string;
  description: string;
  status: UseCaseStatus;
  abandonReason: string | null;
  serviceUrl: string | null;
  audience: string;
  territory: string;
  startedOn: string | null;
  endedOn: string | null;
  visibility: Visibility;
  hidden: boolean;
  hiddenReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  administrationId: string;
  administrationSlug: string;
  administrationName: string;
  commonsId: string;
  commonsSlug: string;
  commonsName: string;
  commonsKind: CommonsKind;
  /** The use case's administration or commons is hidden by moderation: the use case is then not shown either. */
  ownerHidden: boolean;
  serviceId: string | null;
  serviceName: string | null;
}

function useCaseSelect(db: Reader) {
  return db
    .selectFrom('commons_use_cases as u')
    .innerJoin('commons_administrations as a', 'a.id', 'u.administration_id')
    .innerJoin('commons as c', 'c.id', 'u.commons_id')
    .leftJoin('commons_services as s', 's.id', 'u.service_id')
    .select([
      'u.id',
      'u.title',
      'u.description',
      'u.status',
      'u.abandon_reason',
      'u.service_url',
      'u.audience',
      'u.territory',
      'u.started_on',
      'u.ended_on',
      'u.visibility',
      'u.hidden',
      'u.hidden_reason',
      'u.version',
      'u.created_at',
      'u.updated_at',
      'a.id as administration_id',
      'a.slug as administration_slug',
      'a.name as administration_name',
      'a.hidden as administration_hidden',
      'c.id as commons_id',
      'c.slug as commons_slug',
      'c.name as commons_name',
      'c.kind as commons_kind',
      'c.hidden as commons_hidden',
      's.id as service_id',
      's.name as service_name',
    ]);
}

type UseCaseRow = Awaited<ReturnType<ReturnType<typeof useCaseSelect>['executeTakeFirstOrThrow']>>;

function toUseCase(row: UseCaseRow): UseCaseView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    abandonReason: row.abandon_reason,
    serviceUrl: row.service_url,
    audience: row.audience,
    territory: row.territory,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    visibility: row.visibility,
    hidden: row.hidden,
    hiddenReason: row.hidden_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    administrationId: row.administration_id,
    administrationSlug: row.administration_slug,
    administrationName: row.administration_name,
    commonsId: row.commons_id,
    commonsSlug: row.commons_slug,
    commonsName: row.commons_name,
    commonsKind: row.commons_kind,
    ownerHidden: row.administration_hidden || row.commons_hidden,
    serviceId: row.service_id,
    serviceName: row.service_name,
  };
}

export async function useCaseById(db: Reader, id: string): Promise<UseCaseView | undefined> {
  const row = await useCaseSelect(db).where('u.id', '=', id).executeTakeFirst();
  return row ? toUseCase(row) : undefined;
}

export interface UseCaseFilter {
  q?: string;
  status?: UseCaseStatus;
  kind?: CommonsKind;
  category?: string;
  territory?: string;
}

/**
 * The use cases a visitor may see in the lists, newest change first: never hidden ones (nor those of a hidden
 * administration or commons), members-only ones to members of the space only; then the French search.
 */
export async function listUseCases(
  db: Reader,
  filter: UseCaseFilter,
  options: { seesMembersOnly: boolean; offset: number; limit: number },
): Promise<{ items: UseCaseView[]; total: number }> {
  let query = useCaseSelect(db)
    .where('u.hidden', '=', false)
    .where('a.hidden', '=', false)
    .where('c.hidden', '=', false);
  if (!options.seesMembersOnly) query = query.where('u.visibility', '=', 'public');
  if (filter.status) query = query.where('u.status', '=', filter.status);
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  if (filter.category) {
    const category = filter.category;
    query = query.where((eb) => eb(eb.val(category), '=', eb.fn.any('c.categories')));
  }
  if (filter.territory) query = query.where('u.territory', 'in', territoriesWithin(filter.territory));
  const rows = await query.orderBy('u.updated_at', 'desc').orderBy('u.id').limit(LIST_CAP).execute();
  const match = searchMatcher(filter.q ?? '');
  const found = rows
    .map(toUseCase)
    .filter(
      (u) =>
        !match ||
        match(
          [u.title, u.description, u.audience, u.administrationName, u.commonsName, u.serviceName ?? ''].join('\n'),
        ),
    );
  return { items: found.slice(options.offset, options.offset + options.limit), total: found.length };
}

/** The newest public use cases that are not hidden, for the Atom feed. */
export async function feedUseCases(db: Reader, limit: number): Promise<UseCaseView[]> {
  const rows = await useCaseSelect(db)
    .where('u.hidden', '=', false)
    .where('a.hidden', '=', false)
    .where('c.hidden', '=', false)
    .where('u.visibility', '=', 'public')
    .orderBy('u.created_at', 'desc')
    .orderBy('u.id')
    .limit(limit)
    .execute();
  return rows.map(toUseCase);
}

export interface Contribution {
  id: string;
  kind: ContributionKind;
  description: string;
  amountCents: number | null;
  occurredOn: string | null;
}

export async function contributionsOf(db: Reader, useCaseId: string): Promise<Contribution[]> {
  const rows = await db
    .selectFrom('commons_contributions')
    .select(['id', 'kind', 'description', 'amount_cents', 'occurred_on'])
    .where('use_case_id', '=', useCaseId)
    .orderBy('occurred_on', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    description: r.description,
    amountCents: r.amount_cents === null ? null : Number(r.amount_cents),
    occurredOn: r.occurred_on,
  }));
}

export interface Referent {
  userId: string;
  isExpert: boolean;
  commitmentVersion: number;
  acceptedAt: Date;
}

/** The use case's referents who are still members of its administration (one who left is no longer one). */
export async function referentsOf(db: Reader, useCaseId: string): Promise<Referent[]> {
  const rows = await db
    .selectFrom('commons_referents as r')
    .innerJoin('commons_use_cases as u', 'u.id', 'r.use_case_id')
    .innerJoin('commons_administration_members as m', (join) =>
      join.onRef('m.administration_id', '=', 'u.administration_id').onRef('m.user_id', '=', 'r.user_id'),
    )
    .select(['r.user_id', 'r.is_expert', 'r.commitment_version', 'r.accepted_at'])
    .where('r.use_case_id', '=', useCaseId)
    .orderBy('r.accepted_at')
    .orderBy('r.user_id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    isExpert: r.is_expert,
    commitmentVersion: r.commitment_version,
    acceptedAt: r.accepted_at,
  }));
}

// ——— What a person may choose in the forms ———

export interface Named {
  id: string;
  slug: string;
  name: string;
}

/** The commons of the catalogue one may declare a use case of: not hidden, not merged into another. */
export async function selectableCommons(db: Reader): Promise<Named[]> {
  return db
    .selectFrom('commons')
    .select(['id', 'slug', 'name'])
    .where('hidden', '=', false)
    .where('merged_into', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The administrations a person is a member of (not hidden nor merged): those they may post for. */
export async function administrationsOfMember(db: Reader, userId: string): Promise<Named[]> {
  return db
    .selectFrom('commons_administration_members as m')
    .innerJoin('commons_administrations as a', 'a.id', 'm.administration_id')
    .select(['a.id', 'a.slug', 'a.name'])
    .where('m.user_id', '=', userId)
    .where('a.hidden', '=', false)
    .where('a.merged_into', 'is', null)
    .orderBy('a.name')
    .orderBy('a.id')
    .execute();
}

/** The commons a person maintains (not hidden nor merged): those they may post a need or an offer for. */
export async function commonsOfMaintainer(db: Reader, userId: string): Promise<Named[]> {
  return db
    .selectFrom('commons_maintainers as m')
    .innerJoin('commons as c', 'c.id', 'm.commons_id')
    .select(['c.id', 'c.slug', 'c.name'])
    .where('m.user_id', '=', userId)
    .where('c.hidden', '=', false)
    .where('c.merged_into', 'is', null)
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
}

export interface ServiceOption {
  id: string;
  administrationId: string;
  name: string;
}

export async function servicesOf(db: Reader, administrationIds: readonly string[]): Promise<ServiceOption[]> {
  if (administrationIds.length === 0) return [];
  const rows = await db
    .selectFrom('commons_services')
    .select(['id', 'administration_id', 'name'])
    .where('administration_id', 'in', [...administrationIds])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, administrationId: r.administration_id, name: r.name }));
}

/** The categories of the commons shown in the catalogue, for the use cases' filter. */
export async function commonsCategories(db: Reader): Promise<string[]> {
  const rows = await db
    .selectFrom('commons')
    .select((eb) => eb.fn<string>('unnest', ['categories']).as('category'))
    .where('hidden', '=', false)
    .where('merged_into', 'is', null)
    .execute();
  return [...new Set(rows.map((r) => r.category).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'fr'));
}

// ——— Needs and offers ———

export interface NeedView {
  id: string;
  side: NeedSide;
  kind: NeedKind;
  administrationId: string | null;
  commonsId: string | null;
  /** The administration's or the commons' slug and name. */
  ownerSlug: string;
  ownerName: string;
  ownerHidden: boolean;
  category: NeedCategory;
  title: string;
  description: string;
  context: string;
  territory: string;
  lever: string | null;
  deadline: string | null;
  visibility: Visibility;
  closedAt: Date | null;
  outcome: NeedOutcome | null;
  outcomeNote: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function needSelect(db: Reader) {
  return db
    .selectFrom('commons_needs as n')
    .leftJoin('commons_administrations as a', 'a.id', 'n.administration_id')
    .leftJoin('commons as c', 'c.id', 'n.commons_id')
    .selectAll('n')
    .select([
      'a.slug as administration_slug',
      'a.name as administration_name',
      'a.hidden as administration_hidden',
      'c.slug as commons_slug',
      'c.name as commons_name',
      'c.hidden as commons_hidden',
    ]);
}

type NeedRow = Awaited<ReturnType<ReturnType<typeof needSelect>['executeTakeFirstOrThrow']>>;

function toNeed(row: NeedRow): NeedView {
  const byAdministration = row.side === 'administration';
  return {
    id: row.id,
    side: row.side,
    kind: row.kind,
    administrationId: row.administration_id,
    commonsId: row.commons_id,
    ownerSlug: (byAdministration ? row.administration_slug : row.commons_slug) ?? '',
    ownerName: (byAdministration ? row.administration_name : row.commons_name) ?? '',
    ownerHidden: (byAdministration ? row.administration_hidden : row.commons_hidden) ?? false,
    category: row.category,
    title: row.title,
    description: row.description,
    context: row.context,
    territory: row.territory,
    lever: row.lever,
    deadline: row.deadline,
    visibility: row.visibility,
    closedAt: row.closed_at,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    hidden: row.hidden,
    hiddenReason: row.hidden_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function needById(db: Reader, id: string): Promise<NeedView | undefined> {
  const row = await needSelect(db).where('n.id', '=', id).executeTakeFirst();
  return row ? toNeed(row) : undefined;
}

export interface NeedFilter {
  q?: string;
  side?: NeedSide;
  kind?: NeedKind;
  category?: NeedCategory;
  lever?: string;
  territory?: string;
  /** 'open' unless said. */
  state?: 'open' | 'closed' | 'all';
}

const notHiddenOwner = <Q extends ReturnType<typeof needSelect>>(query: Q): Q =>
  query
    .where('n.hidden', '=', false)
    .where((eb) =>
      eb.or([
        eb.and([eb('n.side', '=', 'administration'), eb('a.hidden', '=', false)]),
        eb.and([eb('n.side', '=', 'commons'), eb('c.hidden', '=', false)]),
      ]),
    ) as Q;

/** The needs and offers a visitor may see in the lists, newest first, with the same rules as the use cases. */
export async function listNeeds(
  db: Reader,
  filter: NeedFilter,
  options: { seesMembersOnly: boolean; offset: number; limit: number },
): Promise<{ items: NeedView[]; total: number }> {
  let query = notHiddenOwner(needSelect(db));
  if (!options.seesMembersOnly) query = query.where('n.visibility', '=', 'public');
  if (filter.side) query = query.where('n.side', '=', filter.side);
  if (filter.kind) query = query.where('n.kind', '=', filter.kind);
  if (filter.category) query = query.where('n.category', '=', filter.category);
  if (filter.lever) query = query.where('n.lever', '=', filter.lever);
  if (filter.territory) query = query.where('n.territory', 'in', territoriesWithin(filter.territory));
  const state = filter.state ?? 'open';
  if (state === 'open') query = query.where('n.closed_at', 'is', null);
  if (state === 'closed') query = query.where('n.closed_at', 'is not', null);
  const rows = await query.orderBy('n.created_at', 'desc').orderBy('n.id').limit(LIST_CAP).execute();
  const match = searchMatcher(filter.q ?? '');
  const found = rows
    .map(toNeed)
    .filter((n) => !match || match([n.title, n.description, n.context, n.ownerName].join('\n')));
  return { items: found.slice(options.offset, options.offset + options.limit), total: found.length };
}

/** The newest public needs and offers that are not hidden (open or closed), for the Atom feed. */
export async function feedNeeds(db: Reader, limit: number): Promise<NeedView[]> {
  const rows = await notHiddenOwner(needSelect(db))
    .where('n.visibility', '=', 'public')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(limit)
    .execute();
  return rows.map(toNeed);
}

// ——— Moderation ———

export interface ModerationItem {
  type: 'use-case' | 'need';
  id: string;
  title: string;
  /** Use case: its administration and commons; need: its administration or commons. */
  owner: string;
  kind: NeedKind | null;
  visibility: Visibility;
  hidden: boolean;
  hiddenReason: string | null;
  createdAt: Date;
}

export interface ModerationFilter {
  type?: 'use-case' | 'need';
  hidden?: boolean;
  q?: string;
}

/** Every use case and need, hidden or not, for staff: newest first, searched like the public lists. */
export async function listForModeration(
  db: Reader,
  filter: ModerationFilter,
  options: { offset: number; limit: number },
): Promise<{ items: ModerationItem[]; total: number }> {
  const items: ModerationItem[] = [];
  if (filter.type !== 'need') {
    let query = useCaseSelect(db);
    if (filter.hidden !== undefined) query = query.where('u.hidden', '=', filter.hidden);
    for (const u of (await query.orderBy('u.created_at', 'desc').limit(LIST_CAP).execute()).map(toUseCase))
      items.push({
        type: 'use-case',
        id: u.id,
        title: u.title,
        owner: `${u.administrationName} · ${u.commonsName}`,
        kind: null,
        visibility: u.visibility,
        hidden: u.hidden,
        hiddenReason: u.hiddenReason,
        createdAt: u.createdAt,
      });
  }
  if (filter.type !== 'use-case') {
    let query = needSelect(db);
    if (filter.hidden !== undefined) query = query.where('n.hidden', '=', filter.hidden);
    for (const n of (await query.orderBy('n.created_at', 'desc').limit(LIST_CAP).execute()).map(toNeed))
      items.push({
        type: 'need',
        id: n.id,
        title: n.title,
        owner: n.ownerName,
        kind: n.kind,
        visibility: n.visibility,
        hidden: n.hidden,
        hiddenReason: n.hiddenReason,
        createdAt: n.createdAt,
      });
  }
  const match = searchMatcher(filter.q ?? '');
  const found = items
    .filter((item) => !match || match(`${item.title}\n${item.owner}`))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
  return { items: found.slice(options.offset, options.offset + options.limit), total: found.length };
}
