import type { FormReader } from '../../core/http/forms.js';
import { isValidRna, isValidSiret, normaliseRna, normaliseSiret } from '../applications/index.js';
import { parseEurosToCents } from '../seasons/index.js';
import { grantMessages as m } from './grant-messages.js';
import type { GrantNature, PaymentTerms, ProcedureKind, TrancheCondition } from './tables.js';

/** The most any amount may be: 100 million euros (an amount beyond is a typing mistake, never a grant). */
export const MAX_CENTS = 10_000_000_000;
/** Tranche rows a grant form offers. */
export const MAX_TRANCHES = 6;
export const NATURES: readonly GrantNature[] = ['cash', 'in_kind', 'both'];
export const TERMS: readonly PaymentTerms[] = ['unique', 'staggered', 'other'];
export const CONDITIONS: readonly TrancheCondition[] = ['none', 'milestone', 'report'];
export const PROCEDURE_KINDS: readonly ProcedureKind[] = ['suspend', 'reduce', 'withdraw'];

/** An amount typed in euros (French format), as cents above zero; null (and a field error) otherwise. */
export function readCents(form: FormReader, field: string, options: { required?: boolean } = {}): number | null {
  const text = form.text(field, { required: options.required ?? true, max: 30 });
  if (!text || form.errors[field]) return null;
  const cents = parseEurosToCents(text);
  if (cents === null || cents <= 0) {
    form.fail(field, m.invalidAmount);
    return null;
  }
  if (cents > MAX_CENTS) {
    form.fail(field, m.amountTooLarge);
    return null;
  }
  return cents;
}

export function readSiret(form: FormReader, field: string, options: { required?: boolean } = {}): string | null {
  const text = form.text(field, { required: options.required, max: 30 });
  if (!text || form.errors[field]) return null;
  if (!isValidSiret(text)) {
    form.fail(field, m.invalidSiret);
    return null;
  }
  return normaliseSiret(text);
}

function readRna(form: FormReader, field: string): string | null {
  const text = form.text(field, { max: 20 });
  if (!text || form.errors[field]) return null;
  if (!isValidRna(text)) {
    form.fail(field, m.invalidRna);
    return null;
  }
  return normaliseRna(text);
}

/** The version a form was read at, or undefined. */
export function readVersion(form: FormReader): number | undefined {
  const text = form.text('version', { max: 12 });
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export interface EnvelopeInput {
  trackCode: string;
  label: string;
  amountCents: number;
  payerName: string;
  payerSiret: string;
  budgetLine: string;
  scheme: string;
}

export function readEnvelopeForm(form: FormReader, tracks: readonly string[]): EnvelopeInput | null {
  const trackCode = form.choice('track_code', tracks) ?? '';
  const label = form.text('label', { required: true, max: 200 });
  const amountCents = readCents(form, 'amount');
  const payerName = form.text('payer_name', { required: true, max: 200 });
  const payerSiret = readSiret(form, 'payer_siret', { required: true });
  const budgetLine = form.text('budget_line', { required: true, max: 200 });
  const scheme = form.text('scheme', { required: true, max: 200 });
  if (!form.ok || amountCents === null || payerSiret === null) return null;
  return { trackCode, label, amountCents, payerName, payerSiret, budgetLine, scheme };
}

export interface TrancheInput {
  amountCents: number;
  plannedOn: string;
  condition: TrancheCondition;
  milestoneId: string | null;
  conditionText: string;
}

export interface GrantInput {
  envelopeId: string;
  reference: string;
  amountCents: number;
  purpose: string;
  nature: GrantNature;
  paymentTerms: PaymentTerms;
  paymentTermsText: string;
  beneficiaryName: string;
  beneficiarySiret: string | null;
  beneficiaryRna: string | null;
  actionStartsOn: string;
  actionEndsOn: string;
  shareOfCostsBp: number | null;
  euNotified: boolean;
  raeId: string | null;
  tranches: TrancheInput[];
}

/** A percentage typed "45" or "12,5" as basis points (1 to 100 %), or null when left empty. */
function readShare(form: FormReader): number | null {
  const text = form.text('share_percent', { max: 10 });
  if (!text || form.errors.share_percent) return null;
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.replace(/\s|%/g, ''));
  const bp = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : Number.NaN;
  if (!(bp >= 100 && bp <= 10_000)) {
    form.fail('share_percent', m.invalidShare);
    return null;
  }
  return bp;
}

/**
 * Reads the grant form: every field checked against what the SCDL allows (purpose ≤ 256, SIRET with its
 * check digit, RNA, a share of 1 to 100 %), the tranches' rows (an empty row is skipped).
 */
export function readGrantForm(
  form: FormReader,
  choices: { envelopeIds: readonly string[]; milestoneIds: readonly string[] },
): GrantInput | null {
  const envelopeId = form.choice('envelope_id', choices.envelopeIds, { required: true });
  const reference = form.text('reference', { required: true, max: 100 });
  const amountCents = readCents(form, 'amount');
  const purpose = form.text('purpose', { required: true, max: 256 });
  const nature = form.choice('nature', NATURES, { required: true });
  const paymentTerms = form.choice('payment_terms', TERMS, { required: true });
  const paymentTermsText = form.text('payment_terms_text', { max: 256 });
  if (paymentTerms === 'other' && !paymentTermsText && !form.errors.payment_terms_text)
    form.fail('payment_terms_text', m.termsTextRequired);
  const beneficiaryName = form.text('beneficiary_name', { required: true, max: 200 });
  const beneficiarySiret = readSiret(form, 'beneficiary_siret');
  const beneficiaryRna = readRna(form, 'beneficiary_rna');
  if (!beneficiarySiret && !beneficiaryRna && !form.errors.beneficiary_siret && !form.errors.beneficiary_rna)
    form.fail('beneficiary_siret', m.siretOrRna);
  const actionStartsOn = form.date('action_starts_on', { required: true });
  const actionEndsOn = form.date('action_ends_on', { required: true });
  if (actionStartsOn && actionEndsOn && actionEndsOn < actionStartsOn) form.fail('action_ends_on', m.endBeforeStart);
  const shareOfCostsBp = readShare(form);
  const euNotified = form.checkbox('eu_notified');
  const raeId = form.text('rae_id', { max: 50 }) || null;
  const tranches: TrancheInput[] = [];
  for (let i = 1; i <= MAX_TRANCHES; i++) {
    const amountText = form.text(`t${i}_amount`, { max: 30 });
    const plannedText = form.text(`t${i}_planned_on`, { max: 10 });
    const conditionText = form.text(`t${i}_text`, { max: 500 });
    const conditionRaw = form.text(`t${i}_condition`, { max: 20 });
    const milestoneRaw = form.text(`t${i}_milestone`, { max: 64 });
    if (!amountText && !plannedText && !conditionText && (conditionRaw === '' || conditionRaw === 'none')) continue;
    const amount = readCents(form, `t${i}_amount`);
    const plannedOn = form.date(`t${i}_planned_on`, { required: true });
    const condition = form.choice(`t${i}_condition`, CONDITIONS) ?? 'none';
    let milestoneId: string | null = null;
    if (condition === 'milestone') {
      // Without milestones the select is not shown: the refusal goes on the condition itself.
      if (choices.milestoneIds.length === 0) form.fail(`t${i}_condition`, m.noMilestones);
      else if (!choices.milestoneIds.includes(milestoneRaw)) form.fail(`t${i}_milestone`, m.milestoneRequired);
      else milestoneId = milestoneRaw;
    }
    if (amount !== null && plannedOn)
      tranches.push({ amountCents: amount, plannedOn, condition, milestoneId, conditionText });
  }
  if (!form.ok || !envelopeId || amountCents === null || !nature || !paymentTerms || !actionStartsOn || !actionEndsOn)
    return null;
  return {
    envelopeId,
    reference,
    amountCents,
    purpose,
    nature,
    paymentTerms,
    paymentTermsText: paymentTerms === 'other' ? paymentTermsText : '',
    beneficiaryName,
    beneficiarySiret,
    beneficiaryRna,
    actionStartsOn,
    actionEndsOn,
    shareOfCostsBp,
    euNotified,
    raeId,
    tranches,
  };
}
