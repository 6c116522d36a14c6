import type { FieldError } from '../../../../core/http/forms.js';
import { t, tCount } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Pagination,
  Select,
  TextArea,
} from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { type ImportReport, reasonText } from '../import-common.js';
import { CSV_COLUMNS } from '../import-csv.js';
import { catalogueCounts, catalogueMessages as m } from '../messages.js';
import type { Commons, StaffItem, StaffState } from '../queries.js';
import { commonsHref, STAFF_PATH, StaffBreadcrumb } from './common.js';

type Notice = { kind: 'success' | 'warning' | 'error'; title: string };

export function staffHref(filter: { q?: string; state?: StaffState }, page = 1): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.state) params.set('etat', filter.state);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${STAFF_PATH}?${query}` : STAFF_PATH;
}

/** Staff's list of every commons, with search, state filter and counts. */
export function StaffListPage(props: {
  ctx: ViewContext;
  filter: { q?: string; state?: StaffState };
  data: { items: StaffItem[]; total: number; page: number; pages: number };
  notice?: Notice;
}): JSX.Element {
  const { ctx, filter, data } = props;
  const { locale } = ctx;
  const title = t(locale, m.staffTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb locale={locale} trail={[{ label: title }]} />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.staffIntro)}</p>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        <p>
          <a class="fr-btn fr-btn--secondary" href={`${STAFF_PATH}/import`} safe>
            {t(locale, m.importCsv)}
          </a>
        </p>
        <form method="get" action={STAFF_PATH} class="fr-mb-4w" role="search">
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-8">
              <Input
                locale={locale}
                name="q"
                type="search"
                label={t(locale, m.searchLabel)}
                value={filter.q}
                maxlength={200}
              />
            </div>
            <div class="fr-col-12 fr-col-md-4">
              <Select
                locale={locale}
                name="etat"
                label={t(locale, m.filterState)}
                value={filter.state ?? ''}
                options={[
                  { value: '', label: t(locale, m.anyOption) },
                  { value: 'visible', label: t(locale, m.stateVisible) },
                  { value: 'hidden', label: t(locale, m.stateHidden) },
                  { value: 'merged', label: t(locale, m.stateMerged, { name: '…' }) },
                ]}
              />
            </div>
          </div>
          <button type="submit" class="fr-btn fr-btn--secondary fr-mt-2w" safe>
            {t(locale, m.applyFilters)}
          </button>
        </form>
        <p role="status" safe>
          {tCount(locale, catalogueCounts.resultCount, data.total)}
        </p>
        {data.items.length > 0 ? (
          <DataTable
            caption={title}
            hiddenCaption
            columns={[
              t(locale, m.colCommons),
              t(locale, m.colState),
              t(locale, m.colUseCases),
              t(locale, m.colMaintainers),
              t(locale, m.colAction),
            ]}
          >
            {data.items.map((item) => (
              <tr>
                <td>
                  <a href={commonsHref(item.slug)} safe>
                    {item.name}
                  </a>
                  <br />
                  <span class="fr-text--xs" safe>
                    {item.sillId ? `${item.slug} · SILL ${item.sillId}` : item.slug}
                  </span>
                </td>
                <td>
                  {item.mergedInto ? (
                    <span safe>{t(locale, m.stateMerged, { name: item.mergedInto.name })}</span>
                  ) : item.hidden ? (
                    <>
                      <span safe>{t(locale, m.stateHidden)}</span>
                      {item.hiddenReason ? (
                        <>
                          <br />
                          <span class="fr-text--xs" safe>
                            {item.hiddenReason}
                          </span>
                        </>
                      ) : (
                        ''
                      )}
                    </>
                  ) : (
                    <span safe>{t(locale, m.stateVisible)}</span>
                  )}
                </td>
                <td safe>{String(item.useCases)}</td>
                <td safe>{String(item.maintainers)}</td>
                <td>
                  <a
                    class="fr-link"
                    href={`${STAFF_PATH}/${item.id}`}
                    title={t(locale, m.moderateOf, { name: item.name })}
                    safe
                  >
                    {t(locale, m.moderate)}
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p safe>{t(locale, m.noResult)}</p>
        )}
        <Pagination locale={locale} page={data.page} pages={data.pages} href={(n) => staffHref(filter, n)} />
      </div>
    </Page>
  );
}

/** One commons for staff: hide or show it again, merge it into another. */
export function ModeratePage(props: {
  ctx: ViewContext;
  commons: Commons;
  mergedIntoName: string | null;
  targets: { id: string; name: string }[];
  reason: string;
  reasonError?: FieldError;
  targetError?: FieldError;
  notice?: Notice;
}): JSX.Element {
  const { ctx, commons } = props;
  const { locale } = ctx;
  const title = t(locale, m.moderateTitle, { name: commons.name });
  const base = `${STAFF_PATH}/${commons.id}`;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb
          locale={locale}
          trail={[{ label: t(locale, m.staffTitle), href: STAFF_PATH }, { label: title }]}
        />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        <p>
          <a class="fr-link" href={commonsHref(commons.slug)} safe>
            {t(locale, m.viewPublic)}
          </a>
        </p>
        {props.mergedIntoName ? (
          <p safe>{t(locale, m.stateMerged, { name: props.mergedIntoName })}</p>
        ) : (
          <>
            <ErrorSummary
              locale={locale}
              errors={{
                ...(props.reasonError ? { reason: props.reasonError } : {}),
                ...(props.targetError ? { target: props.targetError } : {}),
              }}
              labels={{ reason: t(locale, m.fieldReason), target: t(locale, m.fieldTarget) }}
            />
            <h2 safe>{t(locale, commons.hidden ? m.unhide : m.hideHeading)}</h2>
            {commons.hidden ? (
              <>
                <p safe>
                  {commons.hidden_reason
                    ? `${t(locale, m.stateHidden)} — ${t(locale, m.hiddenReason, { reason: commons.hidden_reason })}`
                    : t(locale, m.stateHidden)}
                </p>
                <form method="post" action={`${base}/reafficher`}>
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="version" value={String(commons.version)} />
                  <button type="submit" class="fr-btn fr-btn--secondary" safe>
                    {t(locale, m.unhide)}
                  </button>
                </form>
              </>
            ) : (
              <form method="post" action={`${base}/masquer`}>
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="version" value={String(commons.version)} />
                <TextArea
                  locale={locale}
                  name="reason"
                  label={t(locale, m.fieldReason)}
                  hint={t(locale, m.fieldReasonHint)}
                  value={props.reason}
                  error={props.reasonError}
                  required
                  rows={3}
                />
                <button type="submit" class="fr-btn fr-btn--secondary" safe>
                  {t(locale, m.hide)}
                </button>
              </form>
            )}
            <h2 class="fr-mt-6w" safe>
              {t(locale, m.mergeHeading)}
            </h2>
            <p safe>{t(locale, m.mergeIntro)}</p>
            <form method="post" action={`${base}/fusionner`}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="version" value={String(commons.version)} />
              <Select
                locale={locale}
                name="target"
                label={t(locale, m.fieldTarget)}
                value=""
                error={props.targetError}
                required
                options={props.targets.map((x) => ({ value: x.id, label: x.name }))}
              />
              <button type="submit" class="fr-btn fr-btn--tertiary" safe>
                {t(locale, m.merge)}
              </button>
            </form>
          </>
        )}
      </div>
    </Page>
  );
}

/** The CSV import: its columns, the upload form (with "check only"), and the report of an import. */
export function ImportPage(props: {
  ctx: ViewContext;
  fileError?: FieldError;
  dryRun: boolean;
  report?: ImportReport;
}): JSX.Element {
  const { ctx, report } = props;
  const { locale } = ctx;
  const title = t(locale, m.importTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb
          locale={locale}
          trail={[{ label: t(locale, m.staffTitle), href: STAFF_PATH }, { label: title }]}
        />
        <h1 safe>{title}</h1>
        {report ? (
          <section aria-labelledby="compte-rendu" class="fr-mb-6w">
            <h2 id="compte-rendu" safe>
              {t(locale, m.reportTitle)}
            </h2>
            <Alert
              kind={report.dryRun ? 'info' : 'success'}
              title={t(locale, m.reportTotals, {
                created: report.created,
                updated: report.updated,
                skipped: report.skipped,
              })}
              text={report.dryRun ? t(locale, m.reportDryRun) : undefined}
            />
            <DataTable
              caption={t(locale, m.reportTitle)}
              hiddenCaption
              columns={[t(locale, m.colLine), t(locale, m.colCommons), t(locale, m.colOutcome), t(locale, m.colReason)]}
            >
              {report.lines.map((line) => (
                <tr>
                  <td safe>{line.ref}</td>
                  <td safe>{line.name}</td>
                  <td safe>{t(locale, m[`outcome_${line.outcome}`])}</td>
                  <td>
                    {line.reasons.length === 0 ? (
                      ''
                    ) : (
                      <ul class="fr-mb-0">
                        {line.reasons.map((r) => (
                          <li safe>{reasonText(locale, r)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
        ) : (
          ''
        )}
        <p safe>{t(locale, m.importIntro)}</p>
        <h2 class="fr-h4" safe>
          {t(locale, m.importColumns)}
        </h2>
        <DataTable
          caption={t(locale, m.importColumns)}
          hiddenCaption
          columns={[t(locale, m.colHeader), t(locale, m.colRequired), t(locale, m.colMeaning)]}
        >
          {CSV_COLUMNS.map((column) => (
            <tr>
              <td>
                <code safe>{String(column.header)}</code>
              </td>
              <td safe>{t(locale, column.required ? m.yes : m.no)}</td>
              <td safe>{t(locale, column.help)}</td>
            </tr>
          ))}
        </DataTable>
        <h2 class="fr-h4 fr-mt-4w" safe>
          {report ? t(locale, m.importAgain) : t(locale, m.importCsv)}
        </h2>
        {props.fileError ? (
          <ErrorSummary locale={locale} errors={{ file: props.fileError }} labels={{ file: t(locale, m.fieldFile) }} />
        ) : (
          ''
        )}
        <form method="post" action={`${STAFF_PATH}/import`} enctype="multipart/form-data">
          <CsrfField token={ctx.csrfToken} />
          <div class={`fr-upload-group${props.fileError ? ' fr-input-group--error' : ''}`}>
            <label class="fr-label" for="file">
              <span safe>{t(locale, m.fieldFile)}</span>
              {' *'}
              <span class="fr-hint-text" safe>
                {t(locale, m.fieldFileHint)}
              </span>
            </label>
            <input
              class="fr-upload"
              type="file"
              id="file"
              name="file"
              accept=".csv,text/csv"
              required
              aria-required="true"
              {...(props.fileError ? { 'aria-describedby': 'file-error', 'aria-invalid': 'true' } : {})}
            />
            {props.fileError ? (
              <p id="file-error" class="fr-error-text" safe>
                {t(locale, props.fileError.message, props.fileError.params)}
              </p>
            ) : (
              ''
            )}
          </div>
          <div class="fr-my-2w">
            <Checkbox name="dry_run" label={t(locale, m.dryRun)} checked={props.dryRun} />
          </div>
          <button type="submit" class="fr-btn" safe>
            {t(locale, m.runImport)}
          </button>
        </form>
      </div>
    </Page>
  );
}
