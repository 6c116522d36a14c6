import { type Locale, t } from '../../../core/i18n/i18n.js';
import { Checkbox, Input, RadioGroup, Select, TextArea } from '../../../core/ui/components.js';
import { centsToInput } from '../../seasons/index.js';
import type { LaureateSpace, Milestone } from '../../support/index.js';
import { CONDITIONS, MAX_TRANCHES, NATURES, TERMS } from '../grant-inputs.js';
import { grantMessages as m } from '../grant-messages.js';
import { dayOf, type Envelope, type Grant, type Tranche } from '../queries.js';
import type { FormState } from './common.js';

/** The form's values of a saved grant. */
export function grantFormValues(grant: Grant, tranches: Tranche[]): Record<string, string> {
  const values: Record<string, string> = {
    envelope_id: grant.envelopeId,
    reference: grant.reference,
    amount: centsToInput(grant.amountCents),
    purpose: grant.purpose,
    nature: grant.nature,
    payment_terms: grant.paymentTerms,
    payment_terms_text: grant.paymentTermsText,
    beneficiary_name: grant.beneficiaryName,
    beneficiary_siret: grant.beneficiarySiret ?? '',
    beneficiary_rna: grant.beneficiaryRna ?? '',
    action_starts_on: grant.actionStartsOn,
    action_ends_on: grant.actionEndsOn,
    share_percent:
      grant.shareOfCostsBp === null
        ? ''
        : grant.shareOfCostsBp % 100 === 0
          ? String(grant.shareOfCostsBp / 100)
          : (grant.shareOfCostsBp / 100).toFixed(2).replace('.', ','),
    eu_notified: grant.euNotified ? 'on' : '',
    rae_id: grant.raeId ?? '',
  };
  for (const tr of tranches) {
    values[`t${tr.position}_amount`] = centsToInput(tr.amountCents);
    values[`t${tr.position}_planned_on`] = tr.plannedOn;
    values[`t${tr.position}_condition`] = tr.condition;
    values[`t${tr.position}_milestone`] = tr.milestoneId ?? '';
    values[`t${tr.position}_text`] = tr.conditionText;
  }
  return values;
}

/** A new grant prefilled from the laureate: its organisation, the amount decided, one tranche of it all. */
export function prefilledValues(space: LaureateSpace, envelopes: Envelope[]): Record<string, string> {
  const decided = space.laureate.decidedCents;
  const own = envelopes.find((e) => e.trackCode === space.application.trackCode) ?? envelopes[0];
  return {
    envelope_id: own?.id ?? '',
    reference: '',
    amount: decided ? centsToInput(decided) : '',
    purpose: space.application.title.slice(0, 256),
    nature: 'cash',
    payment_terms: 'unique',
    beneficiary_name: space.application.organisationName,
    beneficiary_siret: space.application.siret ?? '',
    beneficiary_rna: space.application.rna ?? '',
    action_starts_on: space.plan ? dayOf(space.plan.startsOn) : '',
    action_ends_on: space.plan ? dayOf(space.plan.endsOn) : '',
    t1_amount: decided ? centsToInput(decided) : '',
    t1_planned_on: space.plan ? dayOf(space.plan.startsOn) : '',
    t1_condition: 'none',
  };
}

/** Labels of every field of the grant form, for the error summary. */
export function grantFieldLabels(locale: Locale): Record<string, string> {
  const labels: Record<string, string> = {
    envelope_id: t(locale, m.envelope),
    reference: t(locale, m.reference),
    amount: t(locale, m.amountEuros),
    purpose: t(locale, m.purpose),
    nature: t(locale, m.nature),
    payment_terms: t(locale, m.paymentTerms),
    payment_terms_text: t(locale, m.paymentTermsText),
    beneficiary_name: t(locale, m.beneficiaryName),
    beneficiary_siret: t(locale, m.beneficiarySiret),
    beneficiary_rna: t(locale, m.beneficiaryRna),
    action_starts_on: t(locale, m.startsOn),
    action_ends_on: t(locale, m.endsOn),
    share_percent: t(locale, m.sharePercent),
    rae_id: t(locale, m.raeId),
    reason: t(locale, m.reason),
  };
  for (let i = 1; i <= MAX_TRANCHES; i++) {
    labels[`t${i}_amount`] = t(locale, m.trancheAmount, { n: i });
    labels[`t${i}_planned_on`] = t(locale, m.tranchePlanned, { n: i });
    labels[`t${i}_condition`] = t(locale, m.trancheCondition, { n: i });
    labels[`t${i}_milestone`] = t(locale, m.trancheMilestone, { n: i });
    labels[`t${i}_text`] = t(locale, m.trancheText, { n: i });
  }
  return labels;
}

/** The grant's fields (inside a form the page opens): SCDL data, then the tranches' rows. */
export function GrantFields(props: {
  locale: Locale;
  state: FormState;
  envelopes: Envelope[];
  /** The envelope can no longer change once the grant is committed. */
  envelopeLocked: boolean;
  milestones: Milestone[];
  amending: boolean;
}): JSX.Element {
  const { locale, state } = props;
  const labels = grantFieldLabels(locale);
  const field = (name: string) => ({
    name,
    label: labels[name],
    value: state.values[name] ?? '',
    error: state.errors[name],
  });
  const lockedEnvelope = props.envelopes.find((e) => e.id === state.values.envelope_id);
  return (
    <>
      {props.envelopeLocked && lockedEnvelope ? (
        <>
          <input type="hidden" name="envelope_id" value={lockedEnvelope.id} />
          <p>
            <strong safe>{`${labels.envelope_id} : `}</strong>
            <span safe>{lockedEnvelope.label}</span>
          </p>
        </>
      ) : (
        <Select
          locale={locale}
          {...field('envelope_id')}
          required
          options={props.envelopes.map((e) => ({ value: e.id, label: e.label }))}
        />
      )}
      <Input locale={locale} {...field('reference')} required hint={t(locale, m.referenceHint)} maxlength={100} />
      <Input locale={locale} {...field('amount')} required hint={t(locale, m.amountHint)} />
      <TextArea locale={locale} {...field('purpose')} required hint={t(locale, m.purposeHint)} rows={3} />
      <RadioGroup
        locale={locale}
        name="nature"
        legend={labels.nature}
        value={state.values.nature ?? ''}
        error={state.errors.nature}
        required
        options={NATURES.map((n) => ({ value: n, label: t(locale, m[`nature_${n}`]) }))}
      />
      <RadioGroup
        locale={locale}
        name="payment_terms"
        legend={labels.payment_terms}
        value={state.values.payment_terms ?? ''}
        error={state.errors.payment_terms}
        required
        options={TERMS.map((n) => ({ value: n, label: t(locale, m[`terms_${n}`]) }))}
      />
      <Input locale={locale} {...field('payment_terms_text')} maxlength={256} />
      <Input locale={locale} {...field('beneficiary_name')} required maxlength={200} />
      <Input locale={locale} {...field('beneficiary_siret')} hint={t(locale, m.siretHint)} />
      <Input locale={locale} {...field('beneficiary_rna')} hint={t(locale, m.rnaHint)} />
      <Input locale={locale} {...field('action_starts_on')} type="date" required hint={t(locale, m.dateHint)} />
      <Input locale={locale} {...field('action_ends_on')} type="date" required hint={t(locale, m.dateHint)} />
      <Input locale={locale} {...field('share_percent')} hint={t(locale, m.shareHint)} />
      <Checkbox name="eu_notified" label={t(locale, m.euNotified)} checked={state.values.eu_notified === 'on'} />
      <Input locale={locale} {...field('rae_id')} hint={t(locale, m.raeHint)} maxlength={50} />
      <h3 class="fr-h5 fr-mt-4w" safe>
        {t(locale, m.tranches)}
      </h3>
      <p class="fr-hint-text" safe>
        {t(locale, m.tranchesHint)}
      </p>
      {props.milestones.length === 0 ? (
        <p class="fr-hint-text" safe>
          {t(locale, m.noMilestones)}
        </p>
      ) : (
        ''
      )}
      {Array.from({ length: MAX_TRANCHES }, (_, index) => {
        const n = index + 1;
        return (
          <fieldset class="fr-fieldset" aria-labelledby={`tranche-${n}-legend`}>
            <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`tranche-${n}-legend`} safe>
              {t(locale, m.trancheN, { n })}
            </legend>
            <div class="fr-fieldset__element">
              <Input locale={locale} {...field(`t${n}_amount`)} />
              <Input locale={locale} {...field(`t${n}_planned_on`)} type="date" hint={t(locale, m.dateHint)} />
              <Select
                locale={locale}
                {...field(`t${n}_condition`)}
                options={CONDITIONS.map((c) => ({ value: c, label: t(locale, m[`condition_${c}`]) }))}
              />
              {props.milestones.length > 0 ? (
                <Select
                  locale={locale}
                  {...field(`t${n}_milestone`)}
                  options={props.milestones.map((ms) => ({ value: ms.id, label: `${ms.title} (${ms.dueOn})` }))}
                />
              ) : (
                ''
              )}
              <Input locale={locale} {...field(`t${n}_text`)} maxlength={500} />
            </div>
          </fieldset>
        );
      })}
      {props.amending ? <TextArea locale={locale} {...field('reason')} hint={t(locale, m.reasonHint)} rows={3} /> : ''}
    </>
  );
}
