import type { FieldError } from '../../../core/http/forms.js';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import { panelMessages as m } from '../messages.js';
import { BLANK_ROWS, type RowsState, rowField, rowsFromValues } from '../panel-form.js';
import { countKey } from '../queries.js';

export interface RowColumn {
  key: string;
  label: string;
  /** Narrow inputs for numbers. */
  numeric?: boolean;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** What the error summary calls each cell of the table: "Quotas, ligne 2, minimum". */
export function rowCellLabels(
  locale: Locale,
  table: { prefix: string; label: string; columns: RowColumn[]; state: RowsState },
): Record<string, string> {
  const labels: Record<string, string> = { [table.prefix]: table.label };
  table.state.rows.forEach((row, position) => {
    for (const column of table.columns)
      labels[rowField(table.prefix, row.index, column.key)] =
        `${table.label}, ${t(locale, m.rowCellInSentence, { n: position + 1, column: lowerFirst(column.label) })}`;
  });
  return labels;
}

function Cell(props: {
  locale: Locale;
  name: string;
  label: string;
  value: string;
  error?: FieldError;
  numeric?: boolean;
}): JSX.Element {
  const { name, error } = props;
  return (
    <div class={`fr-input-group fr-mb-0${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label fr-sr-only" for={name} safe>
        {props.label}
      </label>
      <input
        class={`fr-input${error ? ' fr-input--error' : ''}`}
        type="text"
        id={name}
        name={name}
        value={props.value}
        {...(props.numeric ? { inputmode: 'numeric', size: '4' } : {})}
        {...(error ? { 'aria-describedby': `${name}-error`, 'aria-invalid': 'true' } : {})}
      />
      {error ? (
        <p class="fr-error-text" id={`${name}-error`} safe>
          {t(props.locale, error.message, error.params)}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

/**
 * Rows of inputs in a DSFR table, one per record, with empty rows to fill; the form's `AddRowsButton` asks the
 * server for more (no JavaScript needed: it submits the form with action=add-rows, which keeps what was
 * typed). `extra` adds read-only cells at the end of a row (e.g. the pool's count of volunteers).
 */
export function RowsTable(props: {
  locale: Locale;
  prefix: string;
  caption: string;
  hint?: string;
  columns: RowColumn[];
  state: RowsState;
  errors: Record<string, FieldError>;
  extra?: { label: string; cell: (cells: Record<string, string>) => string };
}): JSX.Element {
  const { locale, prefix, columns, state, errors } = props;
  const tableError = errors[prefix];
  const blanks = Array.from({ length: state.blank }, (_, i) => ({
    index: state.nextIndex + i,
    cells: {} as Record<string, string>,
  }));
  return (
    <div class={`fr-mb-3w${tableError ? ' fr-input-group--error' : ''}`} id={prefix} tabindex="-1">
      {props.hint ? (
        <p class="fr-hint-text" id={`${prefix}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {tableError ? (
        <p class="fr-error-text" id={`${prefix}-error`} safe>
          {t(locale, tableError.message, tableError.params)}
        </p>
      ) : (
        ''
      )}
      <div class="fr-table fr-table--no-caption fr-mb-1w">
        <div class="fr-table__wrapper">
          <div class="fr-table__container">
            <div class="fr-table__content">
              <table>
                <caption safe>{props.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col" safe>
                      {t(locale, m.colRow)}
                    </th>
                    {columns.map((c) => (
                      <th scope="col" safe>
                        {c.label}
                      </th>
                    ))}
                    {props.extra ? (
                      <th scope="col" safe>
                        {props.extra.label}
                      </th>
                    ) : (
                      ''
                    )}
                  </tr>
                </thead>
                <tbody>
                  {[...state.rows, ...blanks].map((row, position) => (
                    <tr>
                      <th scope="row" safe>
                        {String(position + 1)}
                      </th>
                      {columns.map((c) => {
                        const name = rowField(prefix, row.index, c.key);
                        return (
                          <td>
                            <Cell
                              locale={locale}
                              name={name}
                              label={t(locale, m.rowCell, { n: position + 1, column: lowerFirst(c.label) })}
                              value={row.cells[c.key] ?? ''}
                              error={errors[name]}
                              numeric={c.numeric}
                            />
                          </td>
                        );
                      })}
                      {props.extra ? <td safe>{props.extra.cell(row.cells)}</td> : ''}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * Asks the server for more empty rows (action=add-rows), keeping what was typed. Forms put it after their save
 * button: pressing Enter in a cell uses the form's first submit button, which must be the one that saves.
 */
export function AddRowsButton({ locale }: { locale: Locale }): JSX.Element {
  return (
    <button class="fr-btn fr-btn--tertiary" type="submit" name="action" value="add-rows" safe>
      {t(locale, m.addRows)}
    </button>
  );
}

function quotaColumns(locale: Locale): RowColumn[] {
  return [
    { key: 'category', label: t(locale, m.colCategoryCode) },
    { key: 'category_label', label: t(locale, m.colCategoryLabel) },
    { key: 'category_label_en', label: t(locale, m.colCategoryLabelEn) },
    { key: 'value', label: t(locale, m.colValueCode) },
    { key: 'label', label: t(locale, m.colValueLabel) },
    { key: 'label_en', label: t(locale, m.colValueLabelEn) },
    { key: 'min', label: t(locale, m.colMin), numeric: true },
    { key: 'max', label: t(locale, m.colMax), numeric: true },
  ];
}

function criteriaColumns(locale: Locale): RowColumn[] {
  return [
    { key: 'code', label: t(locale, m.colCriterionCode) },
    { key: 'label', label: t(locale, m.colCriterionLabel) },
    { key: 'label_en', label: t(locale, m.colCriterionLabelEn) },
  ];
}

/** The table state of a form's values: the rows typed (or saved), then `blank` empty rows. */
export const tableState = (values: Record<string, string>, prefix: string, blank?: number) =>
  rowsFromValues(values, prefix, blank ?? BLANK_ROWS);

/** The error summary's names of the quotas' cells. */
export function quotaCellLabels(locale: Locale, values: Record<string, string>): Record<string, string> {
  return rowCellLabels(locale, {
    prefix: 'quotas',
    label: t(locale, m.fieldQuotas),
    columns: quotaColumns(locale),
    state: tableState(values, 'quotas'),
  });
}

/** The error summary's names of the criteria's cells. */
export function criteriaCellLabels(locale: Locale, values: Record<string, string>): Record<string, string> {
  return rowCellLabels(locale, {
    prefix: 'criteria',
    label: t(locale, m.fieldCriteria),
    columns: criteriaColumns(locale),
    state: tableState(values, 'criteria'),
  });
}

/** The quotas' table editor; beside each value, the pool's count of volunteers when the page knows it. */
export function QuotasEditor(props: {
  locale: Locale;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  blank?: number;
  hint: string;
  pool?: Map<string, number>;
}): JSX.Element {
  const { locale, pool } = props;
  return (
    <fieldset class="fr-fieldset" aria-labelledby="quotas-legend">
      <legend class="fr-fieldset__legend" id="quotas-legend" safe>
        {t(locale, m.fieldQuotas)}
      </legend>
      <div class="fr-fieldset__element">
        <RowsTable
          locale={locale}
          prefix="quotas"
          caption={t(locale, m.fieldQuotas)}
          hint={props.hint}
          columns={quotaColumns(locale)}
          state={tableState(props.values, 'quotas', props.blank)}
          errors={props.errors}
          extra={
            pool
              ? {
                  label: t(locale, m.colPool),
                  cell: (cells) =>
                    cells.category ? String(pool.get(countKey(cells.category, cells.value ?? '')) ?? 0) : '',
                }
              : undefined
          }
        />
      </div>
    </fieldset>
  );
}

/** The criteria's table editor. */
export function CriteriaEditor(props: {
  locale: Locale;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  blank?: number;
}): JSX.Element {
  const { locale } = props;
  return (
    <fieldset class="fr-fieldset" aria-labelledby="criteria-legend">
      <legend class="fr-fieldset__legend" id="criteria-legend" safe>
        {t(locale, m.fieldCriteria)}
      </legend>
      <div class="fr-fieldset__element">
        <RowsTable
          locale={locale}
          prefix="criteria"
          caption={t(locale, m.fieldCriteria)}
          hint={t(locale, m.criteriaTableHint)}
          columns={criteriaColumns(locale)}
          state={tableState(props.values, 'criteria', props.blank)}
          errors={props.errors}
        />
      </div>
    </fieldset>
  );
}
