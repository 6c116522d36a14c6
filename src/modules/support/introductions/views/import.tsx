import type { FieldError } from '../../../../core/http/forms.js';
import { t, tCount } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, RadioGroup } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { SUPPORT_LEVERS } from '../../../seasons/index.js';
import { type DuplicateMode, IMPORT_COLUMNS, type ImportPlan } from '../import-contacts.js';
import { introductionCounts, introductionMessages as m } from '../messages.js';
import { StaffBreadcrumb } from './common.js';
import { CONTACTS_PATH } from './contacts.js';

export const IMPORT_PATH = `${CONTACTS_PATH}/import`;

function Columns({ ctx }: { ctx: ViewContext }): JSX.Element {
  const { locale } = ctx;
  const codes = SUPPORT_LEVERS.map((l) => l.code).join(', ');
  return (
    <DataTable
      caption={t(locale, m.importColumns)}
      columns={[t(locale, m.colName), t(locale, m.colMeaning), t(locale, m.colRequired)]}
    >
      {IMPORT_COLUMNS.map((c) => (
        <tr>
          <td>
            <code>{c.name}</code>
          </td>
          <td safe>{t(locale, c.help, { codes })}</td>
          <td safe>{t(locale, c.required ? m.yes : m.no)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The upload form, with the documentation of the columns. */
export function ImportPage(props: { ctx: ViewContext; mode: DuplicateMode; fileError?: FieldError }): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const title = t(locale, m.importTitle);
  const error = props.fileError;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb
          locale={locale}
          trail={[{ label: t(locale, m.directory), href: CONTACTS_PATH }, { label: title }]}
        />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.importIntro)}</p>
        <Columns ctx={ctx} />
        {error ? <Alert kind="error" title={t(locale, error.message, error.params)} /> : ''}
        <form method="post" enctype="multipart/form-data" action={IMPORT_PATH}>
          <CsrfField token={ctx.csrfToken} />
          <div class={`fr-upload-group${error ? ' fr-upload-group--error' : ''}`}>
            <label class="fr-label" for="file">
              <span safe>{t(locale, m.importFile)}</span>
              <span class="fr-hint-text" safe>
                {t(locale, m.importFileHint)}
              </span>
            </label>
            <input
              class="fr-upload"
              type="file"
              id="file"
              name="file"
              accept=".csv,text/csv"
              {...(error ? { 'aria-describedby': 'file-error', 'aria-invalid': 'true' } : {})}
            />
            {error ? (
              <p id="file-error" class="fr-error-text" safe>
                {t(locale, error.message, error.params)}
              </p>
            ) : (
              ''
            )}
          </div>
          <RadioGroup
            locale={locale}
            name="mode"
            legend={t(locale, m.importDuplicates)}
            options={[
              { value: 'skip', label: t(locale, m.duplicatesSkip) },
              { value: 'update', label: t(locale, m.duplicatesUpdate) },
            ]}
            value={props.mode}
          />
          <button type="submit" class="fr-btn" safe>
            {t(locale, m.preview)}
          </button>
        </form>
      </div>
    </Page>
  );
}

const ACTIONS = { create: m.actionCreate, update: m.actionUpdate, skip: m.actionSkip };

/** What importing the file would do: the errors by line, the valid lines and their action, then confirm or cancel. */
export function ImportPreviewPage(props: {
  ctx: ViewContext;
  plan: ImportPlan;
  mode: DuplicateMode;
  /** The file's bytes in base64, sent back with the confirmation (nothing is stored before it). */
  data: string;
}): JSX.Element {
  const { ctx, plan } = props;
  const { locale } = ctx;
  const title = t(locale, m.previewTitle);
  const count = (action: string) => plan.lines.filter((l) => l.action === action).length;
  const importable = count('create') + count('update');
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb
          locale={locale}
          trail={[
            { label: t(locale, m.directory), href: CONTACTS_PATH },
            { label: t(locale, m.importTitle), href: IMPORT_PATH },
            { label: title },
          ]}
        />
        <h1 safe>{title}</h1>
        <Alert
          kind={plan.invalid > 0 ? 'warning' : 'info'}
          title={t(locale, m.previewSummary, {
            valid: plan.lines.length,
            total: plan.total,
            created: count('create'),
            updated: count('update'),
            skipped: count('skip'),
            invalid: plan.invalid,
          })}
        />
        {plan.errors.length > 0 ? (
          <DataTable
            caption={t(locale, m.previewErrors)}
            columns={[t(locale, m.colLine), t(locale, m.colField), t(locale, m.colMessage)]}
          >
            {plan.errors.map((e) => (
              <tr>
                <td>{e.line > 0 ? String(e.line) : '—'}</td>
                <td>
                  <code safe>{e.column || '—'}</code>
                </td>
                <td safe>{t(locale, e.error.message, e.error.params)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          ''
        )}
        {plan.lines.length > 0 ? (
          <DataTable
            caption={t(locale, m.previewLines)}
            columns={[
              t(locale, m.colLine),
              t(locale, m.colPerson),
              t(locale, m.colOrganisation),
              t(locale, m.colAction),
            ]}
          >
            {plan.lines.map((l) => (
              <tr>
                <td safe>{String(l.line)}</td>
                <td>
                  <span safe>{l.input.personName}</span>
                  <br />
                  <span class="acc-break" safe>
                    {l.input.email}
                  </span>
                </td>
                <td>
                  <span safe>{l.input.organisation}</span>
                  <br />
                  <span safe>{l.input.service}</span>
                </td>
                <td safe>{t(locale, ACTIONS[l.action])}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          ''
        )}
        {importable === 0 ? <p safe>{t(locale, m.nothingToImport)}</p> : ''}
        <form method="post" action={`${IMPORT_PATH}/confirmer`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="mode" value={props.mode} />
          <input type="hidden" name="data" value={props.data} />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            {importable > 0 ? (
              <li>
                <button type="submit" class="fr-btn" safe>
                  {tCount(locale, introductionCounts.confirmImport, importable)}
                </button>
              </li>
            ) : (
              ''
            )}
            <li>
              <a class="fr-btn fr-btn--secondary" href={IMPORT_PATH} safe>
                {t(locale, m.cancelImport)}
              </a>
            </li>
          </ul>
        </form>
      </div>
    </Page>
  );
}
