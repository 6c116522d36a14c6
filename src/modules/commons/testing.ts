import type { Kysely } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { slugify } from '../../core/ids.js';
import type { CommonsKind, NeedCategory, NeedKind, NeedSide, UseCaseStatus, Visibility } from './tables.js';
import './tables.js';

/**
 * Test support: cooperation records written straight into this module's tables, so that each part's tests
 * start from a known space (each part's own use cases are tested through its routes). Every helper returns
 * the new row's id. A SIRET given must be valid (14 digits, Luhn key): VALID_SIRETS has some.
 */

/** Valid SIRETs (Luhn key right), none of them a real administration's. */
export const VALID_SIRETS = ['11000000000007', '11000000000015', '11000000000023', '11000000000031'] as const;

export async function insertCommons(
  db: Kysely<DB>,
  now: Date,
  values: {
    name: string;
    summary?: string;
    description?: string;
    kind?: CommonsKind;
    licence?: string | null;
    categories?: string[];
    keywords?: string[];
    levers?: string[];
    maintainers?: string[];
    hidden?: boolean;
  },
): Promise<string> {
  const row = await db
    .insertInto('commons')
    .values({
      slug: slugify(values.name),
      name: values.name,
      summary: values.summary ?? `${values.name}, un commun numérique.`,
      description: values.description ?? `${values.name} : description.`,
      website: null,
      repository: null,
      licence: values.licence === undefined ? 'AGPL-3.0-or-later' : values.licence,
      kind: values.kind ?? 'software',
      maturity: 'production',
      governance_name: `Communauté ${values.name}`,
      governance_siret: null,
      governance_rna: null,
      categories: values.categories ?? [],
      keywords: values.keywords ?? [],
      levers: values.levers ?? [],
      laureate_application_id: null,
      sill_id: null,
      wikidata_id: null,
      hidden: values.hidden ?? false,
      hidden_reason: values.hidden ? 'test' : null,
      merged_into: null,
      created_at: now,
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of values.maintainers ?? [])
    await db
      .insertInto('commons_maintainers')
      .values({ commons_id: row.id, user_id: userId, added_at: now, added_by: null })
      .execute();
  return row.id;
}

export async function insertAdministration(
  db: Kysely<DB>,
  now: Date,
  values: { name: string; siret: string; territory?: string; members?: string[]; hidden?: boolean },
): Promise<string> {
  const row = await db
    .insertInto('commons_administrations')
    .values({
      slug: slugify(values.name),
      name: values.name,
      siret: values.siret,
      legal_category: null,
      register_check: null,
      active: null,
      website: null,
      territory: values.territory ?? 'FR',
      description: '',
      hidden: values.hidden ?? false,
      hidden_reason: values.hidden ? 'test' : null,
      merged_into: null,
      created_at: now,
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of values.members ?? [])
    await db
      .insertInto('commons_administration_members')
      .values({
        administration_id: row.id,
        user_id: userId,
        service_id: null,
        joined_via: 'staff',
        joined_at: now,
        invited_by: null,
      })
      .execute();
  return row.id;
}

export async function insertUseCase(
  db: Kysely<DB>,
  now: Date,
  values: {
    administrationId: string;
    commonsId: string;
    title: string;
    description?: string;
    status?: UseCaseStatus;
    visibility?: Visibility;
    referents?: string[];
  },
): Promise<string> {
  const status = values.status ?? 'exploration';
  const row = await db
    .insertInto('commons_use_cases')
    .values({
      administration_id: values.administrationId,
      commons_id: values.commonsId,
      service_id: null,
      title: values.title,
      description: values.description ?? `${values.title} : description.`,
      status,
      abandon_reason: status === 'abandoned' ? 'Abandonné pour le test.' : null,
      service_url: null,
      audience: '',
      territory: 'FR',
      started_on: null,
      ended_on: null,
      visibility: values.visibility ?? 'public',
      created_at: now,
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of values.referents ?? [])
    await db
      .insertInto('commons_referents')
      .values({ use_case_id: row.id, user_id: userId, commitment_version: 1, accepted_at: now })
      .execute();
  return row.id;
}

export async function insertNeed(
  db: Kysely<DB>,
  now: Date,
  values: {
    side: NeedSide;
    ownerId: string;
    title: string;
    kind?: NeedKind;
    category?: NeedCategory;
    description?: string;
    lever?: string | null;
    territory?: string;
    visibility?: Visibility;
    createdBy?: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('commons_needs')
    .values({
      side: values.side,
      kind: values.kind ?? 'need',
      administration_id: values.side === 'administration' ? values.ownerId : null,
      commons_id: values.side === 'commons' ? values.ownerId : null,
      category: values.category ?? (values.side === 'administration' ? 'problem' : 'contributors'),
      title: values.title,
      description: values.description ?? `${values.title} : description.`,
      context: '',
      territory: values.territory ?? 'FR',
      lever: values.lever ?? null,
      deadline: null,
      visibility: values.visibility ?? 'public',
      closed_at: null,
      outcome: null,
      outcome_note: null,
      created_at: now,
      created_by: values.createdBy ?? null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
