import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Message } from '../../core/i18n/i18n.js';
import { catalogueMessages as cm } from './catalogue/messages.js';
import type { CommonsKind, CommonsMaturity, UseCaseStatus } from './tables.js';
import { KIND_LABELS, STATUS_LABELS } from './use-cases/labels.js';
import { USE_CASES_PATH } from './use-cases/views/common.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The cooperation space's open data (issue 16): the commons and the use cases anyone may see, as the open-data
 * module publishes them. Nothing about people: no maintainer, member, referent nor author, only organisations.
 */

/** A visible commons of the catalogue (never hidden nor merged). */
export interface PublicCommons {
  id: string;
  slug: string;
  name: string;
  summary: string;
  description: string;
  website: string | null;
  repository: string | null;
  licence: string | null;
  kind: CommonsKind;
  maturity: CommonsMaturity;
  governanceName: string;
  governanceSiret: string | null;
  categories: string[];
  keywords: string[];
  levers: string[];
  wikidataId: string | null;
  /** Its public use cases (not hidden, not members-only). */
  useCases: number;
  url: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function publicCommons(db: Db): Promise<PublicCommons[]> {
  const rows = await db
    .selectFrom('commons as c')
    .select((eb) => [
      'c.id',
      'c.slug',
      'c.name',
      'c.summary',
      'c.description',
      'c.website',
      'c.repository',
      'c.licence',
      'c.kind',
      'c.maturity',
      'c.governance_name',
      'c.governance_siret',
      'c.categories',
      'c.keywords',
      'c.levers',
      'c.wikidata_id',
      'c.created_at',
      'c.updated_at',
      eb
        .selectFrom('commons_use_cases as u')
        .innerJoin('commons_administrations as a', 'a.id', 'u.administration_id')
        .select((u) => u.fn.countAll<string>().as('n'))
        .whereRef('u.commons_id', '=', 'c.id')
        .where('u.hidden', '=', false)
        .where('a.hidden', '=', false)
        .where('u.visibility', '=', 'public')
        .as('use_cases'),
    ])
    .where('c.hidden', '=', false)
    .where('c.merged_into', 'is', null)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    summary: r.summary,
    description: r.description,
    website: r.website,
    repository: r.repository,
    licence: r.licence,
    kind: r.kind,
    maturity: r.maturity,
    governanceName: r.governance_name,
    governanceSiret: r.governance_siret,
    categories: r.categories,
    keywords: r.keywords,
    levers: r.levers,
    wikidataId: r.wikidata_id,
    useCases: Number(r.use_cases ?? 0),
    url: `/cooperation/communs/${r.slug}`,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  }));
}

/** A public use case: administration X uses commons Y for Z (never hidden, never members-only). */
export interface PublicUseCase {
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
  administration: { id: string; name: string; siret: string };
  commons: { id: string; name: string; kind: CommonsKind };
  serviceName: string | null;
  url: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function publicUseCases(db: Db): Promise<PublicUseCase[]> {
  const rows = await db
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
      'u.created_at',
      'u.updated_at',
      'a.id as administration_id',
      'a.name as administration_name',
      'a.siret as administration_siret',
      'c.id as commons_id',
      'c.name as commons_name',
      'c.kind as commons_kind',
      's.name as service_name',
    ])
    .where('u.hidden', '=', false)
    .where('a.hidden', '=', false)
    .where('c.hidden', '=', false)
    .where('u.visibility', '=', 'public')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    abandonReason: r.abandon_reason,
    serviceUrl: r.service_url,
    audience: r.audience,
    territory: r.territory,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    administration: { id: r.administration_id, name: r.administration_name, siret: r.administration_siret },
    commons: { id: r.commons_id, name: r.commons_name, kind: r.commons_kind },
    serviceName: r.service_name,
    url: `${USE_CASES_PATH}/${r.id}`,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  }));
}

/** The labels of the codes the open data carries, for files read by people (CSV). */
export const commonsLabels: {
  kind: Record<CommonsKind, Message>;
  maturity: Record<CommonsMaturity, Message>;
  status: Record<UseCaseStatus, Message>;
} = {
  kind: KIND_LABELS,
  maturity: {
    idea: cm.maturity_idea,
    prototype: cm.maturity_prototype,
    production: cm.maturity_production,
    mature: cm.maturity_mature,
  },
  status: STATUS_LABELS,
};
