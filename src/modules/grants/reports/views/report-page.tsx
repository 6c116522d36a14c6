import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  ButtonGroup,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  TextArea,
} from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { formatEuros } from '../../../seasons/index.js';
import { type LaureateSpace, SpacePage, type SpaceSide } from '../../../support/index.js';
import { reportMessages as m } from '../messages.js';
import type { ReportGrant, ReportRecord } from '../queries.js';
import {
  type ComputedLine,
  computeReport,
  formatGapPercent,
  LINE_SPECS,
  type LineSide,
  lineFields,
  type ReportLine,
  type SideTotals,
} from '../report-lines.js';

export interface ReportForm {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export interface ReportPageProps {
  ctx: ViewContext;
  side: SpaceSide;
  space: LaureateSpace;
  grant: ReportGrant | null;
  report: ReportRecord | null;
  /** Lines to show in the summary (typed ones when the form comes back with errors). */
  lines?: ReportLine[];
  form?: ReportForm;
  notice?: string;
  problem?: string;
  today: string;
}

const day = (locale: Locale, ymd: string) => formatDate(locale, new Date(`${ymd}T12:00:00Z`));

function StatusBadge({ locale, report, today }: { locale: Locale; report: ReportRecord; today: string }): JSX.Element {
  const kind = { draft: 'new', submitted: 'info', approved: 'success', returned: 'warning' }[report.status];
  const late = report.status !== 'approved' && report.dueOn < today;
  return (
    <p>
      <span class={`fr-badge fr-badge--${kind} fr-mr-1w`} safe>
        {t(locale, m[`status_${report.status}`])}
      </span>
      {late ? (
        <span class="fr-badge fr-badge--error" safe>
          {t(locale, m.late)}
        </span>
      ) : (
        ''
      )}
    </p>
  );
}

function TotalRow({ locale, label, totals }: { locale: Locale; label: string; totals: SideTotals }): JSX.Element {
  return (
    <tr>
      <th scope="row" safe>
        {label}
      </th>
      <td safe>{formatEuros(locale, totals.forecastCents)}</td>
      <td safe>{formatEuros(locale, totals.actualCents)}</td>
      <td safe>{formatEuros(locale, totals.gapCents)}</td>
      <td safe>{formatGapPercent(locale, totals.gapTenths)}</td>
    </tr>
  );
}

function LineRow({ locale, line }: { locale: Locale; line: ComputedLine }): JSX.Element {
  const label = line.funder ? `${t(locale, line.spec.label)} (${line.funder})` : t(locale, line.spec.label);
  return (
    <tr>
      <td safe>{label}</td>
      <td safe>{formatEuros(locale, line.forecastCents)}</td>
      <td safe>{formatEuros(locale, line.actualCents)}</td>
      <td safe>{formatEuros(locale, line.gapCents)}</td>
      <td>
        <span safe>{formatGapPercent(locale, line.gapTenths)}</span>
        {line.needsExplanation && !line.explanation ? (
          <span class="fr-badge fr-badge--sm fr-badge--warning fr-ml-1w" safe>
            {t(locale, m.explanationNeeded)}
          </span>
        ) : (
          ''
        )}
      </td>
    </tr>
  );
}

/** The computed table: every line with its gaps, and the totals of each side. */
export function ReportSummary({ locale, lines }: { locale: Locale; lines: ReportLine[] }): JSX.Element {
  const computed = computeReport(lines);
  const columns = [
    t(locale, m.line),
    t(locale, m.forecast),
    t(locale, m.actual),
    t(locale, m.gap),
    t(locale, m.gapPercent),
  ];
  const side = (s: LineSide) => computed.lines.filter((l) => l.spec.side === s);
  const balanced = computed.charges.actualCents === computed.income.actualCents;
  return (
    <>
      <DataTable caption={t(locale, m.charges)} columns={columns}>
        {side('charge').map((line) => (
          <LineRow locale={locale} line={line} />
        ))}
        <TotalRow locale={locale} label={t(locale, m.totalCharges)} totals={computed.charges} />
      </DataTable>
      <DataTable caption={t(locale, m.income)} columns={columns}>
        {side('income').map((line) => (
          <LineRow locale={locale} line={line} />
        ))}
        <TotalRow locale={locale} label={t(locale, m.totalIncome)} totals={computed.income} />
      </DataTable>
      {balanced ? (
        ''
      ) : (
        <p class="fr-hint-text" safe>
          {t(locale, m.unbalanced, {
            charges: formatEuros(locale, computed.charges.actualCents),
            income: formatEuros(locale, computed.income.actualCents),
          })}
        </p>
      )}
    </>
  );
}

function LineFields({ locale, code, form }: { locale: Locale; code: string; form: ReportForm }): JSX.Element {
  const spec = LINE_SPECS.find((s) => s.code === code)!;
  const f = lineFields(code);
  const label = t(locale, spec.label);
  return (
    <fieldset class="fr-fieldset" aria-labelledby={`legend-${code}`}>
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`legend-${code}`} safe>
        {label}
      </legend>
      {spec.funder ? (
        <div class="fr-fieldset__element">
          <Input
            locale={locale}
            name={f.funder}
            label={t(locale, m.funderOf, { line: label })}
            value={form.values[f.funder]}
            error={form.errors[f.funder]}
            maxlength={200}
          />
        </div>
      ) : (
        ''
      )}
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <Input
          locale={locale}
          name={f.forecast}
          label={t(locale, m.forecastOf, { line: label })}
          value={form.values[f.forecast]}
          error={form.errors[f.forecast]}
          maxlength={40}
        />
      </div>
      <div class="fr-fieldset__element fr-fieldset__element--inline">
        <Input
          locale={locale}
          name={f.actual}
          label={t(locale, m.actualOf, { line: label })}
          value={form.values[f.actual]}
          error={form.errors[f.actual]}
          maxlength={40}
        />
      </div>
      <div class="fr-fieldset__element">
        <TextArea
          locale={locale}
          name={f.explanation}
          label={t(locale, m.explanationOf, { line: label })}
          value={form.values[f.explanation]}
          error={form.errors[f.explanation]}
          rows={2}
        />
      </div>
    </fieldset>
  );
}

function errorLabels(locale: Locale): Record<string, string> {
  const labels: Record<string, string> = {
    comment: t(locale, m.comment),
    report_file: t(locale, m.file),
    review_comment: t(locale, m.reviewComment),
  };
  for (const spec of LINE_SPECS) {
    const f = lineFields(spec.code);
    const line = t(locale, spec.label);
    labels[f.forecast] = t(locale, m.forecastOf, { line });
    labels[f.actual] = t(locale, m.actualOf, { line });
    labels[f.explanation] = t(locale, m.explanationOf, { line });
    labels[f.funder] = t(locale, m.funderOf, { line });
  }
  return labels;
}

function TeamForm({
  ctx,
  action,
  report,
  form,
}: {
  ctx: ViewContext;
  action: string;
  report: ReportRecord;
  form: ReportForm;
}) {
  const { locale } = ctx;
  const fileError = form.errors.report_file;
  return (
    <form method="post" action={action} enctype="multipart/form-data" novalidate>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="version" value={form.values.version ?? String(report.version)} />
      <p class="fr-hint-text" safe>
        {t(locale, m.amountsHint)}
      </p>
      <h3 safe>{t(locale, m.charges)}</h3>
      {LINE_SPECS.filter((s) => s.side === 'charge').map((s) => (
        <LineFields locale={locale} code={s.code} form={form} />
      ))}
      <h3 safe>{t(locale, m.income)}</h3>
      {LINE_SPECS.filter((s) => s.side === 'income').map((s) => (
        <LineFields locale={locale} code={s.code} form={form} />
      ))}
      <TextArea
        locale={locale}
        name="comment"
        label={t(locale, m.comment)}
        value={form.values.comment}
        error={form.errors.comment}
        rows={5}
      />
      <div class={`fr-upload-group fr-mb-4w${fileError ? ' fr-upload-group--error' : ''}`}>
        <label class="fr-label" for="report_file">
          <span safe>{t(locale, m.file)}</span>
          <span class="fr-hint-text" safe>
            {t(locale, m.fileHint)}
          </span>
        </label>
        <input
          class="fr-upload"
          type="file"
          id="report_file"
          name="report_file"
          accept=".pdf,.ods,.xlsx"
          {...(fileError ? { 'aria-describedby': 'report_file-error', 'aria-invalid': 'true' } : {})}
        />
        {fileError ? (
          <p id="report_file-error" class="fr-error-text" safe>
            {t(locale, fileError.message, fileError.params)}
          </p>
        ) : (
          ''
        )}
      </div>
      <ButtonGroup
        name="action"
        inline="md"
        buttons={[
          { label: t(locale, m.save), value: 'save', priority: 'secondary' },
          { label: t(locale, m.submit), value: 'submit' },
        ]}
      />
    </form>
  );
}

function ReviewForm({
  ctx,
  action,
  report,
  form,
}: {
  ctx: ViewContext;
  action: string;
  report: ReportRecord;
  form: ReportForm;
}) {
  const { locale } = ctx;
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="version" value={form.values.version ?? String(report.version)} />
      <TextArea
        locale={locale}
        name="review_comment"
        label={t(locale, m.reviewComment)}
        hint={t(locale, m.reviewCommentHint)}
        value={form.values.review_comment}
        error={form.errors.review_comment}
        rows={4}
      />
      <ButtonGroup
        name="decision"
        inline="md"
        buttons={[
          { label: t(locale, m.approve), value: 'approve' },
          { label: t(locale, m.return), value: 'return', priority: 'secondary' },
        ]}
      />
    </form>
  );
}

/** The report of a laureate's grant: the team fills it in, staff review it. */
export function ReportPage(props: ReportPageProps): JSX.Element {
  const { ctx, side, space, grant, report } = props;
  const { locale } = ctx;
  const base =
    side === 'team'
      ? `/espace-laureat/${space.application.id}/subvention/compte-rendu`
      : `/admin/subventions/laureats/${space.application.id}/compte-rendu`;
  const form = props.form ?? { values: {}, errors: {} };
  const editable = side === 'team' && report && (report.status === 'draft' || report.status === 'returned');
  const reviewable = side === 'staff' && report?.status === 'submitted';
  const lines = props.lines ?? report?.lines ?? [];
  return (
    <SpacePage ctx={ctx} side={side} space={space} section="grant" title={t(locale, m.title)} showGrant>
      {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
      {props.problem ? <Alert kind="error" title={props.problem} /> : ''}
      <p safe>{t(locale, m.intro)}</p>
      {!grant || !report ? (
        <p class="fr-callout" safe>
          {t(locale, m.noGrant)}
        </p>
      ) : (
        <>
          <p safe>
            {t(locale, m.grantLine, {
              reference: grant.reference,
              amount: formatEuros(locale, grant.amountCents),
              start: day(locale, grant.actionStartsOn),
              end: day(locale, grant.actionEndsOn),
            })}
          </p>
          <p safe>{t(locale, m.dueOn, { date: day(locale, report.dueOn) })}</p>
          <StatusBadge locale={locale} report={report} today={props.today} />
          {report.submittedAt ? (
            <p class="fr-hint-text" safe>
              {t(locale, m.submittedOn, { date: formatDate(locale, report.submittedAt) })}
            </p>
          ) : (
            ''
          )}
          {report.status === 'returned' && report.reviewComment ? (
            <div class="fr-alert fr-alert--warning fr-mb-4w">
              <h3 class="fr-alert__title" safe>
                {t(locale, m.returnedBecause)}
              </h3>
              <p safe>{report.reviewComment}</p>
            </div>
          ) : (
            ''
          )}
          <p class="fr-hint-text" safe>
            {t(locale, m.gapRule)}
          </p>
          <ReportSummary locale={locale} lines={lines} />
          {report.fileId ? (
            <p>
              <span safe>{t(locale, m.currentFile, { name: report.fileName ?? '' })}</span>{' '}
              <a class="fr-link fr-link--sm" href={`${base}/fichier`} safe>
                {t(locale, m.download)}
              </a>
            </p>
          ) : (
            ''
          )}
          {!editable && report.comment ? (
            <>
              <h3 safe>{t(locale, m.teamComment)}</h3>
              <p safe>{report.comment}</p>
            </>
          ) : (
            ''
          )}
          {!editable && side === 'team' && report.status === 'submitted' ? (
            <p class="fr-hint-text" safe>
              {t(locale, m.readOnly)}
            </p>
          ) : (
            ''
          )}
          {side === 'staff' && report.lines.some((l) => l.explanation) ? (
            <ul>
              {computeReport(report.lines)
                .lines.filter((l) => l.explanation)
                .map((l) => (
                  <li>
                    <strong safe>{t(locale, l.spec.label)}</strong> : <span safe>{l.explanation}</span>
                  </li>
                ))}
            </ul>
          ) : (
            ''
          )}
          {editable || reviewable ? (
            <ErrorSummary locale={locale} errors={form.errors} labels={errorLabels(locale)} />
          ) : (
            ''
          )}
          {editable ? <TeamForm ctx={ctx} action={base} report={report} form={form} /> : ''}
          {reviewable ? (
            <>
              <h3 safe>{t(locale, m.review)}</h3>
              <ReviewForm ctx={ctx} action={base} report={report} form={form} />
            </>
          ) : (
            ''
          )}
          {report.reviewedAt && report.status !== 'returned' && report.reviewComment ? (
            <p safe>{`${t(locale, m.reviewComment)} : ${report.reviewComment}`}</p>
          ) : (
            ''
          )}
        </>
      )}
    </SpacePage>
  );
}
