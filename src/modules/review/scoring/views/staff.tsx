import type Html from '@kitajs/html';
import type { FieldError } from '../../../../core/http/forms.js';
import { type Locale, t, tCount } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  CsrfField,
  DataTable,
  ErrorSummary,
  EveryTrackOnly,
  Input,
} from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { scoringMessages as m, scoringCounts } from '../messages.js';
import { REVIEW_REMINDER_DAYS_BEFORE } from '../reminders.js';
import type { SeasonRubric } from '../rubric.js';
import { RUBRIC_LEVELS } from '../rubric-defaults.js';
import type { SeasonRanking } from '../season-ranking.js';

function seasonName(locale: Locale, season: { name: string; nameEn: string }): string {
  return locale === 'en' ? season.nameEn || season.name : season.name;
}

function StaffNav({
  locale,
  seasonId,
  current,
}: {
  locale: Locale;
  seasonId: string;
  current: 'progress' | 'rubric' | 'ranking';
}): JSX.Element {
  const items = [
    { key: 'progress', href: `/admin/evaluations/${seasonId}`, label: t(locale, m.progress) },
    { key: 'rubric', href: `/admin/evaluations/${seasonId}/bareme`, label: t(locale, m.rubric) },
    { key: 'ranking', href: `/admin/evaluations/${seasonId}/classement`, label: t(locale, m.ranking) },
  ];
  return (
    <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mb-3w">
      {items.map((item) => (
        <li>
          <a
            class={`fr-btn fr-btn--sm${item.key === current ? '' : ' fr-btn--secondary'}`}
            href={item.href}
            {...(item.key === current ? { 'aria-current': 'page' } : {})}
            safe
          >
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function StaffFrame({
  ctx,
  season,
  current,
  heading,
  children,
}: {
  ctx: ViewContext;
  season: { id: string; name: string; nameEn: string };
  current: 'progress' | 'rubric' | 'ranking';
  heading: string;
  children?: Html.Children;
}): JSX.Element {
  const { locale } = ctx;
  const name = seasonName(locale, season);
  return (
    <Page ctx={ctx} title={`${heading} - ${name}`}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.staffTitle), href: '/admin/evaluations' }, { label: name }, { label: heading }]}
        />
        <h1 safe>{`${heading} — ${name}`}</h1>
        <StaffNav locale={locale} seasonId={season.id} current={current} />
        {children}
      </div>
    </Page>
  );
}

/** /admin/evaluations: the seasons. */
export function StaffIndexPage({
  ctx,
  seasons,
}: {
  ctx: ViewContext;
  seasons: { id: string; name: string; nameEn: string }[];
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.staffTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.staffTitle)}</h1>
        <p safe>{t(locale, m.staffIntro)}</p>
        <ul>
          {seasons.map((s) => (
            <li>
              <a href={`/admin/evaluations/${s.id}`} safe>
                {seasonName(locale, s)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </Page>
  );
}

export interface ProgressData {
  season: { id: string; name: string; nameEn: string };
  phase: string;
  /** `unassigned`: reviews written without an assignment, in a phase open to the whole jury. */
  reviewers: { name: string; assigned: number; unassigned: number; drafts: number; submitted: number }[];
  /** `submitted` of `assigned` on assigned pairs; `unassignedSubmitted`: submitted reviews without an assignment. */
  applications: { id: string; title: string; submitted: number; assigned: number; unassignedSubmitted: number }[];
  notice?: { kind: 'success' | 'error'; text: string };
}

/** /admin/evaluations/:season: progress per reviewer and per application, and "remind now". */
export function ProgressPage({ ctx, data }: { ctx: ViewContext; data: ProgressData }): JSX.Element {
  const { locale } = ctx;
  return (
    <StaffFrame ctx={ctx} season={data.season} current="progress" heading={t(locale, m.progress)}>
      {data.notice ? <Alert kind={data.notice.kind} title={data.notice.text} /> : ''}
      <p safe>{data.phase}</p>
      {data.reviewers.length === 0 ? (
        <p safe>{t(locale, m.noPublished)}</p>
      ) : (
        <>
          <h2 class="fr-h4" safe>
            {t(locale, m.perReviewer)}
          </h2>
          <DataTable
            caption={t(locale, m.perReviewer)}
            hiddenCaption
            columns={[
              t(locale, m.reviewer),
              t(locale, m.assigned),
              t(locale, m.unassigned),
              t(locale, m.drafts),
              t(locale, m.submittedCount),
            ]}
          >
            {data.reviewers.map((r) => (
              <tr>
                <td safe>{r.name}</td>
                <td safe>{String(r.assigned)}</td>
                <td safe>{String(r.unassigned)}</td>
                <td safe>{String(r.drafts)}</td>
                <td safe>{String(r.submitted)}</td>
              </tr>
            ))}
          </DataTable>
          <EveryTrackOnly user={ctx.user} locale={locale}>
            <form method="post" action={`/admin/evaluations/${data.season.id}/relances`} class="fr-my-3w">
              <CsrfField token={ctx.csrfToken} />
              <p class="fr-text--sm" safe>
                {t(locale, m.remindHint, { days: REVIEW_REMINDER_DAYS_BEFORE })}
              </p>
              <button type="submit" class="fr-btn fr-btn--secondary" safe>
                {t(locale, m.remindNow)}
              </button>
            </form>
          </EveryTrackOnly>
          <h2 class="fr-h4" safe>
            {t(locale, m.perApplication)}
          </h2>
          <DataTable
            caption={t(locale, m.perApplication)}
            hiddenCaption
            columns={[t(locale, m.application), t(locale, m.received)]}
          >
            {data.applications.map((a) => (
              <tr>
                <td safe>{a.title || t(locale, m.untitled)}</td>
                <td safe>
                  {[
                    t(locale, m.receivedOf, { n: a.submitted, k: a.assigned }),
                    a.unassignedSubmitted ? t(locale, m.receivedUnassigned, { u: a.unassignedSubmitted }) : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </StaffFrame>
  );
}

export interface RubricFormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

/** The rubric form's values from the stored rubric. */
export function rubricValues(rubric: SeasonRubric): Record<string, string> {
  const values: Record<string, string> = {};
  for (const c of rubric.criteria) {
    for (const level of RUBRIC_LEVELS) {
      values[`level_${c.code}_${level}_fr`] = c.levels[level].fr;
      values[`level_${c.code}_${level}_en`] = c.levels[level].en;
    }
  }
  return values;
}

/** /admin/evaluations/:season/bareme: the meaning of each level of each criterion, in both languages. */
export function RubricPage({
  ctx,
  rubric,
  state,
  notice,
}: {
  ctx: ViewContext;
  rubric: SeasonRubric;
  state: RubricFormState;
  notice?: string;
}): JSX.Element {
  const { locale } = ctx;
  const labels: Record<string, string> = {};
  for (const c of rubric.criteria) {
    for (const level of RUBRIC_LEVELS) {
      labels[`level_${c.code}_${level}_fr`] = `${c.label} — ${t(locale, m.levelFr, { level })}`;
      labels[`level_${c.code}_${level}_en`] = `${c.label} — ${t(locale, m.levelEn, { level })}`;
    }
  }
  return (
    <StaffFrame
      ctx={ctx}
      season={{ id: rubric.seasonId, name: rubric.seasonName, nameEn: rubric.seasonNameEn }}
      current="rubric"
      heading={t(locale, m.rubric)}
    >
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p safe>{t(locale, m.rubricIntro)}</p>
      <ErrorSummary locale={locale} errors={state.errors} labels={labels} />
      <form method="post" action={`/admin/evaluations/${rubric.seasonId}/bareme`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {rubric.criteria.map((c, i) => (
          <fieldset class="fr-fieldset fr-mb-4w" aria-labelledby={`criterion-${i}`}>
            <legend class="fr-fieldset__legend" id={`criterion-${i}`} safe>
              {`${locale === 'en' ? c.labelEn || c.label : c.label} (${t(locale, m.weight, { weight: c.weight })})`}
            </legend>
            {RUBRIC_LEVELS.map((level) => (
              <div class="fr-fieldset__element">
                <Input
                  locale={locale}
                  name={`level_${c.code}_${level}_fr`}
                  label={t(locale, m.levelFr, { level })}
                  value={state.values[`level_${c.code}_${level}_fr`] ?? ''}
                  error={state.errors[`level_${c.code}_${level}_fr`]}
                  required
                  maxlength={500}
                />
                <Input
                  locale={locale}
                  name={`level_${c.code}_${level}_en`}
                  label={t(locale, m.levelEn, { level })}
                  value={state.values[`level_${c.code}_${level}_en`] ?? ''}
                  error={state.errors[`level_${c.code}_${level}_en`]}
                  maxlength={500}
                />
              </div>
            ))}
          </fieldset>
        ))}
        <EveryTrackOnly user={ctx.user} locale={locale}>
          <button type="submit" class="fr-btn" safe>
            {t(locale, m.saveRubric)}
          </button>
        </EveryTrackOnly>
      </form>
    </StaffFrame>
  );
}

function fixed(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '—';
}

/** /admin/evaluations/:season/classement: raw and calibrated scores, ranks with intervals, biases, seed. */
export function RankingPage({
  ctx,
  data,
  notice,
}: {
  ctx: ViewContext;
  data: SeasonRanking;
  notice?: string;
}): JSX.Element {
  const { locale } = ctx;
  const { ranking, rubric } = data;
  const season = { id: rubric.seasonId, name: rubric.seasonName, nameEn: rubric.seasonNameEn };
  return (
    <StaffFrame ctx={ctx} season={season} current="ranking" heading={t(locale, m.ranking)}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p safe>{t(locale, m.rankingIntro)}</p>
      <p safe>{tCount(locale, scoringCounts.selectionLine, ranking.selectionSize)}</p>
      <p>
        <span safe>{t(locale, m.seedLine, { seed: ranking.seed })}</span>{' '}
        <span safe>{data.seedRecorded ? '' : t(locale, m.seedNotRecorded)}</span>
      </p>
      <EveryTrackOnly user={ctx.user} locale={locale}>
        <form method="post" action={`/admin/evaluations/${season.id}/classement/graine`} class="fr-mb-3w">
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary" safe>
            {t(locale, m.drawSeed)}
          </button>
        </form>
      </EveryTrackOnly>
      {ranking.applications.length === 0 ? (
        <p safe>{t(locale, m.noRanking)}</p>
      ) : (
        <>
          <p>
            <a
              class="fr-link fr-icon-download-line fr-link--icon-left"
              href={`/admin/evaluations/${season.id}/classement.csv`}
              safe
            >
              {t(locale, m.exportCsv)}
            </a>
          </p>
          <DataTable
            caption={t(locale, m.ranking)}
            hiddenCaption
            columns={[
              t(locale, m.rank),
              t(locale, m.rankInterval),
              t(locale, m.application),
              t(locale, m.reviewsColumn),
              t(locale, m.mean),
              t(locale, m.median),
              t(locale, m.calibrated),
              t(locale, m.line),
            ]}
          >
            {ranking.applications.map((a) => (
              <tr>
                <td safe>{String(a.rank)}</td>
                <td safe>{`${a.rankLow}–${a.rankHigh}`}</td>
                <td safe>{data.labels.get(a.application)?.title || t(locale, m.untitled)}</td>
                <td safe>{String(a.reviews)}</td>
                <td safe>{fixed(a.mean)}</td>
                <td safe>{fixed(a.median)}</td>
                <td safe>{fixed(a.calibrated)}</td>
                <td>
                  {a.crossesLine ? (
                    <span class="fr-badge fr-badge--sm fr-badge--warning" title={t(locale, m.crossesTitle)} safe>
                      {t(locale, m.crosses)}
                    </span>
                  ) : (
                    <span
                      class={`fr-badge fr-badge--sm ${a.rank <= ranking.selectionSize ? 'fr-badge--success' : 'fr-badge--info'}`}
                      safe
                    >
                      {t(locale, a.rank <= ranking.selectionSize ? m.selected : m.notSelected)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {data.unranked.length ? <p safe>{tCount(locale, scoringCounts.unranked, data.unranked.length)}</p> : ''}
      {data.outOfTheRunning.length ? (
        <p safe>{tCount(locale, scoringCounts.outOfTheRunning, data.outOfTheRunning.length)}</p>
      ) : (
        ''
      )}
      {ranking.biases.length ? (
        <section aria-labelledby="biases-title" class="fr-my-4w">
          <h2 id="biases-title" class="fr-h4" safe>
            {t(locale, m.biases)}
          </h2>
          <p safe>{t(locale, m.biasesIntro)}</p>
          {data.trackLimited ? (
            <p class="fr-hint-text" safe>
              {t(locale, m.biasesTrackLimited)}
            </p>
          ) : (
            ''
          )}
          <DataTable
            caption={t(locale, m.biases)}
            hiddenCaption
            columns={[t(locale, m.reviewer), t(locale, m.reviewsColumn), t(locale, m.bias)]}
          >
            {ranking.biases.map((b) => (
              <tr>
                <td safe>{data.reviewerNames.get(b.reviewer) ?? b.reviewer}</td>
                <td safe>{String(b.reviews)}</td>
                <td safe>{(b.bias >= 0 ? '+' : '') + b.bias.toFixed(2)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : (
        ''
      )}
    </StaffFrame>
  );
}
