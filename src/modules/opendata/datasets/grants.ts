import { type Static, Type } from '@sinclair/typebox';
import { publishedGrants, publishedGrantsUpdatedAt, SCDL_COLUMNS, scdlRow } from '../../grants/index.js';
import { datasetMessages as m } from '../messages.js';
import { Uuid } from '../schemas.js';
import { defineDataset } from './dataset.js';

const SCDL_SCHEMA = 'https://schema.data.gouv.fr/scdl/subventions/';

/** The 16 SCDL Subventions 2.1.1 fields, as text, in the schema's order. */
const scdlFields = Object.fromEntries(SCDL_COLUMNS.map((column) => [column, Type.String()])) as Record<
  (typeof SCDL_COLUMNS)[number],
  ReturnType<typeof Type.String>
>;

export const GrantRecord = Type.Object({
  id: Uuid,
  seasonId: Uuid,
  amountCents: Type.Integer({ description: 'The amount in euro cents (montant is in euros)' }),
  ...scdlFields,
});
type GrantRecord = Static<typeof GrantRecord>;

/**
 * The signed grant agreements in the SCDL Subventions 2.1.1 fields. Its CSV is the grants module's SCDL file
 * (comma separated, as the national schema says), linked rather than made twice; the 360Giving file too.
 */
export const grantsDataset = defineDataset<GrantRecord>({
  path: 'grants',
  file: 'subventions',
  title: m.grantsTitle,
  description: m.grantsText,
  keywords: { fr: ['subventions', 'SCDL', 'conventions'], en: ['grants', 'SCDL', '360Giving'] },
  schema: GrantRecord,
  schemaUrl: SCDL_SCHEMA,
  filters: {
    season: { schema: Uuid, test: (g, value) => g.seasonId === value },
  },
  async load(services) {
    return (await publishedGrants(services.db)).map((g) => ({
      id: g.grantId,
      seasonId: g.seasonId,
      amountCents: g.amountCents,
      ...scdlRow(g),
    }));
  },
  async modified(services) {
    return publishedGrantsUpdatedAt(services.db, await publishedGrants(services.db));
  },
  csv: {
    href: '/donnees/subventions.csv',
    title: m.grantsScdl,
    format: 'CSV',
    mediaType: 'text/csv',
    schemaUrl: SCDL_SCHEMA,
  },
  more: [
    {
      href: '/donnees/subventions-360giving.json',
      title: m.grants360,
      format: 'JSON',
      mediaType: 'application/json',
    },
  ],
});
