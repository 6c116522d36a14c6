import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { SIGNED_STATUSES } from '../figures.js';
import { toDay } from '../reports/queries.js';
import type { GrantNature, PaymentTerms } from '../tables.js';
import '../tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A grant as the open data publishes it: what the convention and its payments say, nothing personal. */
export interface PublishedGrant {
  grantId: string;
  seasonId: string;
  reference: string;
  payerName: string;
  payerSiret: string;
  scheme: string;
  /** The convention's date (its last signature), YYYY-MM-DD. */
  signedOn: string;
  beneficiaryName: string;
  beneficiarySiret: string | null;
  beneficiaryRna: string | null;
  purpose: string;
  amountCents: number;
  nature: GrantNature;
  paymentTerms: PaymentTerms;
  paymentTermsText: string;
  actionStartsOn: string;
  actionEndsOn: string;
  raeId: string | null;
  euNotified: boolean;
  shareBp: number | null;
  tranches: { plannedOn: string; amountCents: number }[];
  payments: { paidOn: string; amountCents: number }[];
}

/**
 * The grants the open data publishes: those whose convention is signed (a signature day is recorded) and
 * whose grant is signed, suspended or closed. Décret 2017-779 asks for the conventions above 23 000 € within
 * three months of their signature; we publish every signed convention, whatever its amount, as soon as it is
 * signed (the file is computed on request). A suspended grant stays published: its convention was signed and
 * the money attributed, and suspension does not undo that; a cancelled grant (or one never signed) is not.
 */
export async function publishedGrants(db: Db): Promise<PublishedGrant[]> {
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('grant_envelopes as e', 'e.id', 'g.envelope_id')
    .innerJoin('grant_conventions as c', 'c.grant_id', 'g.id')
    .select([
      'g.id',
      'g.season_id',
      'g.reference',
      'e.payer_name',
      'e.payer_siret',
      'e.scheme',
      'c.signed_on',
      'g.beneficiary_name',
      'g.beneficiary_siret',
      'g.beneficiary_rna',
      'g.purpose',
      'g.amount_cents',
      'g.nature',
      'g.payment_terms',
      'g.payment_terms_text',
      'g.action_starts_on',
      'g.action_ends_on',
      'g.rae_id',
      'g.eu_notified',
      'g.share_of_costs_bp',
    ])
    .where('c.signed_on', 'is not', null)
    .where('g.status', 'in', SIGNED_STATUSES)
    .orderBy('c.signed_on')
    .orderBy('g.reference')
    .execute();
  const ids = rows.map((r) => r.id);
  const [tranches, payments] = ids.length
    ? await Promise.all([
        db
          .selectFrom('grant_tranches')
          .select(['grant_id', 'planned_on', 'amount_cents'])
          .where('grant_id', 'in', ids)
          .orderBy('planned_on')
          .orderBy('position')
          .execute(),
        db
          .selectFrom('grant_payments')
          .select(['grant_id', 'paid_on', 'amount_cents'])
          .where('grant_id', 'in', ids)
          .orderBy('paid_on')
          .orderBy('id')
          .execute(),
      ])
    : [[], []];
  return rows.map((r) => ({
    grantId: r.id,
    seasonId: r.season_id,
    reference: r.reference,
    payerName: r.payer_name,
    payerSiret: r.payer_siret,
    scheme: r.scheme,
    signedOn: toDay(r.signed_on),
    beneficiaryName: r.beneficiary_name,
    beneficiarySiret: r.beneficiary_siret,
    beneficiaryRna: r.beneficiary_rna,
    purpose: r.purpose,
    amountCents: Number(r.amount_cents),
    nature: r.nature,
    paymentTerms: r.payment_terms,
    paymentTermsText: r.payment_terms_text,
    actionStartsOn: toDay(r.action_starts_on),
    actionEndsOn: toDay(r.action_ends_on),
    raeId: r.rae_id,
    euNotified: r.eu_notified,
    shareBp: r.share_of_costs_bp,
    tranches: tranches
      .filter((t) => t.grant_id === r.id)
      .map((t) => ({ plannedOn: toDay(t.planned_on), amountCents: Number(t.amount_cents) })),
    payments: payments
      .filter((p) => p.grant_id === r.id)
      .map((p) => ({ paidOn: toDay(p.paid_on), amountCents: Number(p.amount_cents) })),
  }));
}

/** The last change of what the grants' open data shows: a published grant's row or a payment recorded on it. */
export async function publishedGrantsUpdatedAt(db: Db, grants: readonly PublishedGrant[]): Promise<Date | null> {
  const ids = grants.map((g) => g.grantId);
  if (ids.length === 0) return null;
  const [grant, payment] = await Promise.all([
    db
      .selectFrom('grants')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .where('id', 'in', ids)
      .executeTakeFirst(),
    db
      .selectFrom('grant_payments')
      .select((eb) => eb.fn.max('recorded_at').as('at'))
      .where('grant_id', 'in', ids)
      .executeTakeFirst(),
  ]);
  const times = [grant?.at, payment?.at].filter((at) => at != null).map((at) => new Date(at as Date).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}
