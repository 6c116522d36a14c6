import type { FieldError } from '../../../core/http/forms.js';
import { type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import { CsrfField, ErrorSummary, Input, RadioGroup, TextArea } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { formatEuros } from '../../seasons/index.js';
import type { Board, BoardRow } from '../board-data.js';
import { boardCounts, boardMessages as m } from '../board-messages.js';
import { type ReasonOption, reasonField } from '../reasons.js';
import { DecisionsBreadcrumb } from './common.js';

export interface DecisionPageProps {
  ctx: ViewContext;
  board: Board;
  row: BoardRow;
  reasons: ReasonOption[];
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  problem?: string;
}

export function decisionFieldLabels(locale: Locale): Record<string, string> {
  return {
    outcome: t(locale, m.fieldOutcome),
    waitlist_position: t(locale, m.fieldWaitlist),
    reasons: t(locale, m.fieldReasons),
    reason_text: t(locale, m.fieldReasonText),
    amount_euros: t(locale, m.fieldAmount),
  };
}

/** /admin/decisions/:seasonId/candidatures/:applicationId: the decision on one application. */
export function DecisionPage(props: DecisionPageProps): JSX.Element {
  const { ctx, board, row, values, errors } = props;
  const { locale } = ctx;
  const title = t(locale, m.decisionTitle, { title: row.application.title });
  const c = row.combined;
  const above = c.rank <= board.selectionSize;
  const labels = decisionFieldLabels(locale);
  const reasonsError = errors.reasons;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <DecisionsBreadcrumb
          locale={locale}
          season={{ id: board.season.id, name: board.season.name }}
          current={row.application.title}
        />
        <h1 safe>{title}</h1>
        {props.problem ? (
          <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
            <p safe>{props.problem}</p>
          </div>
        ) : (
          ''
        )}
        <p safe>
          {`${t(locale, m.rowSummary, { rank: c.rank, low: c.rankLow, high: c.rankHigh, size: board.selectionSize })} ${t(locale, above ? m.aboveLine : m.belowLine)}.`}
        </p>
        {c.crossesLine ? (
          <p class="fr-badge fr-badge--warning" safe>
            {t(locale, m.crossesLine)}
          </p>
        ) : (
          ''
        )}
        {row.recused.length > 0 ? (
          <p safe>
            {tCount(locale, boardCounts.recused, row.recused.length, {
              names: row.recused.map((r) => r.name).join(', '),
            })}
          </p>
        ) : (
          ''
        )}
        <p class="fr-hint-text" safe>
          {t(locale, m.departureHint)}
        </p>
        <ErrorSummary locale={locale} errors={errors} labels={labels} />
        <form
          method="post"
          action={`/admin/decisions/${board.season.id}/candidatures/${row.application.id}`}
          novalidate
        >
          <CsrfField token={ctx.csrfToken} />
          <RadioGroup
            locale={locale}
            name="outcome"
            legend={labels.outcome}
            value={values.outcome ?? ''}
            error={errors.outcome}
            required
            options={[
              { value: 'laureate', label: t(locale, m.outcomeLaureate) },
              { value: 'waiting_list', label: t(locale, m.outcomeWaitingList) },
              { value: 'not_selected', label: t(locale, m.outcomeNotSelected) },
            ]}
          />
          <Input
            locale={locale}
            name="waitlist_position"
            label={labels.waitlist_position}
            hint={t(locale, m.fieldWaitlistHint)}
            value={values.waitlist_position ?? ''}
            error={errors.waitlist_position}
          />
          <fieldset
            id="reasons"
            class={`fr-fieldset${reasonsError ? ' fr-fieldset--error' : ''}`}
            aria-labelledby={reasonsError ? 'reasons-legend reasons-error' : 'reasons-legend'}
            role={reasonsError ? 'group' : undefined}
            tabindex="-1"
          >
            <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="reasons-legend">
              <span safe>{labels.reasons}</span>
              <span class="fr-hint-text" safe>
                {t(locale, m.fieldReasonsHint)}
              </span>
            </legend>
            {props.reasons.map((reason) => {
              const name = reasonField(reason.code);
              return (
                <div class="fr-fieldset__element">
                  <div class="fr-checkbox-group">
                    <input type="checkbox" id={name} name={name} checked={values[name] === 'on'} />
                    <label class="fr-label" for={name} safe>
                      {reason.label}
                    </label>
                  </div>
                </div>
              );
            })}
            {reasonsError ? (
              <div class="fr-messages-group" aria-live="polite">
                <p id="reasons-error" class="fr-error-text" safe>
                  {t(locale, reasonsError.message, reasonsError.params)}
                </p>
              </div>
            ) : (
              ''
            )}
          </fieldset>
          <TextArea
            locale={locale}
            name="reason_text"
            label={labels.reason_text}
            hint={t(locale, m.fieldReasonTextHint)}
            value={values.reason_text ?? ''}
            error={errors.reason_text}
            rows={4}
          />
          <Input
            locale={locale}
            name="amount_euros"
            label={labels.amount_euros}
            hint={t(locale, m.fieldAmountHint, {
              amount:
                row.application.requestedCents === null
                  ? t(locale, m.notRequested)
                  : formatEuros(locale, row.application.requestedCents),
            })}
            value={values.amount_euros ?? ''}
            error={errors.amount_euros}
          />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button class="fr-btn" type="submit" safe>
                {t(locale, m.saveDecision)}
              </button>
            </li>
            <li>
              <a
                class="fr-btn fr-btn--secondary"
                href={`/admin/decisions/${board.season.id}#row-${row.application.id}`}
                safe
              >
                {t(locale, m.backToBoard)}
              </a>
            </li>
          </ul>
        </form>
      </div>
    </Page>
  );
}
