import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { foldAccents } from '../../../algorithms/text/index.js';
import type { DB } from '../../../core/db/schema.js';
import { personColumn } from '../../accounts/index.js';
import type { OrganisationCheck } from '../../applications/index.js';
import type {
  CommonsAdministrationsTable,
  ExperimentStatus,
  JoinedVia,
  NeedCategory,
  UseCaseStatus,
  Visibility,
} from '../tables.js';
import { territoriesWithin } from '../territories.js';
import './tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** An administration as the pages and use cases read it. */
export interface Administration {
  id: string;
  slug: string;
  name: string;
  siret: string;
  legalCategory: string | null;
  /** Active in the register; false: a closed establishment (flagged); null: not verified. */
  active: boolean | null;
  registerCheck: OrganisationCheck | null;
  website: string | null;
  territory: string;
  description: string;
  hidden: boolean;
  hiddenReason: string | null;
  mergedInto: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function parsedCheck(value: unknown): OrganisationCheck | null {
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

export function toAdministration(row: Selectable<CommonsAdministrationsTable>): Administration {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    siret: row.siret,
    legalCategory: row.legal_category,
    active: row.active,
    registerCheck: parsedCheck(row.register_check),
    website: row.website,
    territory: row.territory,
    description: row.description,
    hidden: row.hidden,
    hiddenReason: row.hidden_reason,
    mergedInto: row.merged_into,
    version: row.version,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export async function administrationBySlug(db: Reader, slug: string): Promise<Administration | undefined> {
  const row = await db.selectFrom('commons_administrations').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toAdministration(row) : undefined;
}

export async function administrationById(db: Reader, id: string): Promise<Administration | undefined> {
  const row = await db.selectFrom('commons_administrations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAdministration(row) : undefined;
}

export async function administrationBySiret(db: Reader, siret: string): Promise<Administration | undefined> {
  const row = await db.selectFrom('commons_administrations').selectAll().where('siret', '=', siret).executeTakeFirst();
  return row ? toAdministration(row) : undefined;
}

/** The administration a merged one now lives in (following a chain of merges), or itself when not merged. */
export async function mergeTarget(db: Reader, administration: Administration): Promise<Administration> {
  let current = administration;
  for (let hops = 0; current.mergedInto && hops < 20; hops++) {
    const next = await administrationById(db, current.mergedInto);
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * What a SIRET designates: an administration by its own SIRET, or one of its services (then the
 * administration the service belongs to). Merges are followed.
 */
export async function administrationOfSiret(
  db: Reader,
  siret: string,
): Promise<{ administration: Administration; serviceId: string | null } | null> {
  const own = await administrationBySiret(db, siret);
  if (own) return { administration: await mergeTarget(db, own), serviceId: null };
  const service = await db
    .selectFrom('commons_services')
    .select(['id', 'administration_id'])
    .where('siret', '=', siret)
    .executeTakeFirst();
  if (!service) return null;
  const administration = await administrationById(db, service.administration_id);
  return administration ? { administration: await mergeTarget(db, administration), serviceId: service.id } : null;
}

/** Text folded for a search: lower case, accents and ligatures folded, apostrophes alike. */
export function foldSearch(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
}

/** The visibilities a reader sees: members-only items for members of the space and staff. */
export function visibilitiesFor(membersOnly: boolean): Visibility[] {
  return membersOnly ? ['public', 'members'] : ['public'];
}

export interface AdministrationListItem {
  id: string;
  slug: string;
  name: string;
  territory: string;
  description: string;
  active: boolean | null;
  useCases: number;
  openNeeds: number;
}

/**
 * The public list: administrations neither hidden nor merged, within a territory (a region finds its
 * départements), whose name or description holds every word searched (accents and case folded), by name,
 * with the number of use cases and open needs the reader may see.
 */
export async function listAdministrations(
  db: Reader,
  filters: { territory: string | null; search: string; membersOnly: boolean },
): Promise<AdministrationListItem[]> {
  const visibilities = visibilitiesFor(filters.membersOnly);
  let query = db
    .selectFrom('commons_administrations as a')
    .select((eb) => [
      'a.id',
      'a.slug',
      'a.name',
      'a.territory',
      'a.description',
      'a.active',
      eb
        .selectFrom('commons_use_cases as u')
        .innerJoin('commons as c', 'c.id', 'u.commons_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('u.administration_id', '=', 'a.id')
        .where('u.hidden', '=', false)
        .where('c.hidden', '=', false)
        .where('u.visibility', 'in', visibilities)
        .as('use_cases'),
      eb
        .selectFrom('commons_needs as n')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('n.administration_id', '=', 'a.id')
        .where('n.side', '=', 'administration')
        .where('n.hidden', '=', false)
        .where('n.closed_at', 'is', null)
        .where('n.visibility', 'in', visibilities)
        .as('open_needs'),
    ])
    .where('a.hidden', '=', false)
    .where('a.merged_into', 'is', null);
  if (filters.territory) query = query.where('a.territory', 'in', territoriesWithin(filters.territory));
  const rows = await query.execute();
  const words = foldSearch(filters.search).split(' ').filter(Boolean);
  return rows
    .map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      territory: row.territory,
      description: row.description,
      active: row.active,
      useCases: Number(row.use_cases ?? 0),
      openNeeds: Number(row.open_needs ?? 0),
      folded: foldSearch(`${row.name} ${row.description}`),
      sortKey: foldSearch(row.name),
    }))
    .filter((row) => words.every((word) => row.folded.includes(word)))
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'fr') || a.id.localeCompare(b.id))
    .map(({ folded: _folded, sortKey: _sortKey, ...item }) => item);
}

export interface StaffListItem {
  id: string;
  slug: string;
  name: string;
  siret: string;
  territory: string;
  active: boolean | null;
  hidden: boolean;
  mergedInto: string | null;
  members: number;
  registerStatus: string | null;
}

/** Every administration for staff, hidden and merged ones included, by name; filtered by a folded search. */
export async function staffAdministrations(db: Reader, search: string): Promise<StaffListItem[]> {
  const rows = await db
    .selectFrom('commons_administrations as a')
    .select((eb) => [
      'a.id',
      'a.slug',
      'a.name',
      'a.siret',
      'a.territory',
      'a.active',
      'a.hidden',
      'a.merged_into',
      sql<string | null>`a.register_check->'register'->>'status'`.as('register_status'),
      eb
        .selectFrom('commons_administration_members as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.administration_id', '=', 'a.id')
        .as('members'),
    ])
    .execute();
  const words = foldSearch(search).split(' ').filter(Boolean);
  return rows
    .filter((row) => {
      const folded = foldSearch(`${row.name} ${row.siret}`);
      return words.every((word) => folded.includes(word));
    })
    .sort((a, b) => foldSearch(a.name).localeCompare(foldSearch(b.name), 'fr') || a.id.localeCompare(b.id))
    .map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      siret: row.siret,
      territory: row.territory,
      active: row.active,
      hidden: row.hidden,
      mergedInto: row.merged_into,
      members: Number(row.members ?? 0),
      registerStatus: row.register_status,
    }));
}

/** The administrations another may be merged into: neither merged nor the same, by name. */
export async function mergeCandidates(
  db: Reader,
  exceptId: string,
): Promise<{ id: string; name: string; siret: string }[]> {
  return db
    .selectFrom('commons_administrations')
    .select(['id', 'name', 'siret'])
    .where('id', '<>', exceptId)
    .where('merged_into', 'is', null)
    .orderBy('name')
    .execute();
}

export interface Member {
  userId: string;
  name: string;
  email: string | null;
  serviceId: string | null;
  serviceName: string | null;
  joinedVia: JoinedVia;
  joinedAt: Date;
}

/** The members of an administration, by name (an erased person shows as such). */
export async function membersOf(db: Reader, administrationId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('commons_administration_members as m')
    .leftJoin('commons_services as s', 's.id', 'm.service_id')
    .select([
      'm.user_id',
      'm.service_id',
      's.name as service_name',
      'm.joined_via',
      'm.joined_at',
      personColumn('m.user_id', 'given_name').as('given_name'),
      personColumn('m.user_id', 'family_name').as('family_name'),
      personColumn('m.user_id', 'email').as('email'),
    ])
    .where('m.administration_id', '=', administrationId)
    .execute();
  return rows
    .map((row) => ({
      userId: row.user_id,
      name: [row.given_name, row.family_name].filter(Boolean).join(' '),
      email: row.email,
      serviceId: row.service_id,
      serviceName: row.service_name,
      joinedVia: row.joined_via,
      joinedAt: new Date(row.joined_at),
    }))
    .sort((a, b) => foldSearch(a.name || a.email || '').localeCompare(foldSearch(b.name || b.email || ''), 'fr'));
}

export interface Service {
  id: string;
  name: string;
  siret: string | null;
  members: number;
}

export async function servicesOf(db: Reader, administrationId: string): Promise<Service[]> {
  const rows = await db
    .selectFrom('commons_services as s')
    .select((eb) => [
      's.id',
      's.name',
      's.siret',
      eb
        .selectFrom('commons_administration_members as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.service_id', '=', 's.id')
        .as('members'),
    ])
    .where('s.administration_id', '=', administrationId)
    .execute();
  return rows
    .map((row) => ({ id: row.id, name: row.name, siret: row.siret, members: Number(row.members ?? 0) }))
    .sort((a, b) => foldSearch(a.name).localeCompare(foldSearch(b.name), 'fr'));
}

export interface PendingInvitation {
  id: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Invitations neither accepted nor expired, newest first. */
export async function pendingInvitations(
  db: Reader,
  administrationId: string,
  now: Date,
): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom('commons_invitations')
    .select(['id', 'email', 'created_at', 'expires_at'])
    .where('administration_id', '=', administrationId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
  }));
}

export interface AdministrationUseCase {
  id: string;
  title: string;
  status: UseCaseStatus;
  visibility: Visibility;
  commonsName: string;
  commonsSlug: string;
}

/** What the administration uses: its use cases the reader may see, with their commons. */
export async function useCasesOf(
  db: Reader,
  administrationId: string,
  membersOnly: boolean,
): Promise<AdministrationUseCase[]> {
  const rows = await db
    .selectFrom('commons_use_cases as u')
    .innerJoin('commons as c', 'c.id', 'u.commons_id')
    .select(['u.id', 'u.title', 'u.status', 'u.visibility', 'c.name as commons_name', 'c.slug as commons_slug'])
    .where('u.administration_id', '=', administrationId)
    .where('u.hidden', '=', false)
    .where('c.hidden', '=', false)
    .where('u.visibility', 'in', visibilitiesFor(membersOnly))
    .orderBy('c.name')
    .orderBy('u.title')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    commonsName: row.commons_name,
    commonsSlug: row.commons_slug,
  }));
}

export interface AdministrationNeed {
  id: string;
  title: string;
  category: NeedCategory;
  deadline: string | null;
  visibility: Visibility;
}

/** What the administration needs: its open needs (and offers) the reader may see, newest first. */
export async function openNeedsOf(
  db: Reader,
  administrationId: string,
  membersOnly: boolean,
): Promise<AdministrationNeed[]> {
  const rows = await db
    .selectFrom('commons_needs')
    .select(['id', 'title', 'category', 'deadline', 'visibility'])
    .where('side', '=', 'administration')
    .where('administration_id', '=', administrationId)
    .where('closed_at', 'is', null)
    .where('hidden', '=', false)
    .where('visibility', 'in', visibilitiesFor(membersOnly))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    category: row.category,
    deadline: row.deadline === null ? null : String(row.deadline).slice(0, 10),
    visibility: row.visibility,
  }));
}

export interface AdministrationExperiment {
  id: string;
  title: string;
  status: ExperimentStatus;
  visibility: Visibility;
  commonsName: string;
  commonsSlug: string;
}

/** The experiments the administration takes part in, that the reader may see. */
export async function experimentsOf(
  db: Reader,
  administrationId: string,
  membersOnly: boolean,
): Promise<AdministrationExperiment[]> {
  const rows = await db
    .selectFrom('commons_experiment_administrations as ea')
    .innerJoin('commons_experiments as e', 'e.id', 'ea.experiment_id')
    .innerJoin('commons as c', 'c.id', 'e.commons_id')
    .select(['e.id', 'e.title', 'e.status', 'e.visibility', 'c.name as commons_name', 'c.slug as commons_slug'])
    .where('ea.administration_id', '=', administrationId)
    .where('c.hidden', '=', false)
    .where('e.visibility', 'in', visibilitiesFor(membersOnly))
    .orderBy('e.created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    commonsName: row.commons_name,
    commonsSlug: row.commons_slug,
  }));
}
