import type { FieldError } from '../../../../core/http/forms.js';
import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, Input, RadioGroup, Select, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { contributionFieldLabels, MAX_SHORT, MAX_TITLE, useCaseFieldLabels } from '../forms.js';
import {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_LABELS,
  optionsOf,
  STATUS_LABELS,
  territoryOptions,
  USE_CASE_STATUSES,
  VISIBILITIES,
  VISIBILITY_LABELS,
} from '../labels.js';
import { useCaseMessages as m } from '../messages.js';
import type { Contribution, Named, ServiceOption, UseCaseView } from '../queries.js';
import { USE_CASES_PATH, useCaseHref } from './common.js';
import { ContributionList } from './use-cases.js';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

/** The form's values for a stored use case. */
export function useCaseFormValues(u: UseCaseView): Record<string, string> {
  return {
    administration: u.administrationId,
    commun: u.commonsId,
    service: u.serviceId ?? '',
    title: u.title,
    description: u.description,
    status: u.status,
    abandon_reason: u.abandonReason ?? '',
    service_url: u.serviceUrl ?? '',
    audience: u.audience,
    territory: u.territory,
    started_on: u.startedOn ?? '',
    ended_on: u.endedOn ?? '',
    visibility: u.visibility,
    version: String(u.version),
  };
}

/** The administration posted for: a list when the person belongs to several, else a fixed value shown as text. */
export function AdministrationField(props: {
  locale: Locale;
  administrations: Named[];
  value: string;
  error?: FieldError;
  fixed?: Named;
}): JSX.Element {
  const { locale } = props;
  const fixed = props.fixed ?? (props.administrations.length === 1 ? props.administrations[0] : undefined);
  if (fixed)
    return (
      <div class="fr-mb-3w">
        <input type="hidden" name="administration" value={fixed.id} />
        <p class="fr-mb-0">
          <span class="fr-text--bold" safe>
            {`${t(locale, m.fieldAdministration)} : `}
          </span>
          <span safe>{fixed.name}</span>
        </p>
      </div>
    );
  return (
    <Select
      locale={locale}
      name="administration"
      label={t(locale, m.fieldAdministration)}
      hint={t(locale, m.fieldAdministrationHint)}
      value={props.value}
      error={props.error}
      required
      options={props.administrations.map((a) => ({ value: a.id, label: a.name }))}
    />
  );
}

export function UseCaseFormPage(props: {
  ctx: ViewContext;
  useCase: UseCaseView | null;
  form: FormState;
  administrations: Named[];
  commons: Named[];
  services: ServiceOption[];
  notice?: { kind: 'warning' | 'success'; title: string; text?: string };
  contributions?: Contribution[];
  contributionForm?: FormState;
}): JSX.Element {
  const { ctx, useCase, form } = props;
  const { locale } = ctx;
  const v = form.values;
  const e = form.errors;
  const title = t(locale, useCase ? m.useCaseEditTitle : m.useCaseNewTitle);
  const action = useCase ? `${useCaseHref(useCase.id)}/modifier` : `${USE_CASES_PATH}/nouveau`;
  const several = new Set(props.services.map((s) => s.administrationId)).size > 1;
  const adminName = (id: string) => props.administrations.find((a) => a.id === id)?.name ?? '';
  const fixed = useCase
    ? { id: useCase.administrationId, slug: useCase.administrationSlug, name: useCase.administrationName }
    : undefined;
  return (
    <CooperationPage
      ctx={ctx}
      section="use-cases"
      title={title}
      crumbs={
        useCase
          ? [{ label: useCase.title, href: useCaseHref(useCase.id) }, { label: t(locale, m.edit) }]
          : [{ label: title }]
      }
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
      <p safe>{t(locale, m.useCaseFormIntro)}</p>
      <ErrorSummary locale={locale} errors={e} labels={useCaseFieldLabels(locale)} />
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        {useCase ? <input type="hidden" name="version" value={v.version ?? String(useCase.version)} /> : ''}
        <AdministrationField
          locale={locale}
          administrations={props.administrations}
          value={v.administration ?? ''}
          error={e.administration}
          fixed={fixed}
        />
        <Select
          locale={locale}
          name="commun"
          label={t(locale, m.fieldCommons)}
          hint={t(locale, m.fieldCommonsHint)}
          value={v.commun ?? ''}
          error={e.commun}
          required
          options={props.commons.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Input
          locale={locale}
          name="title"
          label={t(locale, m.fieldTitle)}
          value={v.title}
          error={e.title}
          required
          maxlength={MAX_TITLE}
        />
        <TextArea
          locale={locale}
          name="description"
          label={t(locale, m.fieldDescription)}
          value={v.description}
          error={e.description}
          required
          rows={8}
        />
        <RadioGroup
          locale={locale}
          name="status"
          legend={t(locale, m.fieldStatus)}
          options={optionsOf(locale, USE_CASE_STATUSES, STATUS_LABELS)}
          value={v.status ?? ''}
          error={e.status}
          required
          inline
        />
        <TextArea
          locale={locale}
          name="abandon_reason"
          label={t(locale, m.fieldAbandonReason)}
          hint={t(locale, m.fieldAbandonReasonHint)}
          value={v.abandon_reason}
          error={e.abandon_reason}
          rows={3}
        />
        <Input
          locale={locale}
          name="service_url"
          type="url"
          label={t(locale, m.fieldServiceUrl)}
          hint={t(locale, m.fieldServiceUrlHint)}
          value={v.service_url}
          error={e.service_url}
          maxlength={2000}
        />
        <Input
          locale={locale}
          name="audience"
          label={t(locale, m.fieldAudience)}
          hint={t(locale, m.fieldAudienceHint)}
          value={v.audience}
          error={e.audience}
          maxlength={MAX_SHORT}
        />
        <Select
          locale={locale}
          name="territory"
          label={t(locale, m.fieldTerritory)}
          value={v.territory ?? ''}
          error={e.territory}
          required
          options={territoryOptions(locale)}
        />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="started_on"
              type="date"
              label={t(locale, m.fieldStartedOn)}
              hint={t(locale, m.dateHint)}
              value={v.started_on}
              error={e.started_on}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="ended_on"
              type="date"
              label={t(locale, m.fieldEndedOn)}
              hint={t(locale, m.dateHint)}
              value={v.ended_on}
              error={e.ended_on}
            />
          </div>
        </div>
        {props.services.length > 0 ? (
          <Select
            locale={locale}
            name="service"
            label={t(locale, m.fieldService)}
            hint={t(locale, m.fieldServiceHint)}
            value={v.service ?? ''}
            error={e.service}
            options={[
              { value: '', label: t(locale, m.noService) },
              ...props.services.map((s) => ({
                value: s.id,
                label: several ? `${adminName(s.administrationId)} — ${s.name}` : s.name,
              })),
            ]}
          />
        ) : (
          ''
        )}
        <RadioGroup
          locale={locale}
          name="visibility"
          legend={t(locale, m.fieldVisibility)}
          options={optionsOf(locale, VISIBILITIES, VISIBILITY_LABELS)}
          value={v.visibility ?? 'public'}
          error={e.visibility}
          required
        />
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.save)}
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={useCase ? useCaseHref(useCase.id) : USE_CASES_PATH} safe>
              {t(locale, m.cancel)}
            </a>
          </li>
        </ul>
      </form>
      {useCase && props.contributions ? (
        <ContributionsSection
          ctx={ctx}
          useCase={useCase}
          contributions={props.contributions}
          form={props.contributionForm ?? emptyForm({ kind: 'code' })}
        />
      ) : (
        ''
      )}
    </CooperationPage>
  );
}

function ContributionsSection(props: {
  ctx: ViewContext;
  useCase: UseCaseView;
  contributions: Contribution[];
  form: FormState;
}): JSX.Element {
  const { ctx, useCase, form } = props;
  const { locale } = ctx;
  const v = form.values;
  const e = form.errors;
  const base = useCaseHref(useCase.id);
  return (
    <section class="fr-mt-6w" aria-labelledby="contributions-title">
      <h2 id="contributions-title" safe>
        {t(locale, m.contributionsHeading)}
      </h2>
      <p safe>{t(locale, m.contributionsIntro)}</p>
      <ContributionList
        locale={locale}
        contributions={props.contributions}
        removeAction={(id) => `${base}/contributions/${id}/supprimer`}
        csrfToken={ctx.csrfToken}
      />
      <h3 class="fr-h5" id="add-contribution" safe>
        {t(locale, m.addContribution)}
      </h3>
      <ErrorSummary locale={locale} errors={e} labels={contributionFieldLabels(locale)} />
      <form method="post" action={`${base}/contributions`}>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup
          locale={locale}
          name="kind"
          legend={t(locale, m.fieldContributionKind)}
          options={optionsOf(locale, CONTRIBUTION_KINDS, CONTRIBUTION_LABELS)}
          value={v.kind ?? ''}
          error={e.kind}
          required
          inline
        />
        <TextArea
          locale={locale}
          name="contribution_description"
          label={t(locale, m.fieldContributionDescription)}
          value={v.contribution_description}
          error={e.contribution_description}
          required
          rows={3}
        />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="amount"
              label={t(locale, m.fieldAmount)}
              hint={t(locale, m.fieldAmountHint)}
              value={v.amount}
              error={e.amount}
              maxlength={30}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="occurred_on"
              type="date"
              label={t(locale, m.fieldOccurredOn)}
              hint={t(locale, m.dateHint)}
              value={v.occurred_on}
              error={e.occurred_on}
            />
          </div>
        </div>
        <button type="submit" class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left fr-mt-2w" safe>
          {t(locale, m.addContribution)}
        </button>
      </form>
    </section>
  );
}
