import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { isUuid } from '../../../core/ids.js';
import type { PartnerKind, PartnersTable } from '../tables.js';

export type Partner = Selectable<PartnersTable>;
type Db = Kysely<DB> | Transaction<DB>;

/** The kinds in the order the public page shows them. */
export const PARTNER_KINDS: readonly PartnerKind[] = ['administration', 'association', 'company', 'foundation'];

export const PUBLIC_PATH = '/partenaires';
export const STAFF_PATH = '/admin/partenaires';

/** The public address of a published partner's logo (the route answers 404 for any other). */
export const logoHref = (id: string) => `${PUBLIC_PATH}/${id}/logo`;
export const staffLogoHref = (id: string) => `${STAFF_PATH}/${id}/logo`;

/** Every partner, in the list's order (position, then name for ties). */
export async function listPartners(db: Db): Promise<Partner[]> {
  return db.selectFrom('partners').selectAll().orderBy('position').orderBy('name').execute();
}

export async function partnerById(db: Db, id: string): Promise<Partner | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A partner as the public sees it: published, public fields only. */
export interface PublicPartner {
  id: string;
  name: string;
  kind: PartnerKind;
  description: string;
  descriptionEn: string;
  website: string | null;
  /** The logo's public path, or null without a logo. */
  logoUrl: string | null;
  logoAlt: string;
  /** The seasons the partner took part in; empty: every season. */
  seasonIds: string[];
}

/**
 * The published partners, public fields only, in the staff's order (for the public page and the open-data
 * API). With `seasonId`, only those that took part in that season (a partner of every season included).
 */
export async function publicPartners(db: Db, filter: { seasonId?: string } = {}): Promise<PublicPartner[]> {
  let query = db
    .selectFrom('partners')
    .select([
      'id',
      'name',
      'kind',
      'description',
      'description_en',
      'website',
      'logo_file_id',
      'logo_alt',
      'season_ids',
    ])
    .where('published', '=', true);
  if (filter.seasonId) {
    const seasonId = filter.seasonId;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('cardinality', ['season_ids']), '=', 0), eb(eb.val(seasonId), '=', eb.fn.any('season_ids'))]),
    );
  }
  const rows = await query.orderBy('position').orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    description: r.description,
    descriptionEn: r.description_en,
    website: r.website,
    logoUrl: r.logo_file_id ? logoHref(r.id) : null,
    logoAlt: r.logo_file_id ? r.logo_alt : '',
    seasonIds: r.season_ids,
  }));
}

/** The logo file of a partner, only while it is published (what the public logo route may serve). */
export async function publishedLogoFileId(db: Db, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('partners')
    .select('logo_file_id')
    .where('id', '=', id)
    .where('published', '=', true)
    .executeTakeFirst();
  return row?.logo_file_id ?? null;
}
