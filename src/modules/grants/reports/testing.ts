import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { GrantNature, GrantStatus, PaymentTerms } from '../tables.js';

/**
 * Test data for the financial report and the open data: envelopes, grants, tranches, payments and conventions
 * inserted directly (the grant use cases are another part's). For tests and the accessibility run only.
 */

/** A valid SIRET (Luhn) for the DINUM-like payer of the tests. */
export const TEST_PAYER_SIRET = '13002526500013';
/** Valid SIRETs for beneficiaries (Luhn). */
export const TEST_SIRETS = ['73282932000074', '35600000000048', '44306184100047', '38047555800058'];

export async function insertEnvelope(
  db: Kysely<DB>,
  input: { seasonId: string; trackCode?: string; label?: string; amountCents?: number; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('grant_envelopes')
    .values({
      season_id: input.seasonId,
      track_code: input.trackCode ?? '',
      label: input.label ?? 'Enveloppe test',
      amount_cents: input.amountCents ?? 100_000_000,
      payer_name: 'Direction interministérielle du numérique',
      payer_siret: TEST_PAYER_SIRET,
      budget_line: 'P129',
      scheme: 'Accélérateur d’initiatives citoyennes',
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TestGrantInput {
  envelopeId: string;
  applicationId: string;
  seasonId: string;
  reference: string;
  amountCents?: number;
  purpose?: string;
  nature?: GrantNature;
  paymentTerms?: PaymentTerms;
  paymentTermsText?: string;
  beneficiaryName?: string;
  beneficiarySiret?: string | null;
  beneficiaryRna?: string | null;
  actionStartsOn?: string;
  actionEndsOn?: string;
  status?: GrantStatus;
  /** The convention's signature day; no convention row when absent. */
  signedOn?: string;
  tranches?: { amountCents: number; plannedOn: string }[];
  payments?: { amountCents: number; paidOn: string }[];
  now: Date;
}

export async function insertGrant(db: Kysely<DB>, input: TestGrantInput): Promise<string> {
  const amount = input.amountCents ?? 3_000_000;
  const row = await db
    .insertInto('grants')
    .values({
      envelope_id: input.envelopeId,
      application_id: input.applicationId,
      season_id: input.seasonId,
      reference: input.reference,
      amount_cents: amount,
      purpose: input.purpose ?? 'Déploiement du commun dans trois territoires',
      nature: input.nature ?? 'cash',
      payment_terms: input.paymentTerms ?? 'staggered',
      payment_terms_text: input.paymentTermsText ?? '',
      beneficiary_name: input.beneficiaryName ?? 'Association test',
      beneficiary_siret: input.beneficiarySiret === undefined ? TEST_SIRETS[0] : input.beneficiarySiret,
      beneficiary_rna: input.beneficiaryRna === undefined ? 'W751234567' : input.beneficiaryRna,
      action_starts_on: input.actionStartsOn ?? '2026-01-01',
      action_ends_on: input.actionEndsOn ?? '2026-12-31',
      status: input.status ?? 'signed',
      committed_at: input.now,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tranches = input.tranches ?? [
    { amountCents: Math.round(amount / 2), plannedOn: '2026-02-01' },
    { amountCents: amount - Math.round(amount / 2), plannedOn: '2026-09-01' },
  ];
  for (const [i, tranche] of tranches.entries())
    await db
      .insertInto('grant_tranches')
      .values({
        grant_id: row.id,
        position: i + 1,
        amount_cents: tranche.amountCents,
        planned_on: tranche.plannedOn,
        condition: 'none',
        condition_text: '',
      })
      .execute();
  for (const payment of input.payments ?? [])
    await db
      .insertInto('grant_payments')
      .values({
        grant_id: row.id,
        paid_on: payment.paidOn,
        amount_cents: payment.amountCents,
        reference: `VIR-${payment.paidOn}`,
        recorded_at: input.now,
      })
      .execute();
  if (input.signedOn)
    await db
      .insertInto('grant_conventions')
      .values({
        grant_id: row.id,
        generated_at: input.now,
        pdf: null,
        pdf_sha256: '0'.repeat(64),
        signed_by_beneficiary_on: input.signedOn,
        signed_by_payer_on: input.signedOn,
        signed_on: input.signedOn,
      })
      .execute();
  return row.id;
}
