import { t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, Input, RadioGroup, Select, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { COOPERATION_HREFS, CooperationPage } from '../../views/cooperation-layout.js';
import { EXPERIMENT_STATUSES, VISIBILITIES } from '../experiment-input.js';
import { experimentMessages as m } from '../messages.js';
import type { ChoiceOption } from '../queries.js';
import { territoryOptions } from '../territories.js';
import { experimentHref, type FormState } from './parts.js';

export interface ExperimentFormData {
  /** Null when creating one. */
  experiment: { id: string; title: string; version: number; commonsName: string } | null;
  commons: ChoiceOption[];
  administrations: ChoiceOption[];
  /** The administrations the person is a member of (marked in the list). */
  mine: string[];
  /** Staff: no membership rule applies. */
  staff: boolean;
  form: FormState;
  stale?: boolean;
}

/** The form that creates or edits an experiment. */
export function ExperimentFormPage(props: { ctx: ViewContext; data: ExperimentFormData }): JSX.Element {
  const { ctx, data } = props;
  const { locale } = ctx;
  const { form, experiment } = data;
  const v = form.values;
  const title = t(locale, experiment ? m.editTitle : m.newTitle);
  const chosen = new Set((v.administrations ?? '').split(',').filter(Boolean));
  const labels: Record<string, string> = {
    title: t(locale, m.fieldTitle),
    commons: t(locale, m.fieldCommons),
    administrations: t(locale, m.fieldAdministrationsLegend),
    goal: t(locale, m.fieldGoal),
    territory: t(locale, m.fieldTerritory),
    starts_on: t(locale, m.fieldStartsOn),
    ends_on: t(locale, m.fieldEndsOn),
    status: t(locale, m.fieldStatus),
    outcome: t(locale, m.fieldOutcome),
    visibility: t(locale, m.fieldVisibility),
  };
  const action = experiment ? `${experimentHref(experiment.id)}/modifier` : `${COOPERATION_HREFS.experiments}/nouvelle`;
  const ordered = [
    ...data.administrations.filter((a) => data.mine.includes(a.id)),
    ...data.administrations.filter((a) => !data.mine.includes(a.id)),
  ];
  const administrationsError = form.errors.administrations;
  return (
    <CooperationPage
      ctx={ctx}
      section="experiments"
      title={title}
      crumbs={[
        ...(experiment ? [{ label: experiment.title, href: experimentHref(experiment.id) }] : []),
        { label: title },
      ]}
    >
      {data.stale ? <Alert kind="error" title={t(locale, m.stale)} /> : ''}
      <ErrorSummary locale={locale} errors={form.errors} labels={labels} />
      <p safe>{t(locale, m.formIntro)}</p>
      {!data.staff && !experiment ? (
        <p class="fr-text--sm" safe>
          {t(locale, m.creatorRule)}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        {experiment ? <input type="hidden" name="version" value={String(experiment.version)} /> : ''}
        <Input
          locale={locale}
          name="title"
          label={labels.title!}
          value={v.title}
          error={form.errors.title}
          required
          maxlength={200}
        />
        {experiment ? (
          <div class="fr-mb-3w">
            <p class="fr-mb-1v">
              <strong safe>{labels.commons}</strong>
              <span safe>{` : ${experiment.commonsName}`}</span>
            </p>
            <p class="fr-hint-text" safe>
              {t(locale, m.commonsFixed)}
            </p>
          </div>
        ) : (
          <Select
            locale={locale}
            name="commons"
            label={labels.commons!}
            required
            value={v.commons}
            error={form.errors.commons}
            options={data.commons.map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
        <fieldset
          class={`fr-fieldset${administrationsError ? ' fr-fieldset--error' : ''}`}
          id="administrations"
          aria-labelledby={
            administrationsError ? 'administrations-legend administrations-error' : 'administrations-legend'
          }
          role={administrationsError ? 'group' : undefined}
        >
          <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="administrations-legend">
            <span safe>{labels.administrations}</span>
            {' *'}
            <span class="fr-hint-text" safe>
              {t(locale, m.fieldAdministrationsHint)}
            </span>
          </legend>
          {ordered.map((a, i) => (
            <div class="fr-fieldset__element">
              <div class="fr-checkbox-group">
                <input
                  type="checkbox"
                  id={`administration-${i}`}
                  name="administrations"
                  value={a.id}
                  checked={chosen.has(a.id)}
                />
                <label class="fr-label" for={`administration-${i}`}>
                  <span safe>{a.name}</span>
                  {data.mine.includes(a.id) ? <span safe>{` ${t(locale, m.yours)}`}</span> : ''}
                </label>
              </div>
            </div>
          ))}
          <div class="fr-messages-group" aria-live="polite">
            {administrationsError ? (
              <p id="administrations-error" class="fr-error-text" safe>
                {t(locale, administrationsError.message, administrationsError.params)}
              </p>
            ) : (
              ''
            )}
          </div>
        </fieldset>
        <TextArea
          locale={locale}
          name="goal"
          label={labels.goal!}
          hint={t(locale, m.fieldGoalHint)}
          value={v.goal}
          error={form.errors.goal}
          required
          rows={6}
        />
        <Select
          locale={locale}
          name="territory"
          label={labels.territory!}
          required
          value={v.territory}
          error={form.errors.territory}
          options={territoryOptions(locale)}
        />
        <div class="fr-grid-row fr-grid-row--gutters fr-mb-3w">
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              type="date"
              name="starts_on"
              label={labels.starts_on!}
              hint={t(locale, m.fieldDateHint)}
              value={v.starts_on}
              error={form.errors.starts_on}
            />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              type="date"
              name="ends_on"
              label={labels.ends_on!}
              hint={t(locale, m.fieldDateHint)}
              value={v.ends_on}
              error={form.errors.ends_on}
            />
          </div>
        </div>
        <RadioGroup
          locale={locale}
          name="status"
          legend={labels.status!}
          value={v.status ?? 'planned'}
          error={form.errors.status}
          options={EXPERIMENT_STATUSES.map((s) => ({ value: s, label: t(locale, m[`status_${s}`]) }))}
          required
          inline
        />
        <TextArea
          locale={locale}
          name="outcome"
          label={labels.outcome!}
          hint={t(locale, m.fieldOutcomeHint)}
          value={v.outcome}
          error={form.errors.outcome}
          rows={5}
        />
        <RadioGroup
          locale={locale}
          name="visibility"
          legend={labels.visibility!}
          hint={t(locale, m.fieldVisibilityHint)}
          value={v.visibility ?? 'public'}
          error={form.errors.visibility}
          options={VISIBILITIES.map((s) => ({ value: s, label: t(locale, m[`visibility_${s}`]) }))}
          required
        />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" class="fr-btn" safe>
              {t(locale, experiment ? m.save : m.create)}
            </button>
          </li>
          <li>
            <a
              class="fr-btn fr-btn--secondary"
              href={experiment ? experimentHref(experiment.id) : COOPERATION_HREFS.experiments}
              safe
            >
              {t(locale, m.cancel)}
            </a>
          </li>
        </ul>
      </form>
    </CooperationPage>
  );
}

/** For a partner who belongs to no administration: how to join one first. */
export function NoAdministrationPage(props: { ctx: ViewContext }): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const title = t(locale, m.newTitle);
  return (
    <CooperationPage ctx={ctx} section="experiments" title={title} crumbs={[{ label: title }]}>
      <p safe>{t(locale, m.noAdministrationYet)}</p>
      <p>
        <a class="fr-btn" href={COOPERATION_HREFS.administrations} safe>
          {t(locale, m.seeAdministrations)}
        </a>
      </p>
    </CooperationPage>
  );
}
