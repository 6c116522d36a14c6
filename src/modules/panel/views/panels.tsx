import type { FieldError } from '../../../core/http/forms.js';
import { t } from '../../../core/i18n/i18n.js';
import { Checkbox, CsrfField, DataTable, ErrorSummary, Input, Select, TextArea } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import { uiMessages } from '../../../core/ui/messages.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { panelMessages as m } from '../messages.js';
import type { PanelRecord } from '../queries.js';
import { AdminBreadcrumb, statusLabel } from './admin-common.js';
import { editFieldLabels } from './edit.js';
import { AddRowsButton, CriteriaEditor, criteriaCellLabels } from './rows-table.js';

/** The staff list of panels and the form that creates one. */

/** /admin/panels: every panel, with a link to create one. */
export function PanelsListPage({
  ctx,
  panels,
}: {
  ctx: ViewContext;
  panels: (PanelRecord & { volunteers: number })[];
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.adminTitle)}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} />
        <h1 safe>{t(locale, m.adminTitle)}</h1>
        <p>
          <a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/admin/panels/nouveau" safe>
            {t(locale, m.newPanel)}
          </a>
        </p>
        {panels.length === 0 ? (
          <p safe>{t(locale, m.noPanel)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.panelsTable)}
            columns={[t(locale, m.colName), t(locale, m.colSize), t(locale, m.colStatus), t(locale, m.colVolunteers)]}
          >
            {panels.map((p) => (
              <tr>
                <td>
                  <a href={`/admin/panels/${p.id}`} safe>
                    {p.name}
                  </a>
                </td>
                <td safe>{String(p.size)}</td>
                <td safe>{statusLabel(locale, p.status)}</td>
                <td safe>{String(p.volunteers)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

/** Create a panel: size, dates, retention, household rule, criteria and weight. */
export function PanelFormPage({
  ctx,
  values,
  errors,
  seasons,
  blank,
}: {
  ctx: ViewContext;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  seasons: { id: string; name: string }[];
  /** Empty criteria rows to show (more after "Ajouter des lignes"). */
  blank?: number;
}): JSX.Element {
  const { locale } = ctx;
  const field = (name: string) => ({ locale, name, value: values[name] ?? '', error: errors[name] });
  return (
    <Page ctx={ctx} title={t(locale, m.newPanel)}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} current={t(locale, m.newPanel)} />
        <h1 safe>{t(locale, m.newPanel)}</h1>
        <ErrorSummary
          locale={locale}
          errors={errors}
          labels={{ ...editFieldLabels(locale), ...criteriaCellLabels(locale, values) }}
        />
        <p class="fr-hint-text" safe>
          {t(locale, uiMessages.requiredHint)}
        </p>
        <form method="post" action="/admin/panels" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Input {...field('name')} label={t(locale, m.fieldName)} required />
          <Input {...field('name_en')} label={t(locale, m.fieldNameEn)} />
          <TextArea
            {...field('description')}
            label={t(locale, m.fieldDescription)}
            hint={t(locale, m.fieldDescriptionHint)}
            rows={4}
          />
          <TextArea
            {...field('description_en')}
            label={t(locale, m.fieldDescriptionEn)}
            hint={t(locale, m.fieldDescriptionHint)}
            rows={4}
          />
          <Select
            {...field('season_id')}
            label={t(locale, m.fieldSeason)}
            options={[
              { value: '', label: t(locale, m.noSeason) },
              ...seasons.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <Input {...field('size')} label={t(locale, m.fieldSize)} required />
          <Input
            {...field('recruit_until')}
            type="date"
            label={t(locale, m.fieldRecruitUntil)}
            hint={t(locale, m.dateHint)}
            required
          />
          <Input
            {...field('ends_on')}
            type="date"
            label={t(locale, m.fieldEndsOn)}
            hint={t(locale, m.dateHint)}
            required
          />
          <Input {...field('retention_days')} label={t(locale, m.fieldRetention)} required />
          <div class="fr-fieldset__element fr-mb-3w">
            <Checkbox
              name="one_per_household"
              label={t(locale, m.fieldHousehold)}
              hint={t(locale, m.fieldHouseholdHint)}
              checked={values.one_per_household === 'on'}
            />
          </div>
          <CriteriaEditor locale={locale} values={values} errors={errors} blank={blank} />
          <Input {...field('opinion_weight')} label={t(locale, m.fieldWeight)} required />
          <ul class="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <button class="fr-btn" type="submit" safe>
                {t(locale, m.newPanel)}
              </button>
            </li>
            <li>
              <AddRowsButton locale={locale} />
            </li>
          </ul>
        </form>
      </div>
    </Page>
  );
}
