import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../../core/ui/components.js';
import { SUPPORT_LEVERS } from '../../../seasons/index.js';
import type { ValueState } from '../../tables.js';
import { reportingMessages as m } from '../messages.js';
import { formatFigure } from '../numbers.js';
import type { Indicator, ReportedValue } from '../queries.js';

/** A day (YYYY-MM-DD) for reading, in the reader's language. */
export function dayText(locale: Locale, day: string): string {
  return formatDate(locale, new Date(`${day}T12:00:00Z`));
}

/** A lever's label in the reader's language (the code itself for a lever no longer listed). */
export function leverLabel(locale: Locale, code: string): string {
  const lever = SUPPORT_LEVERS.find((l) => l.code === code);
  return lever ? (locale === 'en' ? lever.labelEn : lever.label) : code;
}

export const leverOptions = (locale: Locale) =>
  SUPPORT_LEVERS.map((l) => ({ value: l.code, label: locale === 'en' ? l.labelEn : l.label }));

const STATE: Record<ValueState, { label: (typeof m)[keyof typeof m]; badge: string }> = {
  draft: { label: m.stateDraft, badge: 'fr-badge--info' },
  pending: { label: m.statePending, badge: 'fr-badge--new' },
  approved: { label: m.stateApproved, badge: 'fr-badge--success' },
  returned: { label: m.stateReturned, badge: 'fr-badge--warning' },
};

export function stateLabel(locale: Locale, state: ValueState): string {
  return t(locale, STATE[state].label);
}

export function StateBadge({ locale, state }: { locale: Locale; state: ValueState }): JSX.Element {
  return (
    <p class={`fr-badge fr-badge--sm fr-badge--no-icon ${STATE[state].badge}`} safe>
      {stateLabel(locale, state)}
    </p>
  );
}

/** The indicator's name and unit in the reader's language (French when no English was given). */
export function indicatorName(locale: Locale, indicator: Pick<Indicator, 'name' | 'nameEn'>): string {
  return locale === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
}
export function indicatorUnit(locale: Locale, indicator: Pick<Indicator, 'unit' | 'unitEn'>): string {
  return locale === 'en' && indicator.unitEn ? indicator.unitEn : indicator.unit;
}

/** What defines an indicator, in a few lines: direction, baseline, targets, IRIS+ id, lever. */
export function IndicatorFacts({ locale, indicator }: { locale: Locale; indicator: Indicator }): JSX.Element {
  const unit = indicatorUnit(locale, indicator);
  const figure = (value: string) => `${formatFigure(locale, value)} ${unit}`;
  return (
    <ul class="fr-text--sm">
      <li safe>{t(locale, indicator.direction === 'increase' ? m.directionIncrease : m.directionDecrease)}</li>
      {indicator.baselineValue !== null && indicator.baselineDate ? (
        <li safe>
          {t(locale, m.baselineLine, {
            value: figure(indicator.baselineValue),
            date: dayText(locale, indicator.baselineDate),
          })}
        </li>
      ) : (
        ''
      )}
      {indicator.targets.length > 0 ? (
        <li safe>
          {t(locale, m.targetsLine, {
            list: indicator.targets
              .map((target) =>
                t(locale, m.targetItem, { value: figure(target.value), date: dayText(locale, target.date) }),
              )
              .join(' ; '),
          })}
        </li>
      ) : (
        ''
      )}
      {indicator.irisId ? <li safe>{t(locale, m.irisLine, { id: indicator.irisId })}</li> : ''}
      {indicator.lever ? <li safe>{t(locale, m.leverLine, { lever: leverLabel(locale, indicator.lever) })}</li> : ''}
    </ul>
  );
}

/** The value's figure, period, source and comment cells shared by the staff's and the team's tables. */
export function ValueCells({
  locale,
  indicator,
  value,
  evidenceHref,
}: {
  locale: Locale;
  indicator: Indicator;
  value: ReportedValue;
  evidenceHref: string;
}): JSX.Element {
  return (
    <>
      <td safe>
        {t(locale, m.periodText, { start: dayText(locale, value.periodStart), end: dayText(locale, value.periodEnd) })}
      </td>
      <td safe>{`${formatFigure(locale, value.value)} ${indicatorUnit(locale, indicator)}`}</td>
      <td>
        {value.source ? (
          <p class="fr-text--sm fr-mb-1v" safe>
            {value.source}
          </p>
        ) : (
          ''
        )}
        {value.comment ? (
          <p class="fr-text--sm fr-mb-1v" safe>
            {value.comment}
          </p>
        ) : (
          ''
        )}
        {value.fileId ? (
          <p class="fr-text--sm fr-mb-1v">
            <a href={evidenceHref} safe>
              {t(locale, m.evidence, { name: value.fileName ?? '' })}
            </a>
          </p>
        ) : (
          ''
        )}
        {value.reviewComment && value.state !== 'approved' ? (
          <p class="fr-text--sm fr-mb-1v" safe>
            {t(locale, m.returnComment, { comment: value.reviewComment })}
          </p>
        ) : (
          ''
        )}
      </td>
      <td>
        <StateBadge locale={locale} state={value.state} />
      </td>
    </>
  );
}

export function StaffCrumbs({
  locale,
  items,
}: {
  locale: Locale;
  items: { label: string; href?: string }[];
}): JSX.Element {
  return (
    <Breadcrumb
      locale={locale}
      items={[
        { label: t(locale, m.administration), href: '/admin' },
        { label: t(locale, m.staffTitle), href: '/admin/impact' },
        ...items,
      ]}
    />
  );
}

export type Notice = { kind: 'success' | 'error'; title: string; text?: string };
