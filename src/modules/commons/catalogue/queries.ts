import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { slugify } from '../../../core/ids.js';
import type {
  CommonsKind,
  CommonsMaturity,
  CommonsTable,
  ExperimentStatus,
  NeedCategory,
  NeedKind,
  UseCaseStatus,
  Visibility,
} from '../tables.js';
import { compareNames, matchScore, queryTerms } from './search.js';

type Db = Kysely<DB> | Transaction<DB>;

export type Commons = Selectable<CommonsTable>;

export async function commonsBySlug(db: Db, slug: string): Promise<Commons | undefined> {
  return db.selectFrom('commons').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function commonsById(db: Db, id: string): Promise<Commons | undefined> {
  return db.selectFrom('commons').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Slugs the catalogue's own addresses use (/cooperation/communs/nouveau): never a commons'. */
const RESERVED_SLUGS = new Set(['nouveau', 'nouvelle', 'import']);

/** A slug free for a new commons: the name's, or it with -2, -3… when taken. */
export async function freeSlug(db: Db, name: string, wanted?: string): Promise<string> {
  const base = wanted || slugOf(name);
  const taken = new Set(
    (
      await db
        .selectFrom('commons')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.slug),
  );
  for (const reserved of RESERVED_SLUGS) taken.add(reserved);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The slug made from a name, never empty (a name of symbols only gives "commun"). */
export function slugOf(name: string): string {
  return slugify(name).slice(0, 80).replace(/-+$/, '') || 'commun';
}

export interface CatalogueFilter {
  q?: string;
  category?: string;
  kind?: CommonsKind;
  lever?: string;
  maturity?: CommonsMaturity;
}

export interface CatalogueItem {
  id: string;
  slug: string;
  name: string;
  summary: string;
  kind: CommonsKind;
  maturity: CommonsMaturity;
  categories: string[];
  levers: string[];
  licence: string | null;
  useCases: number;
}

export interface CataloguePage {
  items: CatalogueItem[];
  total: number;
  page: number;
  pages: number;
}

/**
 * The public catalogue: visible commons (never hidden nor merged) matching the filters, ranked by the French
 * search when there is a query (search.ts), else in French alphabetical order; one page of them with the
 * count of their public use cases. A page past the end shows the last one.
 */
export async function listCatalogue(
  db: Db,
  filter: CatalogueFilter,
  paging: { page: number; pageSize: number },
): Promise<CataloguePage> {
  const query = queryTerms(filter.q ?? '');
  let candidates = db
    .selectFrom('commons')
    .select(['id', 'name', 'summary', 'description', 'keywords', 'categories'])
    .where('hidden', '=', false)
    .where('merged_into', 'is', null);
  if (filter.category) candidates = candidates.where(sql<boolean>`categories @> array[${filter.category}]::text[]`);
  if (filter.lever) candidates = candidates.where(sql<boolean>`levers @> array[${filter.lever}]::text[]`);
  if (filter.kind) candidates = candidates.where('kind', '=', filter.kind);
  if (filter.maturity) candidates = candidates.where('maturity', '=', filter.maturity);
  const rows = await candidates.execute();
  const ranked = rows
    .map((row) => ({ id: row.id, name: row.name, score: query.length > 0 ? matchScore(query, row) : 1 }))
    .filter((row) => row.score > 0)
    .sort((a, b) => b.score - a.score || compareNames(a.name, b.name));
  const total = ranked.length;
  const pages = Math.max(1, Math.ceil(total / paging.pageSize));
  const page = Math.min(Math.max(1, paging.page), pages);
  const ids = ranked.slice((page - 1) * paging.pageSize, page * paging.pageSize).map((r) => r.id);
  return { items: await catalogueItems(db, ids), total, page, pages };
}

/** The catalogue's view of these commons, in the order given. */
export async function catalogueItems(db: Db, ids: readonly string[]): Promise<CatalogueItem[]> {
  if (ids.length === 0) return [];
  const [rows, counts] = await Promise.all([
    db
      .selectFrom('commons')
      .select(['id', 'slug', 'name', 'summary', 'kind', 'maturity', 'categories', 'levers', 'licence'])
      .where('id', 'in', [...ids])
      .execute(),
    db
      .selectFrom('commons_use_cases')
      .select((eb) => ['commons_id', eb.fn.countAll<string>().as('n')])
      .where('commons_id', 'in', [...ids])
      .where('hidden', '=', false)
      .where('visibility', '=', 'public')
      .groupBy('commons_id')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [{ ...row, useCases: Number(counts.find((c) => c.commons_id === id)?.n ?? 0) }];
  });
}

/** The categories of the visible commons, for the catalogue's filter, in French alphabetical order. */
export async function visibleCategories(db: Db): Promise<string[]> {
  const rows = await sql<{ category: string }>`
    select distinct unnest(categories) as category from commons where not hidden and merged_into is null`.execute(db);
  return rows.rows.map((r) => r.category).sort(compareNames);
}

export interface CommonsUseCase {
  id: string;
  title: string;
  description: string;
  status: UseCaseStatus;
  abandonReason: string | null;
  visibility: Visibility;
  serviceUrl: string | null;
  administrationName: string;
  administrationSlug: string;
}

export interface CommonsNeed {
  id: string;
  kind: NeedKind;
  category: NeedCategory;
  title: string;
  description: string;
  deadline: string | null;
  visibility: Visibility;
}

export interface CommonsExperiment {
  id: string;
  title: string;
  goal: string;
  status: ExperimentStatus;
  startsOn: string | null;
  endsOn: string | null;
  visibility: Visibility;
  administrations: string[];
}

export interface CommonsPageData {
  useCases: CommonsUseCase[];
  needs: CommonsNeed[];
  experiments: CommonsExperiment[];
}

const STATUS_ORDER: Record<UseCaseStatus, number> = { production: 0, experimentation: 1, exploration: 2, abandoned: 3 };

/** Day columns come back as text on PGlite and as text or Date on a server: always `YYYY-MM-DD` here. */
function day(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/**
 * Who uses the commons for what, what it asks or offers, and its experiments: what the commons' page shows.
 * Hidden use cases and needs, and those of hidden administrations, never; members-only ones only to who may
 * read them (`members`: seesMembersOnly).
 */
export async function commonsPageData(db: Db, commonsId: string, members: boolean): Promise<CommonsPageData> {
  const visible = members ? (['public', 'members'] as const) : (['public'] as const);
  const [useCases, needs, experiments] = await Promise.all([
    db
      .selectFrom('commons_use_cases as u')
      .innerJoin('commons_administrations as a', 'a.id', 'u.administration_id')
      .select([
        'u.id',
        'u.title',
        'u.description',
        'u.status',
        'u.abandon_reason',
        'u.visibility',
        'u.service_url',
        'u.created_at',
        'a.name as administration_name',
        'a.slug as administration_slug',
      ])
      .where('u.commons_id', '=', commonsId)
      .where('u.hidden', '=', false)
      .where('a.hidden', '=', false)
      .where('u.visibility', 'in', [...visible])
      .execute(),
    db
      .selectFrom('commons_needs')
      .select(['id', 'kind', 'category', 'title', 'description', 'deadline', 'visibility'])
      .where('commons_id', '=', commonsId)
      .where('side', '=', 'commons')
      .where('closed_at', 'is', null)
      .where('hidden', '=', false)
      .where('visibility', 'in', [...visible])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('commons_experiments')
      .select(['id', 'title', 'goal', 'status', 'starts_on', 'ends_on', 'visibility'])
      .where('commons_id', '=', commonsId)
      .where('visibility', 'in', [...visible])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute(),
  ]);
  const partners =
    experiments.length === 0
      ? []
      : await db
          .selectFrom('commons_experiment_administrations as e')
          .innerJoin('commons_administrations as a', 'a.id', 'e.administration_id')
          .select(['e.experiment_id', 'a.name'])
          .where(
            'e.experiment_id',
            'in',
            experiments.map((x) => x.id),
          )
          .where('a.hidden', '=', false)
          .execute();
  return {
    useCases: useCases
      .sort(
        (a, b) =>
          STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
          new Date(b.created_at).getTime() - new Date(a.created_at).getTime(),
      )
      .map((u) => ({
        id: u.id,
        title: u.title,
        description: u.description,
        status: u.status,
        abandonReason: u.abandon_reason,
        visibility: u.visibility,
        serviceUrl: u.service_url,
        administrationName: u.administration_name,
        administrationSlug: u.administration_slug,
      })),
    needs: needs.map((n) => ({ ...n, deadline: day(n.deadline) })),
    experiments: experiments.map((x) => ({
      id: x.id,
      title: x.title,
      goal: x.goal,
      status: x.status,
      startsOn: day(x.starts_on),
      endsOn: day(x.ends_on),
      visibility: x.visibility,
      administrations: partners
        .filter((p) => p.experiment_id === x.id)
        .map((p) => p.name)
        .sort(compareNames),
    })),
  };
}

export interface MaintainerRow {
  userId: string;
  addedAt: Date;
}

export async function maintainersOf(db: Db, commonsId: string): Promise<MaintainerRow[]> {
  const rows = await db
    .selectFrom('commons_maintainers')
    .select(['user_id', 'added_at'])
    .where('commons_id', '=', commonsId)
    .orderBy('added_at')
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, addedAt: new Date(r.added_at) }));
}

export type StaffState = 'visible' | 'hidden' | 'merged';

export interface StaffItem {
  id: string;
  slug: string;
  name: string;
  summary: string;
  hidden: boolean;
  hiddenReason: string | null;
  mergedInto: { slug: string; name: string } | null;
  sillId: string | null;
  useCases: number;
  maintainers: number;
}

/** Staff's list: every commons (hidden and merged too), searched like the catalogue, filtered by state. */
export async function listForStaff(
  db: Db,
  filter: { q?: string; state?: StaffState },
  paging: { page: number; pageSize: number },
): Promise<{ items: StaffItem[]; total: number; page: number; pages: number }> {
  const query = queryTerms(filter.q ?? '');
  let candidates = db.selectFrom('commons').select(['id', 'name', 'summary', 'description', 'keywords', 'categories']);
  if (filter.state === 'visible') candidates = candidates.where('hidden', '=', false).where('merged_into', 'is', null);
  if (filter.state === 'hidden') candidates = candidates.where('hidden', '=', true).where('merged_into', 'is', null);
  if (filter.state === 'merged') candidates = candidates.where('merged_into', 'is not', null);
  const rows = await candidates.execute();
  const ranked = rows
    .map((row) => ({ id: row.id, name: row.name, score: query.length > 0 ? matchScore(query, row) : 1 }))
    .filter((row) => row.score > 0)
    .sort((a, b) => b.score - a.score || compareNames(a.name, b.name));
  const total = ranked.length;
  const pages = Math.max(1, Math.ceil(total / paging.pageSize));
  const page = Math.min(Math.max(1, paging.page), pages);
  const ids = ranked.slice((page - 1) * paging.pageSize, page * paging.pageSize).map((r) => r.id);
  if (ids.length === 0) return { items: [], total, page, pages };
  const [details, useCases, maintainers] = await Promise.all([
    db
      .selectFrom('commons as c')
      .leftJoin('commons as t', 't.id', 'c.merged_into')
      .select([
        'c.id',
        'c.slug',
        'c.name',
        'c.summary',
        'c.hidden',
        'c.hidden_reason',
        'c.sill_id',
        't.slug as target_slug',
        't.name as target_name',
      ])
      .where('c.id', 'in', ids)
      .execute(),
    db
      .selectFrom('commons_use_cases')
      .select((eb) => ['commons_id', eb.fn.countAll<string>().as('n')])
      .where('commons_id', 'in', ids)
      .groupBy('commons_id')
      .execute(),
    db
      .selectFrom('commons_maintainers')
      .select((eb) => ['commons_id', eb.fn.countAll<string>().as('n')])
      .where('commons_id', 'in', ids)
      .groupBy('commons_id')
      .execute(),
  ]);
  const items = ids.flatMap((id) => {
    const d = details.find((x) => x.id === id);
    if (!d) return [];
    return [
      {
        id: d.id,
        slug: d.slug,
        name: d.name,
        summary: d.summary,
        hidden: d.hidden,
        hiddenReason: d.hidden_reason,
        mergedInto: d.target_slug && d.target_name ? { slug: d.target_slug, name: d.target_name } : null,
        sillId: d.sill_id,
        useCases: Number(useCases.find((c) => c.commons_id === id)?.n ?? 0),
        maintainers: Number(maintainers.find((c) => c.commons_id === id)?.n ?? 0),
      },
    ];
  });
  return { items, total, page, pages };
}

/** The commons a duplicate may be merged into: visible, not merged, not itself; by name. */
export async function mergeTargets(db: Db, exceptId: string): Promise<{ id: string; name: string; slug: string }[]> {
  const rows = await db
    .selectFrom('commons')
    .select(['id', 'name', 'slug'])
    .where('hidden', '=', false)
    .where('merged_into', 'is', null)
    .where('id', '<>', exceptId)
    .execute();
  return rows.sort((a, b) => compareNames(a.name, b.name));
}
