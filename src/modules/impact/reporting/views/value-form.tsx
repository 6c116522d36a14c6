import type { FieldError } from '../../../../core/http/forms.js';
import { type Locale, t } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  ButtonGroup,
  CsrfField,
  ErrorSummary,
  type GroupButton,
  Input,
  TextArea,
} from '../../../../core/ui/components.js';
import { reportingMessages as m } from '../messages.js';
import type { Indicator } from '../queries.js';
import { indicatorUnit, type Notice } from './common.js';

export interface ValueFormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  notice?: Notice;
}

/**
 * The form of a value, for the team (save a draft / submit) and for staff (save and approve): period, figure
 * (French decimals accepted), source, comment and an optional evidence file. Multipart, so the CSRF token
 * goes in the address.
 */
export function ValueForm(props: {
  locale: Locale;
  csrfToken?: string;
  action: string;
  indicator: Indicator;
  state: ValueFormState;
  buttons: GroupButton[];
  currentFile?: string | null;
  cancelHref: string;
}): JSX.Element {
  const { locale, state } = props;
  const v = state.values;
  const e = state.errors;
  const labels: Record<string, string> = {
    period_start: t(locale, m.fieldPeriodStart),
    period_end: t(locale, m.fieldPeriodEnd),
    value: t(locale, m.fieldValue, { unit: indicatorUnit(locale, props.indicator) }),
    source: t(locale, m.fieldSource),
    comment: t(locale, m.fieldComment),
    evidence: t(locale, m.fieldEvidence),
  };
  return (
    <>
      {state.notice ? <Alert kind={state.notice.kind} title={state.notice.title} text={state.notice.text} /> : ''}
      <ErrorSummary locale={locale} errors={e} labels={labels} />
      <form method="post" enctype="multipart/form-data" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="version" value={v.version ?? ''} />
        <input type="hidden" name="submission_key" value={v.submission_key ?? ''} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="period_start"
              type="date"
              label={labels.period_start!}
              hint={t(locale, m.dateHint)}
              value={v.period_start}
              error={e.period_start}
              required
            />
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <Input
              locale={locale}
              name="period_end"
              type="date"
              label={labels.period_end!}
              hint={t(locale, m.dateHint)}
              value={v.period_end}
              error={e.period_end}
              required
            />
          </div>
        </div>
        <Input
          locale={locale}
          name="value"
          label={labels.value!}
          hint={t(locale, m.figureHint)}
          value={v.value}
          error={e.value}
          required
          maxlength={40}
        />
        <Input
          locale={locale}
          name="source"
          label={labels.source!}
          hint={t(locale, m.fieldSourceHint)}
          value={v.source}
          error={e.source}
          maxlength={500}
        />
        <TextArea locale={locale} name="comment" label={labels.comment!} value={v.comment} error={e.comment} rows={4} />
        <div class={`fr-upload-group${e.evidence ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for="evidence">
            <span safe>{labels.evidence}</span>
            <span class="fr-hint-text" safe>
              {t(locale, m.fieldEvidenceHint)}
            </span>
          </label>
          <input
            class="fr-upload"
            type="file"
            id="evidence"
            name="evidence"
            accept=".pdf,.png,.jpg,.jpeg,.webp,.odt,.ods,.docx,.xlsx"
            {...(e.evidence ? { 'aria-describedby': 'evidence-error', 'aria-invalid': 'true' } : {})}
          />
          {e.evidence ? (
            <p id="evidence-error" class="fr-error-text" safe>
              {t(locale, e.evidence.message, e.evidence.params)}
            </p>
          ) : (
            ''
          )}
          {props.currentFile ? (
            <p class="fr-hint-text" safe>
              {t(locale, m.currentEvidence, { name: props.currentFile })}
            </p>
          ) : (
            ''
          )}
        </div>
        <ButtonGroup name="action" buttons={props.buttons} inline="md" class="fr-mt-4w" />
        <p>
          <a class="fr-link" href={props.cancelHref} safe>
            {t(locale, m.cancel)}
          </a>
        </p>
      </form>
    </>
  );
}
