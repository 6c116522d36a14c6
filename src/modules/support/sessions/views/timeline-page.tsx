import type { FieldError } from '../../../../core/http/forms.js';
import { formatDateTime, type Locale, t } from '../../../../core/i18n/i18n.js';
import { CsrfField, ErrorSummary, TextArea } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { LaureateSpace } from '../../laureate-space.js';
import type { TimelineEntry, TimelineKind } from '../../timeline-sources.js';
import { SpacePage, type SpaceSide, spaceHref } from '../../views/space-layout.js';
import { sessionMessages as m } from '../messages.js';
import { NoPlan, Notice, type PageNotice, TextBlock } from './common.js';

export interface TimelinePageProps {
  ctx: ViewContext;
  side: SpaceSide;
  space: LaureateSpace;
  showGrant: boolean;
  entries: TimelineEntry[];
  /** The kinds the filter offers, and those chosen (none: everything). */
  kinds: readonly TimelineKind[];
  chosen: readonly TimelineKind[];
  /** The composer as typed, when it came back with an error. */
  composer?: { values: Record<string, string>; errors: Record<string, FieldError> };
  notice?: PageNotice;
}

const KIND_FILTER = {
  message: m.kind_message,
  milestone: m.kind_milestone,
  session: m.kind_session,
  introduction: m.kind_introduction,
  payment: m.kind_payment,
  grant: m.kind_grant,
  report: m.kind_report,
} as const;

const KIND_TAG = {
  message: m.tag_message,
  milestone: m.tag_milestone,
  session: m.tag_session,
  introduction: m.tag_introduction,
  payment: m.tag_payment,
  grant: m.tag_grant,
  report: m.tag_report,
} as const;

function Composer(props: {
  locale: Locale;
  side: SpaceSide;
  action: string;
  csrfToken?: string;
  composer?: TimelinePageProps['composer'];
}): JSX.Element {
  const { locale } = props;
  const label = t(locale, props.side === 'team' ? m.composerLabelTeam : m.composerLabelStaff);
  const errors = props.composer?.errors ?? {};
  return (
    <section aria-labelledby="composer-title" class="fr-mb-6w">
      <h3 id="composer-title" safe>
        {t(locale, m.composerTitle)}
      </h3>
      <ErrorSummary locale={locale} errors={errors} labels={{ body: label }} />
      <form method="post" action={props.action}>
        <CsrfField token={props.csrfToken} />
        <TextArea
          locale={locale}
          name="body"
          label={label}
          hint={t(locale, m.composerHint)}
          value={props.composer?.values.body}
          error={errors.body}
          rows={5}
          required
        />
        <button type="submit" class="fr-btn" safe>
          {t(locale, m.send)}
        </button>
      </form>
    </section>
  );
}

function Filter(props: {
  locale: Locale;
  action: string;
  kinds: readonly TimelineKind[];
  chosen: readonly TimelineKind[];
}): JSX.Element {
  const { locale } = props;
  return (
    <form method="get" action={props.action} class="fr-mb-4w">
      <fieldset class="fr-fieldset" aria-labelledby="filter-legend">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="filter-legend">
          <span safe>{t(locale, m.filterLegend)}</span>
          <span class="fr-hint-text" safe>
            {t(locale, m.filterHint)}
          </span>
        </legend>
        {props.kinds.map((kind) => (
          <div class="fr-fieldset__element fr-fieldset__element--inline">
            <div class="fr-checkbox-group">
              <input
                type="checkbox"
                id={`type-${kind}`}
                name="type"
                value={kind}
                checked={props.chosen.includes(kind)}
              />
              <label class="fr-label" for={`type-${kind}`} safe>
                {t(locale, KIND_FILTER[kind])}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <li>
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.filter)}
          </button>
        </li>
        {props.chosen.length > 0 ? (
          <li>
            <a class="fr-btn fr-btn--tertiary" href={props.action} safe>
              {t(locale, m.resetFilter)}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </form>
  );
}

function Entry(props: { locale: Locale; side: SpaceSide; path: string; entry: TimelineEntry }): JSX.Element {
  const { locale, entry } = props;
  const href = props.side === 'team' ? entry.teamHref : entry.staffHref;
  const title = t(locale, entry.title, entry.params);
  // An entry whose details are on this very page (a message) is its own anchor.
  const anchor = href?.startsWith(`${props.path}#`) ? href.slice(props.path.length + 1) : undefined;
  return (
    <li id={anchor} class="fr-mb-3w">
      <p class="fr-mb-1v">
        <span class="fr-badge fr-badge--sm fr-badge--no-icon fr-mr-1w" safe>
          {t(locale, KIND_TAG[entry.kind])}
        </span>
        <time datetime={entry.at.toISOString()} safe>
          {formatDateTime(locale, entry.at)}
        </time>
      </p>
      <p class="fr-mb-1v">
        <strong safe>{title}</strong>
      </p>
      {entry.text ? <TextBlock text={entry.text} class="fr-mb-1v acc-break" /> : ''}
      {href && !anchor ? (
        <p class="fr-mb-0">
          <a class="fr-link fr-link--sm" href={href} title={t(locale, m.detailsOf, { title })} safe>
            {t(locale, m.details)}
          </a>
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

/** The laureate's timeline, on either side: the message composer, the filter by kind, the entries. */
export function TimelinePage(props: TimelinePageProps): JSX.Element {
  const { ctx, side, space } = props;
  const { locale } = ctx;
  const path = spaceHref(side, space.application.id, 'timeline');
  return (
    <SpacePage
      ctx={ctx}
      side={side}
      space={space}
      section="timeline"
      title={t(locale, m.timelineTitle)}
      showGrant={props.showGrant}
    >
      <Notice notice={props.notice} />
      {space.plan ? (
        <Composer locale={locale} side={side} action={path} csrfToken={ctx.csrfToken} composer={props.composer} />
      ) : (
        <NoPlan locale={locale} side={side} applicationId={space.application.id} />
      )}
      <section aria-labelledby="entries-title">
        <h3 id="entries-title" safe>
          {t(locale, m.timelineEntries)}
        </h3>
        <Filter locale={locale} action={path} kinds={props.kinds} chosen={props.chosen} />
        <p class="fr-hint-text" role="status" safe>
          {t(locale, m.timelineCount, { n: props.entries.length })}
        </p>
        {props.entries.length === 0 ? (
          <p safe>{t(locale, m.timelineEmpty)}</p>
        ) : (
          <ul class="fr-raw-list">
            {props.entries.map((entry) => (
              <Entry locale={locale} side={side} path={path} entry={entry} />
            ))}
          </ul>
        )}
      </section>
    </SpacePage>
  );
}
