import type { FieldError } from '../../../core/http/forms.js';
import { formatNumber, type Locale, t } from '../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, ErrorSummary, RadioGroup, TextArea } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { type AnswerMap, AnswerSummary, type FormDefinition } from '../../applications/index.js';
import { panelMessages as m, SCORE_LEVELS } from '../messages.js';
import { type OpinionResult, SCORES } from '../opinions.js';
import type { PanelRecord } from '../queries.js';
import type { PanelCriterion } from '../tables.js';

const criterionLabel = (locale: Locale, c: PanelCriterion) => (locale === 'en' && c.labelEn ? c.labelEn : c.label);
const nameOf = (locale: Locale, panel: PanelRecord) => (locale === 'en' && panel.nameEn ? panel.nameEn : panel.name);

export interface PanelistPanelView {
  panel: PanelRecord;
  applications: { id: string; title: string; given: boolean }[];
}

/** /panel: the panelist's panels and the projects to read, with what they already judged. */
export function PanelistHomePage({ ctx, panels }: { ctx: ViewContext; panels: PanelistPanelView[] }): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.panelistTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.panelistTitle)}</h1>
        {panels.length === 0 ? <p safe>{t(locale, m.panelistNone)}</p> : <p safe>{t(locale, m.panelistIntro)}</p>}
        {panels.map(({ panel, applications }) => (
          <section class="fr-mb-4w" aria-labelledby={`panel-${panel.id}`}>
            <h2 id={`panel-${panel.id}`} safe>
              {nameOf(locale, panel)}
            </h2>
            <DataTable
              caption={t(locale, m.panelistApps)}
              columns={[t(locale, m.colApplication), t(locale, m.colStatus)]}
            >
              {applications.map((a) => (
                <tr>
                  <td>
                    <a
                      href={`/panel/${panel.id}/candidatures/${a.id}`}
                      title={`${t(locale, m.readAndJudge)} : ${a.title}`}
                      safe
                    >
                      {a.title}
                    </a>
                  </td>
                  <td>
                    <p class={`fr-badge fr-badge--sm ${a.given ? 'fr-badge--success' : 'fr-badge--info'}`} safe>
                      {a.given ? t(locale, m.opinionGiven) : t(locale, m.opinionToGive)}
                    </p>
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
        ))}
      </div>
    </Page>
  );
}

export interface PanelistApplicationProps {
  ctx: ViewContext;
  panel: PanelRecord;
  application: { id: string; title: string; definition: FormDefinition; answers: AnswerMap };
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  notice?: string;
  ended: boolean;
}

/** /panel/:id/candidatures/:appId: the submitted answers (no contact details) and the opinion form. */
export function PanelistApplicationPage(props: PanelistApplicationProps): JSX.Element {
  const { ctx, panel, application, values, errors } = props;
  const { locale } = ctx;
  const labels: Record<string, string> = { panel_comment: t(locale, m.fieldComment) };
  for (const c of panel.criteria) labels[`score_${c.code}`] = criterionLabel(locale, c);
  return (
    <Page ctx={ctx} title={application.title}>
      <div class="fr-container fr-my-6w">
        <p>
          <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/panel" safe>
            {t(locale, m.panelistTitle)}
          </a>
        </p>
        <h1 safe>{application.title}</h1>
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        <section aria-labelledby="answers-title" class="fr-my-4w">
          <h2 id="answers-title" safe>
            {t(locale, m.answersTitle)}
          </h2>
          <p class="fr-text--sm" safe>
            {t(locale, m.contactsHidden)}
          </p>
          <AnswerSummary locale={locale} definition={application.definition} answers={application.answers} />
        </section>
        <section aria-labelledby="opinion-title" class="fr-my-4w">
          <h2 id="opinion-title" safe>
            {t(locale, m.opinionTitle)}
          </h2>
          {props.ended ? (
            <p safe>{t(locale, m.panelEnded)}</p>
          ) : (
            <>
              <ErrorSummary locale={locale} errors={errors} labels={labels} />
              <form method="post" action={`/panel/${panel.id}/candidatures/${application.id}`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                {panel.criteria.map((c) => (
                  <RadioGroup
                    required
                    locale={locale}
                    name={`score_${c.code}`}
                    legend={t(locale, m.scoreLegend, { criterion: criterionLabel(locale, c) })}
                    hint={t(locale, m.scoreHint)}
                    options={SCORES.map((score) => ({
                      value: score,
                      label: `${score} — ${t(locale, SCORE_LEVELS[score])}`,
                    }))}
                    value={values[`score_${c.code}`] ?? ''}
                    error={errors[`score_${c.code}`]}
                  />
                ))}
                <TextArea
                  locale={locale}
                  name="panel_comment"
                  label={t(locale, m.fieldComment)}
                  value={values.panel_comment ?? ''}
                  error={errors.panel_comment}
                  rows={4}
                />
                <button class="fr-btn" type="submit" safe>
                  {t(locale, m.saveOpinion)}
                </button>
              </form>
            </>
          )}
        </section>
      </div>
    </Page>
  );
}

/** Staff: the shortlist form and the aggregated opinions with the weight set for the decision. */
export function ShortlistAndResults({
  ctx,
  panel,
  choices,
  results,
}: {
  ctx: ViewContext;
  panel: PanelRecord;
  choices: { id: string; title: string; chosen: boolean }[];
  results: OpinionResult[];
}): JSX.Element {
  const { locale } = ctx;
  const format = (n: number | undefined | null) =>
    n === undefined || n === null ? t(locale, m.noOpinion) : formatNumber(locale, n, { maximumFractionDigits: 2 });
  return (
    <>
      <section class="fr-mb-6w" aria-labelledby="shortlist-title">
        <h2 id="shortlist-title" safe>
          {t(locale, m.shortlistTitle)}
        </h2>
        {!panel.seasonId ? (
          <p safe>{t(locale, m.shortlistNoSeason)}</p>
        ) : choices.length === 0 ? (
          <p safe>{t(locale, m.shortlistEmpty)}</p>
        ) : (
          <form method="post" action={`/admin/panels/${panel.id}/preselection`}>
            <CsrfField token={ctx.csrfToken} />
            <fieldset class="fr-fieldset" id="shortlist" aria-labelledby="shortlist-legend">
              <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="shortlist-legend" safe>
                {t(locale, m.shortlistIntro)}
              </legend>
              {choices.map((c) => (
                <div class="fr-fieldset__element">
                  <div class="fr-checkbox-group">
                    <input type="checkbox" id={`app-${c.id}`} name="application" value={c.id} checked={c.chosen} />
                    <label class="fr-label" for={`app-${c.id}`} safe>
                      {c.title}
                    </label>
                  </div>
                </div>
              ))}
            </fieldset>
            <button class="fr-btn fr-btn--secondary" type="submit" safe>
              {t(locale, m.saveShortlist)}
            </button>
          </form>
        )}
      </section>
      {results.length > 0 ? (
        <section class="fr-mb-6w" aria-labelledby="results-title">
          <h2 id="results-title" safe>
            {t(locale, m.resultsTitle)}
          </h2>
          <p safe>{t(locale, m.resultsIntro, { weight: panel.opinionWeight })}</p>
          <DataTable
            caption={t(locale, m.resultsTable)}
            hiddenCaption
            columns={[
              t(locale, m.colApplication),
              t(locale, m.colOpinions),
              ...panel.criteria.map((c) => criterionLabel(locale, c)),
              t(locale, m.colMean),
            ]}
          >
            {results.map((r) => (
              <tr>
                <td safe>{r.title}</td>
                <td safe>{String(r.count)}</td>
                {panel.criteria.map((c) => (
                  <td safe>{format(r.means[c.code])}</td>
                ))}
                <td safe>{format(r.overall)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : (
        ''
      )}
    </>
  );
}
