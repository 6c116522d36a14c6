import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { SUPPORT_LEVERS } from '../../../seasons/index.js';
import type { MilestoneState, Need } from '../../tables.js';
import { planMessages as m } from '../messages.js';
import { dayOf, type Progress } from '../progress.js';

/** A lever's label in the reader's language (the code itself for a lever no longer listed). */
export function leverLabel(locale: Locale, code: string): string {
  const lever = SUPPORT_LEVERS.find((l) => l.code === code);
  return lever ? (locale === 'en' ? lever.labelEn : lever.label) : code;
}

export function leverOptions(locale: Locale): { value: string; label: string }[] {
  return SUPPORT_LEVERS.map((l) => ({ value: l.code, label: locale === 'en' ? l.labelEn : l.label }));
}

export function needLabel(locale: Locale, need: Need): string {
  return t(locale, m[`need_${need}`]);
}

/** A YYYY-MM-DD day in the reader's format (noon UTC: the same calendar day in Paris). */
export function dayText(locale: Locale, day: string): string {
  return formatDate(locale, new Date(`${dayOf(day)}T12:00:00Z`));
}

const BADGE: Record<MilestoneState, string> = {
  upcoming: 'fr-badge--info',
  in_progress: 'fr-badge--new',
  submitted: 'fr-badge--warning',
  validated: 'fr-badge--success',
  returned: 'fr-badge--error',
};

export function StateBadge({ locale, state }: { locale: Locale; state: MilestoneState }): JSX.Element {
  return (
    <p class={`fr-badge fr-badge--sm ${BADGE[state]}`} safe>
      {t(locale, m[`state_${state}`])}
    </p>
  );
}

/** The progress as text and a native progress bar (read by screen readers through its label). */
export function ProgressBar({ locale, progress, id }: { locale: Locale; progress: Progress; id: string }): JSX.Element {
  return (
    <div class="fr-mb-3w">
      <p class="fr-mb-1v" id={id} safe>
        {t(locale, m.progressText, {
          percent: progress.percent,
          validated: progress.validatedWeight,
          total: progress.totalWeight,
        })}
      </p>
      <progress max="100" value={String(progress.percent)} aria-labelledby={id} safe>
        {`${progress.percent} %`}
      </progress>
    </div>
  );
}
