import type { FieldError } from '../../../../core/http/forms.js';
import { t, tCount } from '../../../../core/i18n/i18n.js';
import { Alert, Breadcrumb, CsrfField, ErrorSummary } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { applicationMessages as m } from '../../messages.js';
import { BATCH_ALL_MAX } from '../batch-all.js';
import { instructionMessages as im, instructionCounts } from '../messages.js';
import { BatchActionFields } from './instruction-section.js';

export interface BatchAllProps {
  ctx: ViewContext;
  /** The list filters as a query string (the form posts them back in its action). */
  filterQuery: string;
  /** The filters in words, for the person to check what they act on. */
  filterText: string;
  count: number;
  tooMany: boolean;
  /** The first titles concerned, to recognise the selection. */
  sample: string[];
  values?: { action?: string; body?: string };
  errors?: Record<string, FieldError>;
  /** Shown above the form (e.g. the count changed since it was confirmed). */
  warning?: string;
}

/**
 * The confirmation of a batch action on every result of a filter: how many applications, which
 * filter, the action, and a box to tick. The count is posted back: if it changed, nothing is done
 * and the page asks again.
 */
export function BatchAllPage(props: BatchAllProps): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const errors = props.errors ?? {};
  const back = `/admin/candidatures${props.filterQuery ? `?${props.filterQuery}` : ''}`;
  return (
    <Page ctx={ctx} title={t(locale, im.batchAllTitle)}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.adminTitle), href: back }, { label: t(locale, im.batchAllTitle) }]}
        />
        <h1 safe>{t(locale, im.batchAllTitle)}</h1>
        <p safe>{t(locale, im.batchAllFilters, { filters: props.filterText || t(locale, im.batchAllNoFilter) })}</p>
        {props.warning ? <Alert kind="warning" title={props.warning} /> : ''}
        {props.tooMany ? (
          <Alert kind="warning" title={t(locale, im.batchAllTooMany, { max: BATCH_ALL_MAX })} />
        ) : props.count === 0 ? (
          <Alert kind="info" title={t(locale, im.batchAllNone)} />
        ) : (
          <>
            <p class="fr-text--lead" safe>
              {tCount(locale, instructionCounts.batchAllCount, props.count)}
            </p>
            <h2 class="fr-h6" safe>
              {t(locale, im.batchAllFirst)}
            </h2>
            <ul>
              {props.sample.map((title) => (
                <li safe>{title || t(locale, m.untitled)}</li>
              ))}
            </ul>
            <ErrorSummary
              locale={locale}
              errors={errors}
              labels={{
                action: t(locale, im.batchAction),
                body: t(locale, im.batchBody),
                confirm: tCount(locale, instructionCounts.batchAllConfirm, props.count),
              }}
            />
            <form
              method="post"
              action={`/admin/candidatures/lot/tous${props.filterQuery ? `?${props.filterQuery}` : ''}`}
              novalidate
            >
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="count" value={String(props.count)} />
              <BatchActionFields locale={locale} values={props.values} errors={errors} />
              <div class={`fr-checkbox-group${errors.confirm ? ' fr-checkbox-group--error' : ''} fr-mb-3w`}>
                <input
                  type="checkbox"
                  id="confirm"
                  name="confirm"
                  value="oui"
                  {...(errors.confirm ? { 'aria-describedby': 'confirm-error' } : {})}
                />
                <label class="fr-label" for="confirm" safe>
                  {tCount(locale, instructionCounts.batchAllConfirm, props.count)}
                </label>
                {errors.confirm ? (
                  <p id="confirm-error" class="fr-error-text" safe>
                    {t(locale, errors.confirm.message, errors.confirm.params)}
                  </p>
                ) : (
                  ''
                )}
              </div>
              <button type="submit" class="fr-btn" safe>
                {t(locale, im.batchAllApply)}
              </button>
            </form>
          </>
        )}
        <a class="fr-link fr-mt-3w" href={back} safe>
          {t(locale, im.backToList)}
        </a>
      </div>
    </Page>
  );
}
