import type { PublishedGrant } from './published-grants.js';

/**
 * The same grants as a 360Giving Data Standard package (standard.threesixtygiving.org), for international
 * readers. Organisations are named by org-id.guide identifiers: FR-SIRET-… for a SIRET, FR-RNA-… for an
 * association known only by its RNA number. Disbursements are the payments made, in `transactions`
 * (an additional field; 360Giving allows them). Pure code.
 */

export interface Giving360Grant {
  id: string;
  title: string;
  description: string;
  currency: 'EUR';
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: { id: string; name: string }[];
  fundingOrganization: { id: string; name: string }[];
  plannedDates: { startDate: string; endDate: string }[];
  grantProgramme: { title: string }[];
  transactions: { amount: number; currency: 'EUR'; date: string }[];
}

export interface Giving360Package {
  grants: Giving360Grant[];
}

export const GIVING360_PREFIX = '360G-accelerateur-';

/** An org-id of the beneficiary: its SIRET, else its RNA number. */
export function recipientId(grant: Pick<PublishedGrant, 'beneficiarySiret' | 'beneficiaryRna'>): string {
  return grant.beneficiarySiret ? `FR-SIRET-${grant.beneficiarySiret}` : `FR-RNA-${grant.beneficiaryRna ?? ''}`;
}

export function giving360Grant(grant: PublishedGrant): Giving360Grant {
  return {
    id: `${GIVING360_PREFIX}${grant.reference}`,
    title: grant.purpose,
    description: `${grant.purpose} — ${grant.scheme}`,
    currency: 'EUR',
    amountAwarded: grant.amountCents / 100,
    awardDate: grant.signedOn,
    recipientOrganization: [{ id: recipientId(grant), name: grant.beneficiaryName }],
    fundingOrganization: [{ id: `FR-SIRET-${grant.payerSiret}`, name: grant.payerName }],
    plannedDates: [{ startDate: grant.actionStartsOn, endDate: grant.actionEndsOn }],
    grantProgramme: [{ title: grant.scheme }],
    transactions: grant.payments.map((p) => ({ amount: p.amountCents / 100, currency: 'EUR', date: p.paidOn })),
  };
}

export function giving360Package(grants: readonly PublishedGrant[]): Giving360Package {
  return { grants: grants.map(giving360Grant) };
}

/** The standard's required fields of a grant that are missing or malformed (an empty list when it is complete). */
export function giving360Problems(grant: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const text = (key: string) => typeof grant[key] === 'string' && (grant[key] as string).trim() !== '';
  for (const key of ['id', 'title', 'description', 'currency', 'awardDate']) if (!text(key)) problems.push(key);
  if (text('id') && !(grant.id as string).startsWith('360G-')) problems.push('id prefix 360G-');
  if (text('currency') && !/^[A-Z]{3}$/.test(grant.currency as string)) problems.push('currency ISO 4217');
  if (typeof grant.amountAwarded !== 'number' || !Number.isFinite(grant.amountAwarded)) problems.push('amountAwarded');
  if (text('awardDate') && !/^\d{4}-\d{2}-\d{2}/.test(grant.awardDate as string)) problems.push('awardDate date');
  for (const key of ['recipientOrganization', 'fundingOrganization']) {
    const orgs = grant[key];
    if (!Array.isArray(orgs) || orgs.length === 0) {
      problems.push(key);
      continue;
    }
    for (const org of orgs as Record<string, unknown>[]) {
      if (typeof org?.id !== 'string' || !/^[A-Z]{2}-[A-Z]+-.+/.test(org.id)) problems.push(`${key}.id`);
      if (typeof org?.name !== 'string' || org.name.trim() === '') problems.push(`${key}.name`);
    }
  }
  return problems;
}
