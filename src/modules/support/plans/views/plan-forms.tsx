import type { FieldError } from '../../../../core/http/forms.js';
import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { Checkbox, CsrfField, ErrorSummary, Input, Select, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { planMessages as m } from '../messages.js';
import { ACTION_STATUSES, BLANK_ROWS, type FormValues, PLAN_STATUSES, rowCount } from '../plan-form.js';
import type { PlanTemplate } from '../queries.js';
import { NEEDS, RESPONSIBLE_KINDS } from '../templates.js';
import { leverOptions, needLabel } from './parts.js';

export interface FormState {
  values: FormValues;
  errors: Record<string, FieldError>;
}

export function CreatePlanForm(props: {
  ctx: ViewContext;
  action: string;
  templates: PlanTemplate[];
  form: FormState;
}): JSX.Element {
  const { ctx, form } = props;
  const { locale } = ctx;
  return (
    <section class="fr-mt-4w" aria-labelledby="create-plan">
      <h3 id="create-plan" safe>
        {t(locale, m.createTitle)}
      </h3>
      <ErrorSummary
        locale={locale}
        errors={form.errors}
        labels={{
          starts_on: t(locale, m.fieldStartsOn),
          ends_on: t(locale, m.fieldEndsOn),
          template: t(locale, m.fieldTemplate),
        }}
      />
      <form method="post" action={props.action}>
        <CsrfField token={ctx.csrfToken} />
        <Select
          locale={locale}
          name="template"
          label={t(locale, m.fieldTemplate)}
          value={form.values.template ?? 'blank'}
          error={form.errors.template}
          options={[
            { value: 'blank', label: t(locale, m.blank) },
            ...props.templates.map((x) => ({ value: x.id, label: x.name })),
          ]}
        />
        <Input
          locale={locale}
          type="date"
          name="starts_on"
          label={t(locale, m.fieldStartsOn)}
          value={form.values.starts_on}
          error={form.errors.starts_on}
          required
        />
        <Input
          locale={locale}
          type="date"
          name="ends_on"
          label={t(locale, m.fieldEndsOn)}
          hint={t(locale, m.periodHint)}
          value={form.values.ends_on}
          error={form.errors.ends_on}
          required
        />
        <button type="submit" class="fr-btn" safe>
          {t(locale, m.create)}
        </button>
      </form>
    </section>
  );
}

/** Rows of lever actions: the existing ones then blank ones to add (an empty action is removed). */
export function ActionRows({
  locale,
  form,
  withStatus,
}: {
  locale: Locale;
  form: FormState;
  /** A plan's actions have a status; a template's do not. */
  withStatus: boolean;
}): JSX.Element {
  const count = rowCount(form.values, 'action') + BLANK_ROWS;
  const rows = Array.from({ length: count }, (_, i) => i);
  const needOptions = [
    { value: '', label: t(locale, m.noNeed) },
    ...NEEDS.map((n) => ({ value: n, label: needLabel(locale, n) })),
  ];
  return (
    <>
      {rows.map((i) => {
        const p = `action_${i}`;
        const v = (f: string) => form.values[`${p}_${f}`] ?? '';
        return (
          <fieldset class="fr-fieldset fr-mb-2w" aria-labelledby={`${p}-legend`}>
            <legend class="fr-fieldset__legend" id={`${p}-legend`}>
              <span safe>{t(locale, m.actionLegend, { n: i + 1 })}</span>
              <span class="fr-hint-text" safe>
                {t(locale, m.actionHint)}
              </span>
            </legend>
            <div class="fr-fieldset__element">
              <TextArea
                locale={locale}
                name={`${p}_text`}
                label={t(locale, m.colAction)}
                value={v('text')}
                error={form.errors[`${p}_text`]}
                rows={2}
              />
            </div>
            <div class="fr-fieldset__element">
              <Select
                locale={locale}
                name={`${p}_lever`}
                label={t(locale, m.colLever)}
                value={v('lever')}
                error={form.errors[`${p}_lever`]}
                options={leverOptions(locale)}
              />
            </div>
            <div class="fr-fieldset__element">
              <Select
                locale={locale}
                name={`${p}_need`}
                label={t(locale, m.colNeed)}
                value={v('need')}
                error={form.errors[`${p}_need`]}
                options={needOptions}
              />
            </div>
            <div class="fr-fieldset__element">
              <Select
                locale={locale}
                name={`${p}_kind`}
                label={t(locale, m.fieldResponsibleKind)}
                value={v('kind')}
                error={form.errors[`${p}_kind`]}
                options={RESPONSIBLE_KINDS.map((k) => ({ value: k, label: t(locale, m[`responsible_${k}`]) }))}
              />
            </div>
            <div class="fr-fieldset__element">
              <Input
                locale={locale}
                name={`${p}_name`}
                label={t(locale, m.fieldResponsibleName)}
                value={v('name')}
                error={form.errors[`${p}_name`]}
                maxlength={200}
              />
            </div>
            {withStatus ? (
              <div class="fr-fieldset__element">
                <Select
                  locale={locale}
                  name={`${p}_status`}
                  label={t(locale, m.fieldActionStatus)}
                  value={v('status') || 'planned'}
                  error={form.errors[`${p}_status`]}
                  options={ACTION_STATUSES.map((s) => ({ value: s, label: t(locale, m[`action_${s}`]) }))}
                />
              </div>
            ) : (
              ''
            )}
          </fieldset>
        );
      })}
    </>
  );
}

export function NeedFields({ locale, form }: { locale: Locale; form: FormState }): JSX.Element {
  return (
    <>
      {NEEDS.map((need) => (
        <TextArea
          locale={locale}
          name={`goals_${need}`}
          label={t(locale, m.fieldGoals, { need: needLabel(locale, need) })}
          hint={t(locale, m.fieldGoalsHint)}
          value={form.values[`goals_${need}`]}
          error={form.errors[`goals_${need}`]}
          rows={3}
        />
      ))}
    </>
  );
}

export function EditPlanForm(props: { ctx: ViewContext; action: string; form: FormState }): JSX.Element {
  const { ctx, form } = props;
  const { locale } = ctx;
  return (
    <section class="fr-mt-6w" aria-labelledby="edit-plan">
      <h3 id="edit-plan" safe>
        {t(locale, m.editTitle)}
      </h3>
      <ErrorSummary
        locale={locale}
        errors={form.errors}
        labels={{
          starts_on: t(locale, m.fieldStartsOn),
          ends_on: t(locale, m.fieldEndsOn),
          hours: t(locale, m.fieldHours),
          status: t(locale, m.fieldStatus),
        }}
      />
      <form method="post" action={props.action}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={form.values.version ?? ''} />
        <Input
          locale={locale}
          type="date"
          name="starts_on"
          label={t(locale, m.fieldStartsOn)}
          value={form.values.starts_on}
          error={form.errors.starts_on}
          required
        />
        <Input
          locale={locale}
          type="date"
          name="ends_on"
          label={t(locale, m.fieldEndsOn)}
          hint={t(locale, m.periodHint)}
          value={form.values.ends_on}
          error={form.errors.ends_on}
          required
        />
        <Input
          locale={locale}
          name="hours"
          label={t(locale, m.fieldHours)}
          hint={t(locale, m.fieldHoursHint)}
          value={form.values.hours}
          error={form.errors.hours}
          maxlength={10}
        />
        <Select
          locale={locale}
          name="status"
          label={t(locale, m.fieldStatus)}
          hint={t(locale, m.statusBack)}
          value={form.values.status}
          error={form.errors.status}
          options={PLAN_STATUSES.map((s) => ({ value: s, label: t(locale, m[`status_${s}`]) }))}
        />
        <Checkbox
          name="progress_public"
          label={t(locale, m.fieldPublic)}
          checked={form.values.progress_public === 'on'}
        />
        <h4 class="fr-mt-4w" safe>
          {t(locale, m.needsTitle)}
        </h4>
        <NeedFields locale={locale} form={form} />
        <h4 class="fr-mt-4w" safe>
          {t(locale, m.actionsTitle)}
        </h4>
        <ActionRows locale={locale} form={form} withStatus />
        <button type="submit" class="fr-btn" safe>
          {t(locale, m.save)}
        </button>
      </form>
    </section>
  );
}
