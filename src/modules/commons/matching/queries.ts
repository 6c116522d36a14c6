import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { NeedCategory, NeedKind, NeedSide, Visibility } from '../tables.js';
import '../tables.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The visibilities a viewer may read: members-only items for members of the space and staff. */
export function visibilitiesFor(members: boolean): Visibility[] {
  return members ? ['public', 'members'] : ['public'];
}

export interface CommonsRow {
  id: string;
  slug: string;
  name: string;
  summary: string;
  description: string;
  categories: string[];
  keywords: string[];
  levers: string[];
  hidden: boolean;
  /** The commons it was merged into (its page redirects there). */
  mergedInto: string | null;
}

const COMMONS_COLUMNS = [
  'id',
  'slug',
  'name',
  'summary',
  'description',
  'categories',
  'keywords',
  'levers',
  'hidden',
  'merged_into',
] as const;

function toCommons(row: {
  id: string;
  slug: string;
  name: string;
  summary: string;
  description: string;
  categories: string[];
  keywords: string[];
  levers: string[];
  hidden: boolean;
  merged_into: string | null;
}): CommonsRow {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    description: row.description,
    categories: row.categories,
    keywords: row.keywords,
    levers: row.levers,
    hidden: row.hidden,
    mergedInto: row.merged_into,
  };
}

export async function commonsBySlug(db: Db, slug: string): Promise<CommonsRow | undefined> {
  const row = await db.selectFrom('commons').select(COMMONS_COLUMNS).where('slug', '=', slug).executeTakeFirst();
  return row ? toCommons(row) : undefined;
}

export async function commonsById(db: Db, id: string): Promise<CommonsRow | undefined> {
  const row = await db.selectFrom('commons').select(COMMONS_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toCommons(row) : undefined;
}

/** Where a merged commons now lives: the end of its chain of merges (a chain never loops: a merge checks it). */
export async function mergedTarget(db: Db, commons: CommonsRow): Promise<CommonsRow | undefined> {
  let current: CommonsRow | undefined = commons;
  for (let i = 0; current?.mergedInto && i < 10; i++) current = await commonsById(db, current.mergedInto);
  return current && !current.mergedInto ? current : undefined;
}

/** A need or offer with who posted it (an administration or a commons). */
export interface NeedRow {
  id: string;
  side: NeedSide;
  kind: NeedKind;
  category: NeedCategory;
  title: string;
  description: string;
  context: string;
  territory: string;
  lever: string | null;
  visibility: Visibility;
  hidden: boolean;
  closedAt: Date | null;
  createdBy: string | null;
  administrationId: string | null;
  commonsId: string | null;
  owner: { name: string; slug: string; hidden: boolean; merged: boolean };
}

export async function needById(db: Db, id: string): Promise<NeedRow | undefined> {
  const row = await db
    .selectFrom('commons_needs as n')
    .leftJoin('commons_administrations as a', 'a.id', 'n.administration_id')
    .leftJoin('commons as c', 'c.id', 'n.commons_id')
    .select([
      'n.id',
      'n.side',
      'n.kind',
      'n.category',
      'n.title',
      'n.description',
      'n.context',
      'n.territory',
      'n.lever',
      'n.visibility',
      'n.hidden',
      'n.closed_at',
      'n.created_by',
      'n.administration_id',
      'n.commons_id',
      'a.name as administration_name',
      'a.slug as administration_slug',
      'a.hidden as administration_hidden',
      'a.merged_into as administration_merged',
      'c.name as commons_name',
      'c.slug as commons_slug',
      'c.hidden as commons_hidden',
      'c.merged_into as commons_merged',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const byAdministration = row.side === 'administration';
  return {
    id: row.id,
    side: row.side,
    kind: row.kind,
    category: row.category,
    title: row.title,
    description: row.description,
    context: row.context,
    territory: row.territory,
    lever: row.lever,
    visibility: row.visibility,
    hidden: row.hidden,
    closedAt: row.closed_at,
    createdBy: row.created_by,
    administrationId: row.administration_id,
    commonsId: row.commons_id,
    owner: {
      name: (byAdministration ? row.administration_name : row.commons_name) ?? '',
      slug: (byAdministration ? row.administration_slug : row.commons_slug) ?? '',
      hidden: (byAdministration ? row.administration_hidden : row.commons_hidden) ?? true,
      merged: (byAdministration ? row.administration_merged : row.commons_merged) != null,
    },
  };
}

/** Whether a viewer may read a need: never hidden (nor its poster), members-only ones for members of the space. */
export function needVisible(need: NeedRow, members: boolean): boolean {
  return !need.hidden && !need.owner.hidden && visibilitiesFor(members).includes(need.visibility);
}

/** The administrations a person is a member of, by name. */
export async function administrationsOfMember(db: Db, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('commons_administration_members as m')
    .innerJoin('commons_administrations as a', 'a.id', 'm.administration_id')
    .select(['a.id', 'a.name'])
    .where('m.user_id', '=', userId)
    .where('a.merged_into', 'is', null)
    .orderBy('a.name')
    .orderBy('a.id')
    .execute();
}
