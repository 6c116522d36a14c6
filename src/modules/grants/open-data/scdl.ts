import type { GrantNature, PaymentTerms } from '../tables.js';
import type { PublishedGrant } from './published-grants.js';

/**
 * The SCDL Subventions 2.1.1 table (schema.data.gouv.fr/scdl/subventions): its 16 columns in the schema's
 * order, one row per beneficiary and convention (a grant has one beneficiary here). Pure code.
 *
 * The file: UTF-8 without BOM, comma separator, decimal point, fields quoted per RFC 4180 when they hold a
 * comma, a quote or a line break, records ended by CRLF (RFC 4180, and the Table Schema CSV dialect's default
 * line terminator, which the SCDL validator Validata applies; it reads LF too).
 */
export const SCDL_COLUMNS = [
  'nomAttribuant',
  'idAttribuant',
  'dateConvention',
  'referenceDecision',
  'nomBeneficiaire',
  'idBeneficiaire',
  'rnaBeneficiaire',
  'objet',
  'montant',
  'nature',
  'conditionsVersement',
  'datesPeriodeVersement',
  'idRAE',
  'notificationUE',
  'pourcentageSubvention',
  'dispositifAide',
] as const;

export type ScdlColumn = (typeof SCDL_COLUMNS)[number];
export type ScdlRow = Record<ScdlColumn, string>;

const NATURE: Record<GrantNature, string> = {
  cash: 'aide en numéraire',
  in_kind: 'aide en nature',
  both: 'aide en numéraire;aide en nature',
};

/** Euros with a decimal point from cents: 3000050 → "30000.50", 3000000 → "30000". */
export function euros(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** A share in basis points as a decimal between 0.01 and 1: 10000 → "1", 4500 → "0.45", 1234 → "0.1234". */
export function share(bp: number): string {
  const clamped = Math.min(10_000, Math.max(100, Math.round(bp)));
  if (clamped === 10_000) return '1';
  return `0.${String(clamped).padStart(4, '0').replace(/0+$/, '')}`;
}

function conditions(terms: PaymentTerms, text: string): string {
  if (terms === 'unique') return 'unique';
  if (terms === 'staggered') return 'échelonné';
  return text.trim().slice(0, 256) || 'autre';
}

/**
 * The payment period: the first and last day among the planned tranches and the payments made (one day
 * alone when they are all the same day); the action's period when there is neither.
 */
export function paymentPeriod(
  grant: Pick<PublishedGrant, 'tranches' | 'payments' | 'actionStartsOn' | 'actionEndsOn'>,
): string {
  const days = [...grant.tranches.map((t) => t.plannedOn), ...grant.payments.map((p) => p.paidOn)].sort();
  if (days.length === 0) return `${grant.actionStartsOn}/${grant.actionEndsOn}`;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  return first === last ? first : `${first}/${last}`;
}

/** One SCDL row of a published grant. */
export function scdlRow(grant: PublishedGrant): ScdlRow {
  return {
    nomAttribuant: grant.payerName,
    idAttribuant: grant.payerSiret,
    dateConvention: grant.signedOn,
    referenceDecision: grant.reference,
    nomBeneficiaire: grant.beneficiaryName,
    idBeneficiaire: grant.beneficiarySiret ?? '',
    rnaBeneficiaire: grant.beneficiaryRna ?? '',
    objet: grant.purpose.slice(0, 256),
    montant: euros(grant.amountCents),
    nature: NATURE[grant.nature],
    conditionsVersement: conditions(grant.paymentTerms, grant.paymentTermsText),
    datesPeriodeVersement: paymentPeriod(grant),
    idRAE: grant.raeId ?? '',
    notificationUE: grant.euNotified ? 'oui' : 'non',
    // The schema's pourcentageSubvention is the beneficiary's share of the grant, not the grant's share of the
    // action's costs (grants.share_of_costs_bp, kept for the staff): one beneficiary per convention here, so 1.
    pourcentageSubvention: share(10_000),
    dispositifAide: grant.scheme,
  };
}

/** A field quoted per RFC 4180 when it holds a comma, a double quote or a line break. */
export function rfc4180Field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole file: header then rows, each record ended by CRLF. */
export function scdlCsv(rows: readonly ScdlRow[]): string {
  const lines = [SCDL_COLUMNS.join(','), ...rows.map((row) => SCDL_COLUMNS.map((c) => rfc4180Field(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
