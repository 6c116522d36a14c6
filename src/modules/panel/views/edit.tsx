import type { FieldError } from '../../../core/http/forms.js';
import { type Locale, type Message, t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Select,
  TextArea,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import { uiMessages } from '../../../core/ui/messages.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { panelMessages as m } from '../messages.js';
import { EDIT_FIELDS, type EditField } from '../panel-form.js';
import type { PanelRecord, PanelStage, QuotaRecord } from '../queries.js';
import { AddRowsButton, CriteriaEditor, criteriaCellLabels, QuotasEditor, quotaCellLabels } from './rows-table.js';

export interface PanelEditPageProps {
  ctx: ViewContext;
  panel: PanelRecord;
  quotas: QuotaRecord[];
  stage: PanelStage;
  locks: Partial<Record<EditField, Message>>;
  /** What the form shows: what was typed, or what is saved. */
  values: Record<string, string>;
  /** What is saved now (for the read-only fields and after a conflict). */
  saved: Record<EditField, string>;
  errors: Record<string, FieldError>;
  seasons: { id: string; name: string }[];
  /** Someone else saved the panel since this form was opened. */
  conflict: boolean;
  problem?: string;
  /** Empty rows of each table (more after "Ajouter des lignes"). */
  blank?: { quotas?: number; criteria?: number };
}

/** The panel form's field labels (creation and edit pages, and their error summaries). */
export function editFieldLabels(locale: Locale): Record<EditField, string> {
  return {
    name: t(locale, m.fieldName),
    name_en: t(locale, m.fieldNameEn),
    description: t(locale, m.fieldDescription),
    description_en: t(locale, m.fieldDescriptionEn),
    season_id: t(locale, m.fieldSeason),
    size: t(locale, m.fieldSize),
    recruit_until: t(locale, m.fieldRecruitUntil),
    ends_on: t(locale, m.fieldEndsOn),
    retention_days: t(locale, m.fieldRetention),
    one_per_household: t(locale, m.fieldHousehold),
    criteria: t(locale, m.fieldCriteria),
    opinion_weight: t(locale, m.fieldWeight),
    quotas: t(locale, m.fieldQuotas),
  };
}

/** A saved value as read by a person: a season by its name, a checkbox as yes or no. */
function shownValue(locale: Locale, field: EditField, value: string, seasons: { id: string; name: string }[]): string {
  if (field === 'season_id')
    return value === '' ? t(locale, m.noSeason) : (seasons.find((s) => s.id === value)?.name ?? value);
  if (field === 'one_per_household') return t(locale, value === 'on' ? m.yes : m.no);
  return value;
}

/** The saved values as a table: the fields that no longer change, or every field after a conflict. */
function ValuesTable({
  locale,
  caption,
  fields,
  saved,
  seasons,
  reasons,
}: {
  locale: Locale;
  caption: string;
  fields: EditField[];
  saved: Record<EditField, string>;
  seasons: { id: string; name: string }[];
  reasons?: Partial<Record<EditField, Message>>;
}): JSX.Element {
  const labels = editFieldLabels(locale);
  const columns = [t(locale, m.colField), t(locale, m.colValue), ...(reasons ? [t(locale, m.colReason)] : [])];
  return (
    <DataTable caption={caption} columns={columns}>
      {fields.map((field) => (
        <tr>
          <td safe>{labels[field]}</td>
          <td>
            {shownValue(locale, field, saved[field], seasons)
              .split('\n')
              .map((line, i) => (
                <>
                  {i > 0 ? <br /> : ''}
                  <span safe>{line}</span>
                </>
              ))}
          </td>
          {reasons ? <td safe>{t(locale, reasons[field]!)}</td> : ''}
        </tr>
      ))}
    </DataTable>
  );
}

/** /admin/panels/:id/modifier: what may still change at the panel's stage; the rest shown read-only with the reason. */
export function PanelEditPage(props: PanelEditPageProps): JSX.Element {
  const { ctx, panel, locks, values, errors, seasons, stage } = props;
  const { locale } = ctx;
  const name = locale === 'en' && panel.nameEn ? panel.nameEn : panel.name;
  const title = t(locale, m.editTitle, { name });
  const open = (field: EditField) => !locks[field];
  const field = (f: EditField) => ({ locale, name: f, value: values[f] ?? '', error: errors[f] });
  const lockedList = EDIT_FIELDS.filter((f) => locks[f]);
  // A locked field posted with another value: its error is shown beside the read-only value.
  const lockedErrors = lockedList.filter((f) => errors[f]);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.administration), href: '/admin' },
            { label: t(locale, m.adminTitle), href: '/admin/panels' },
            { label: name, href: `/admin/panels/${panel.id}` },
            { label: t(locale, m.editPanel) },
          ]}
        />
        <h1 safe>{title}</h1>
        {props.conflict ? (
          <Alert kind="error" title={t(locale, m.editConflict)} text={t(locale, m.editConflictText)} />
        ) : (
          ''
        )}
        {props.problem ? <Alert kind="error" title={props.problem} /> : ''}
        <ErrorSummary
          locale={locale}
          errors={Object.fromEntries(Object.entries(errors).filter(([f]) => !locks[f as EditField]))}
          labels={{
            ...editFieldLabels(locale),
            ...quotaCellLabels(locale, values),
            ...criteriaCellLabels(locale, values),
          }}
        />
        {lockedErrors.length > 0 ? (
          <div class="fr-alert fr-alert--error fr-mb-4w">
            <h2 class="fr-alert__title" safe>
              {t(locale, m.lockedRefused)}
            </h2>
            <ul>
              {lockedErrors.map((f) => (
                <li safe>{`${editFieldLabels(locale)[f]} : ${t(locale, errors[f].message, errors[f].params)}`}</li>
              ))}
            </ul>
          </div>
        ) : (
          ''
        )}
        {props.conflict ? (
          <section class="fr-mb-6w" aria-labelledby="current-title">
            <h2 id="current-title" safe>
              {t(locale, m.currentValues)}
            </h2>
            <ValuesTable
              locale={locale}
              caption={t(locale, m.currentValues)}
              fields={[...EDIT_FIELDS]}
              saved={props.saved}
              seasons={seasons}
            />
          </section>
        ) : (
          ''
        )}
        <p safe>{t(locale, m.editIntro)}</p>
        <p class="fr-hint-text" safe>
          {t(locale, uiMessages.requiredHint)}
        </p>
        <form method="post" action={`/admin/panels/${panel.id}/modifier`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="version" value={String(panel.version)} />
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
          {open('season_id') ? (
            <Select
              {...field('season_id')}
              label={t(locale, m.fieldSeason)}
              options={[
                { value: '', label: t(locale, m.noSeason) },
                ...seasons.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          ) : (
            ''
          )}
          {open('size') ? <Input {...field('size')} label={t(locale, m.fieldSize)} required /> : ''}
          {open('recruit_until') ? (
            <Input
              {...field('recruit_until')}
              type="date"
              label={t(locale, m.fieldRecruitUntil)}
              hint={t(locale, m.dateHint)}
              required
            />
          ) : (
            ''
          )}
          <Input
            {...field('ends_on')}
            type="date"
            label={t(locale, m.fieldEndsOn)}
            hint={t(locale, m.dateHint)}
            required
          />
          <Input
            {...field('retention_days')}
            label={t(locale, m.fieldRetention)}
            hint={stage.keptAnswers > 0 ? t(locale, m.retentionHint) : undefined}
            required
          />
          {open('one_per_household') ? (
            <div class="fr-fieldset__element fr-mb-3w">
              <Checkbox
                name="one_per_household"
                label={t(locale, m.fieldHousehold)}
                hint={t(locale, m.fieldHouseholdHint)}
                checked={values.one_per_household === 'on'}
              />
            </div>
          ) : (
            ''
          )}
          {open('criteria') ? (
            <CriteriaEditor locale={locale} values={values} errors={errors} blank={props.blank?.criteria} />
          ) : (
            ''
          )}
          {open('opinion_weight') ? (
            <Input {...field('opinion_weight')} label={t(locale, m.fieldWeight)} required />
          ) : (
            ''
          )}
          {open('quotas') ? (
            <QuotasEditor
              locale={locale}
              values={values}
              errors={errors}
              blank={props.blank?.quotas}
              hint={
                stage.answered
                  ? `${t(locale, m.quotasValuesFixedHint)} ${t(locale, m.quotasTableHint)}`
                  : t(locale, m.quotasTableHint)
              }
            />
          ) : (
            ''
          )}
          <ul class="fr-btns-group fr-btns-group--inline fr-mt-3w">
            <li>
              <button class="fr-btn" type="submit" safe>
                {t(locale, m.saveEdit)}
              </button>
            </li>
            {open('criteria') || open('quotas') ? (
              <li>
                <AddRowsButton locale={locale} />
              </li>
            ) : (
              ''
            )}
            <li>
              <a class="fr-btn fr-btn--secondary" href={`/admin/panels/${panel.id}`} safe>
                {t(locale, m.backToPanel)}
              </a>
            </li>
          </ul>
        </form>
        {lockedList.length > 0 ? (
          <section class="fr-mt-6w" aria-labelledby="locked-title">
            <h2 id="locked-title" safe>
              {t(locale, m.lockedTitle)}
            </h2>
            <ValuesTable
              locale={locale}
              caption={t(locale, m.lockedTable)}
              fields={lockedList}
              saved={props.saved}
              seasons={seasons}
              reasons={locks}
            />
          </section>
        ) : (
          ''
        )}
      </div>
    </Page>
  );
}
