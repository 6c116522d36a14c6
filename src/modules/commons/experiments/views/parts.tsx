import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import type { MilestoneState } from '../../../support/index.js';
import type { ExperimentStatus } from '../../tables.js';
import { COOPERATION_HREFS } from '../../views/cooperation-layout.js';
import { experimentMessages as m } from '../messages.js';
import type { ExperimentSummary } from '../queries.js';
import { territoryLabel } from '../territories.js';

/** What a form shows again after a refused post: what was typed and the errors by field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export const experimentHref = (id: string) => `${COOPERATION_HREFS.experiments}/${id}`;
export const commonsHref = (slug: string) => `${COOPERATION_HREFS.commons}/${slug}`;
export const administrationHref = (slug: string) => `${COOPERATION_HREFS.administrations}/${slug}`;

/** A YYYY-MM-DD day in the reader's format (noon UTC: the same calendar day in Paris). */
export function dayText(locale: Locale, day: string): string {
  return formatDate(locale, new Date(`${day}T12:00:00Z`));
}

export function periodText(locale: Locale, startsOn: string | null, endsOn: string | null): string {
  if (startsOn && endsOn)
    return t(locale, m.period, { start: dayText(locale, startsOn), end: dayText(locale, endsOn) });
  if (startsOn) return t(locale, m.periodFrom, { start: dayText(locale, startsOn) });
  if (endsOn) return t(locale, m.periodUntil, { end: dayText(locale, endsOn) });
  return t(locale, m.periodUnknown);
}

export function statusLabel(locale: Locale, status: ExperimentStatus): string {
  return t(locale, m[`status_${status}`]);
}

export function stateLabel(locale: Locale, state: MilestoneState): string {
  return t(locale, m[`state_${state}`]);
}

const STATUS_BADGE: Record<ExperimentStatus, string> = {
  planned: 'fr-badge--info',
  running: 'fr-badge--new',
  finished: 'fr-badge--success',
  stopped: 'fr-badge--warning',
};

export function StatusBadge({ locale, status }: { locale: Locale; status: ExperimentStatus }): JSX.Element {
  return (
    <p class={`fr-badge fr-badge--sm ${STATUS_BADGE[status]}`} safe>
      {statusLabel(locale, status)}
    </p>
  );
}

const STATE_BADGE: Record<MilestoneState, string> = {
  upcoming: 'fr-badge--info',
  in_progress: 'fr-badge--new',
  submitted: 'fr-badge--warning',
  validated: 'fr-badge--success',
  returned: 'fr-badge--error',
};

export function StateBadge({ locale, state }: { locale: Locale; state: MilestoneState }): JSX.Element {
  return (
    <p class={`fr-badge fr-badge--sm ${STATE_BADGE[state]}`} safe>
      {stateLabel(locale, state)}
    </p>
  );
}

export function MembersBadge({ locale }: { locale: Locale }): JSX.Element {
  return (
    <p class="fr-badge fr-badge--sm" safe>
      {t(locale, m.visibility_members)}
    </p>
  );
}

/** A text typed in a textarea, as paragraphs (blank lines) and line breaks, every piece escaped. */
export function Paragraphs({ text, class: cls }: { text: string; class?: string }): JSX.Element {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block) => (
        <p class={cls}>
          {block.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : ''}
              <span safe>{line}</span>
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** One experiment in a list: its title (the link), commons, administrations, status, dates and progress. */
export function ExperimentCard({
  locale,
  experiment: x,
}: {
  locale: Locale;
  experiment: ExperimentSummary;
}): JSX.Element {
  return (
    <div class="fr-card fr-enlarge-link fr-card--sm">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h3 class="fr-card__title">
            <a href={experimentHref(x.id)} safe>
              {x.title}
            </a>
          </h3>
          <p class="fr-card__desc" safe>
            {t(locale, m.withCommons, { name: x.commons.name })}
          </p>
          <p class="fr-card__desc" safe>
            {t(locale, m.withAdministrations, { names: x.administrations.map((a) => a.name).join(', ') })}
          </p>
          <div class="fr-card__start">
            <ul class="fr-badges-group">
              <li>
                <StatusBadge locale={locale} status={x.status} />
              </li>
              {x.visibility === 'members' ? (
                <li>
                  <MembersBadge locale={locale} />
                </li>
              ) : (
                ''
              )}
            </ul>
          </div>
          <div class="fr-card__end">
            <p class="fr-card__detail" safe>
              {`${periodText(locale, x.startsOn, x.endsOn)} — ${territoryLabel(locale, x.territory)} — ${t(locale, m.progressShort, { percent: x.percent })}`}
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}

/** The milestones' progress as text and a native progress bar (read through its label). */
export function ProgressBar(props: {
  locale: Locale;
  percent: number;
  validated: number;
  total: number;
  id: string;
}): JSX.Element {
  return (
    <div class="fr-mb-3w">
      <p class="fr-mb-1v" id={props.id} safe>
        {t(props.locale, m.progressText, { percent: props.percent, validated: props.validated, total: props.total })}
      </p>
      <progress max="100" value={String(props.percent)} aria-labelledby={props.id} safe>
        {`${props.percent} %`}
      </progress>
    </div>
  );
}
