import type { FieldError } from '../../../../core/http/forms.js';
import { formatDateTime, type Locale, t } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  ButtonGroup,
  CsrfField,
  DataTable,
  ErrorSummary,
  RadioGroup,
  TextArea,
} from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { AnswerSummary, type ApplicationForScoring } from '../../../applications/index.js';
import type { PhaseRules } from '../../phases.js';
import { scoringMessages as m } from '../messages.js';
import { OPINIONS, type PhaseRecord, type ReviewRecord, type ReviewState, reviewState } from '../queries.js';
import type { RubricCriterion } from '../rubric.js';
import { RUBRIC_LEVELS } from '../rubric-defaults.js';

const STATE_BADGE: Record<ReviewState, string> = {
  todo: 'fr-badge--info',
  draft: 'fr-badge--warning',
  submitted: 'fr-badge--success',
};

export function StateBadge({ locale, state }: { locale: Locale; state: ReviewState }): JSX.Element {
  return (
    <span class={`fr-badge fr-badge--sm ${STATE_BADGE[state]}`} safe>
      {t(locale, m[`state_${state}`])}
    </span>
  );
}

/** One line on the phase: open until, upcoming, ended (editable or not), or none. */
export function phaseText(locale: Locale, phase: PhaseRecord | null, rules: PhaseRules): string {
  if (!phase) return t(locale, m.noPhase);
  const name = locale === 'en' ? phase.name_en || phase.name : phase.name;
  if (rules.status === 'open')
    return t(locale, m.phaseOpenUntil, { phase: name, date: formatDateTime(locale, phase.ends_at) });
  if (rules.status === 'upcoming')
    return t(locale, m.phaseUpcoming, { phase: name, date: formatDateTime(locale, phase.starts_at) });
  return rules.canEdit
    ? t(locale, m.phaseEndedEditable, { phase: name })
    : t(locale, m.phaseEnded, { phase: name, date: formatDateTime(locale, phase.ends_at) });
}

export interface AssignmentRow {
  /** The review page: by assignment, or by application for one open to the whole jury. */
  href: string;
  assigned: boolean;
  title: string;
  seasonName: string;
  state: ReviewState;
  phase: string;
}

/** /jury/evaluations: the reviewer's assignments with their state, then what a phase open to all adds. */
export function MyReviewsPage({ ctx, rows }: { ctx: ViewContext; rows: AssignmentRow[] }): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.myReviews)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.myReviews)}</h1>
        <p safe>{t(locale, m.myReviewsIntro)}</p>
        {rows.length === 0 ? (
          <p safe>{t(locale, m.noAssignments)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.myReviews)}
            hiddenCaption
            columns={[
              t(locale, m.application),
              t(locale, m.assignment),
              t(locale, m.season),
              t(locale, m.phaseColumn),
              t(locale, m.state),
            ]}
          >
            {rows.map((row) => (
              <tr>
                <td>
                  <a href={row.href} safe>
                    {row.title || t(locale, m.untitled)}
                  </a>
                </td>
                <td>
                  <span
                    class={`fr-badge fr-badge--sm fr-badge--no-icon ${row.assigned ? 'fr-badge--blue-ecume' : 'fr-badge--purple-glycine'}`}
                    safe
                  >
                    {t(locale, row.assigned ? m.assignedToYou : m.openToAll)}
                  </span>
                </td>
                <td safe>{row.seasonName}</td>
                <td safe>{row.phase}</td>
                <td>
                  <StateBadge locale={locale} state={row.state} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

export interface ReviewFormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

/** The form's values from a stored review (or empty). */
export function valuesOf(review: ReviewRecord | null, criteria: readonly RubricCriterion[]): Record<string, string> {
  const values: Record<string, string> = {
    overall: review?.overall ?? '',
    opinion: review?.opinion ?? '',
    confidence: review?.confidence ? String(review.confidence) : '',
  };
  for (const c of criteria) {
    const score = review?.scores[c.code];
    values[`score_${c.code}`] = typeof score === 'number' ? String(score) : '';
    values[`comment_${c.code}`] = review?.comments[c.code] ?? '';
  }
  return values;
}

function label(locale: Locale, criterion: RubricCriterion): string {
  return locale === 'en' ? criterion.labelEn || criterion.label : criterion.label;
}

export interface ReviewPageProps {
  ctx: ViewContext;
  /** Where the form posts (the page's own address). */
  action: string;
  /** False for an application opened by a phase open to all rather than assigned. */
  assigned: boolean;
  application: ApplicationForScoring;
  criteria: RubricCriterion[];
  review: ReviewRecord | null;
  phase: PhaseRecord | null;
  rules: PhaseRules;
  state: ReviewFormState;
  notice?: { kind: 'success' | 'error'; text: string };
  /** Others' submitted reviews, or why they are not shown. */
  others: { visible: true; reviews: ReviewRecord[] } | { visible: false; reason: 'never' | 'after_own' };
}

function OthersSection({
  locale,
  criteria,
  others,
}: {
  locale: Locale;
  criteria: RubricCriterion[];
  others: ReviewPageProps['others'];
}): JSX.Element {
  return (
    <section aria-labelledby="others-title" class="fr-my-4w">
      <h2 id="others-title" class="fr-h4" safe>
        {t(locale, m.othersReviews)}
      </h2>
      {!others.visible ? (
        <p safe>{t(locale, others.reason === 'after_own' ? m.othersAfterOwn : m.othersHidden)}</p>
      ) : others.reviews.length === 0 ? (
        <p safe>{t(locale, m.othersNone)}</p>
      ) : (
        others.reviews.map((review, i) => (
          <div class="fr-mb-3w">
            <DataTable
              caption={t(locale, m.reviewerN, { n: i + 1 })}
              columns={[t(locale, m.criterion), t(locale, m.score), t(locale, m.comment)]}
            >
              {criteria.map((c) => (
                <tr>
                  <td safe>{label(locale, c)}</td>
                  <td safe>{String(review.scores[c.code] ?? '—')}</td>
                  <td safe>{review.comments[c.code] ?? ''}</td>
                </tr>
              ))}
            </DataTable>
            <p class="fr-text--sm" safe>
              {`${t(locale, m.opinion)} : ${review.opinion ? t(locale, m[`opinion_${review.opinion}`]) : '—'} · ${t(locale, m.confidence)} : ${review.confidence ? t(locale, m[`confidence_${review.confidence as 1 | 2 | 3}`]) : '—'}`}
            </p>
            {review.overall ? (
              <blockquote class="fr-text--sm" safe>
                {review.overall}
              </blockquote>
            ) : (
              ''
            )}
          </div>
        ))
      )}
    </section>
  );
}

/** /jury/evaluations/:id: the application's answers (read only), the scoring form, others' reviews as the phase allows. */
export function ReviewPage(props: ReviewPageProps): JSX.Element {
  const { ctx, application, criteria, state, rules, review } = props;
  const { locale } = ctx;
  const title = application.title || t(locale, m.untitled);
  const submitted = reviewState(review) === 'submitted';
  const labels: Record<string, string> = {
    overall: t(locale, m.overall),
    opinion: t(locale, m.opinion),
    confidence: t(locale, m.confidence),
  };
  for (const c of criteria) {
    labels[`score_${c.code}`] = label(locale, c);
    labels[`comment_${c.code}`] = t(locale, m.criterionComment, { criterion: label(locale, c) });
  }
  const carriers = [application.applicantName, application.organisationName].filter(Boolean).join(' — ');
  return (
    <Page ctx={ctx} title={`${title} - ${t(locale, m.myReviews)}`}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.myReviews), href: '/jury/evaluations' }, { label: title }]}
        />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.text} /> : ''}
        <p>
          <StateBadge locale={locale} state={reviewState(review)} />{' '}
          <span safe>{phaseText(locale, props.phase, rules)}</span>
        </p>
        {props.assigned ? (
          ''
        ) : (
          <p class="fr-text--sm" safe>
            {t(locale, m.openToAllNotice)}
          </p>
        )}
        {rules.blind ? (
          <p class="fr-text--sm" safe>
            {t(locale, m.blindNotice)}
          </p>
        ) : carriers ? (
          <p safe>{t(locale, m.carriedBy, { name: carriers })}</p>
        ) : (
          ''
        )}
        <section aria-labelledby="answers-title" class="fr-my-4w">
          <h2 id="answers-title" class="fr-h4" safe>
            {t(locale, m.answers)}
          </h2>
          <p class="fr-text--sm" safe>
            {t(locale, m.contactsHidden)}
          </p>
          <AnswerSummary locale={locale} definition={application.definition} answers={application.answers} />
        </section>
        <section aria-labelledby="review-title" class="fr-my-4w">
          <h2 id="review-title" class="fr-h4" safe>
            {t(locale, m.yourReview)}
          </h2>
          {submitted && review?.submittedAt ? (
            <p safe>{t(locale, m.submittedOn, { date: formatDateTime(locale, review.submittedAt) })}</p>
          ) : (
            ''
          )}
          {rules.canEdit ? '' : <Alert kind="info" title={t(locale, m.readOnly)} />}
          <ErrorSummary locale={locale} errors={state.errors} labels={labels} />
          <form method="post" action={props.action} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <fieldset class="fr-fieldset" disabled={!rules.canEdit} aria-labelledby="review-title">
              {criteria.map((c) => (
                <div class="fr-fieldset__element fr-mb-3w">
                  <RadioGroup
                    locale={locale}
                    name={`score_${c.code}`}
                    legend={t(locale, m.scoreLegend, { criterion: label(locale, c) })}
                    hint={`${locale === 'en' ? c.descriptionEn || c.description : c.description} (${t(locale, m.weight, { weight: c.weight })})`}
                    options={RUBRIC_LEVELS.map((level) => ({
                      value: String(level),
                      label: `${level} — ${locale === 'en' ? c.levels[level].en || c.levels[level].fr : c.levels[level].fr}`,
                    }))}
                    value={state.values[`score_${c.code}`] ?? ''}
                    error={state.errors[`score_${c.code}`]}
                  />
                  <TextArea
                    locale={locale}
                    name={`comment_${c.code}`}
                    label={labels[`comment_${c.code}`]}
                    value={state.values[`comment_${c.code}`] ?? ''}
                    error={state.errors[`comment_${c.code}`]}
                    rows={3}
                  />
                </div>
              ))}
              <div class="fr-fieldset__element">
                <TextArea
                  locale={locale}
                  name="overall"
                  label={t(locale, m.overall)}
                  value={state.values.overall ?? ''}
                  error={state.errors.overall}
                  rows={6}
                />
              </div>
              <div class="fr-fieldset__element">
                <RadioGroup
                  locale={locale}
                  name="opinion"
                  legend={t(locale, m.opinion)}
                  options={OPINIONS.map((o) => ({ value: o, label: t(locale, m[`opinion_${o}`]) }))}
                  value={state.values.opinion ?? ''}
                  error={state.errors.opinion}
                />
              </div>
              <div class="fr-fieldset__element">
                <RadioGroup
                  locale={locale}
                  name="confidence"
                  legend={t(locale, m.confidence)}
                  options={(['1', '2', '3'] as const).map((c) => ({
                    value: c,
                    label: t(locale, m[`confidence_${c}`]),
                  }))}
                  value={state.values.confidence ?? ''}
                  error={state.errors.confidence}
                />
              </div>
              <div class="fr-fieldset__element">
                <ButtonGroup
                  name="action"
                  buttons={[
                    !submitted && { value: 'save', label: t(locale, m.saveDraft), priority: 'secondary' },
                    { value: 'submit', label: t(locale, submitted ? m.resubmit : m.submit) },
                  ]}
                />
              </div>
            </fieldset>
          </form>
        </section>
        <OthersSection locale={locale} criteria={criteria} others={props.others} />
      </div>
    </Page>
  );
}
