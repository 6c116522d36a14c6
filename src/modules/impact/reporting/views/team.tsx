import { t } from '../../../../core/i18n/i18n.js';
import { Alert, DataTable } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { type LaureateSpace, SpacePage, type SpaceSide, spaceHref } from '../../../support/index.js';
import { reportingMessages as m } from '../messages.js';
import type { Indicator, ReportedValue } from '../queries.js';
import { teamMayEdit } from '../value-cycle.js';
import { IndicatorFacts, indicatorName, type Notice, ValueCells } from './common.js';
import { ValueForm, type ValueFormState } from './value-form.js';

const base = (space: LaureateSpace) => spaceHref('team', space.application.id, 'impact');

/**
 * The impact section of a laureate space: the indicators, the values reported with their state, what to do
 * next. The team reports from here; staff see it as the team does (`side` staff: read only, with a link to
 * their own page of the laureate, where they review).
 */
export function TeamImpactPage(props: {
  ctx: ViewContext;
  side?: SpaceSide;
  showGrant?: boolean;
  staffHref?: string;
  space: LaureateSpace;
  published: boolean;
  indicators: Indicator[];
  values: ReportedValue[];
  notice?: Notice;
}): JSX.Element {
  const { ctx, space } = props;
  const { locale } = ctx;
  const href = base(space);
  const team = (props.side ?? 'team') === 'team';
  const evidence = (id: string) =>
    team ? `${href}/valeurs/${id}/justificatif` : `/admin/impact/valeurs/${id}/justificatif`;
  return (
    <SpacePage
      ctx={ctx}
      side={props.side ?? 'team'}
      space={space}
      section="impact"
      title={t(locale, m.teamTitle)}
      showGrant={props.showGrant ?? true}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
      {team ? <p safe>{t(locale, m.teamIntro)}</p> : ''}
      {props.staffHref ? (
        <p>
          <a class="fr-btn fr-btn--secondary" href={props.staffHref} safe>
            {t(locale, m.staffLaureateLink)}
          </a>
        </p>
      ) : (
        ''
      )}
      {!props.published ? <p safe>{t(locale, m.notPublished)}</p> : ''}
      {props.published && props.indicators.length === 0 ? <p safe>{t(locale, m.teamNoIndicators)}</p> : ''}
      {props.indicators.map((indicator) => {
        const name = indicatorName(locale, indicator);
        const values = props.values.filter((v) => v.indicatorId === indicator.id);
        return (
          <section class="fr-mb-6w" aria-labelledby={`indicator-${indicator.id}`}>
            <h3 id={`indicator-${indicator.id}`} safe>
              {name}
            </h3>
            <IndicatorFacts locale={locale} indicator={indicator} />
            {team ? (
              <p>
                <a
                  class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left"
                  href={`${href}/indicateurs/${indicator.id}/valeur`}
                  safe
                >
                  {t(locale, m.reportValue, { name })}
                </a>
              </p>
            ) : (
              ''
            )}
            {values.length === 0 ? (
              <p safe>{t(locale, m.noValues)}</p>
            ) : (
              <DataTable
                caption={t(locale, m.valuesCaption, { name })}
                columns={[
                  t(locale, m.colPeriod),
                  t(locale, m.colValue),
                  t(locale, m.colSource),
                  t(locale, m.colState),
                  ...(team ? [t(locale, m.colActions)] : []),
                ]}
              >
                {values.map((value) => (
                  <tr>
                    <ValueCells locale={locale} indicator={indicator} value={value} evidenceHref={evidence(value.id)} />
                    {team ? (
                      <td>
                        {teamMayEdit(value.state) ? (
                          <a class="fr-link" href={`${href}/valeurs/${value.id}/modifier`}>
                            <span safe>{t(locale, m.editValue)}</span>
                            <span class="fr-sr-only" safe>
                              {` — ${name}, ${value.periodEnd}`}
                            </span>
                          </a>
                        ) : (
                          ''
                        )}
                      </td>
                    ) : (
                      ''
                    )}
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        );
      })}
      {team && props.published ? (
        <p>
          <a class="fr-link fr-icon-chat-quote-line fr-link--icon-left" href={`${href}/temoignages/nouveau`} safe>
            {t(locale, m.proposeTestimony)}
          </a>
        </p>
      ) : (
        ''
      )}
    </SpacePage>
  );
}

/** The team's value form: a new value of an indicator, or a draft / returned one to change. */
export function TeamValueFormPage(props: {
  ctx: ViewContext;
  space: LaureateSpace;
  indicator: Indicator;
  value?: ReportedValue;
  state: ValueFormState;
}): JSX.Element {
  const { ctx, space, indicator, value } = props;
  const { locale } = ctx;
  const href = base(space);
  const heading = `${t(locale, value ? m.valueEditTitle : m.valueFormTitle)} — ${indicatorName(locale, indicator)}`;
  return (
    <SpacePage ctx={ctx} side="team" space={space} section="impact" title={heading} showGrant>
      <IndicatorFacts locale={locale} indicator={indicator} />
      {value?.reviewComment ? (
        <Alert
          kind="warning"
          title={t(locale, m.stateReturned)}
          text={t(locale, m.returnComment, { comment: value.reviewComment })}
        />
      ) : (
        ''
      )}
      <ValueForm
        locale={locale}
        csrfToken={ctx.csrfToken}
        action={value ? `${href}/valeurs/${value.id}` : `${href}/indicateurs/${indicator.id}/valeurs`}
        indicator={indicator}
        state={props.state}
        currentFile={value?.fileName}
        buttons={[
          { label: t(locale, m.saveDraft), value: 'save', priority: 'secondary' },
          { label: t(locale, m.submit), value: 'submit' },
        ]}
        cancelHref={href}
      />
    </SpacePage>
  );
}
