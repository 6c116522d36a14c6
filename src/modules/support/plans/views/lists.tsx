import { formatList, t, tCount } from '../../../../core/i18n/i18n.js';
import { Alert, Breadcrumb, CsrfField, DataTable, ErrorSummary, Input } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { LaureateSpace } from '../../laureate-space.js';
import { supportSiteMessages as sm } from '../../messages.js';
import { spaceHref } from '../../views/space-layout.js';
import { planMessages as m, planCounts } from '../messages.js';
import type { PlanProgress, PlanTemplate } from '../queries.js';
import { dayText } from './parts.js';
import { ActionRows, type FormState, NeedFields } from './plan-forms.js';

/** The team's home: its laureate spaces. */
export function TeamHomePage(props: { ctx: ViewContext; spaces: LaureateSpace[] }): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.homeTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.homeTitle)}</h1>
        <p safe>{t(locale, m.homeIntro)}</p>
        {props.spaces.length === 0 ? (
          <p safe>{t(locale, m.homeEmpty)}</p>
        ) : (
          <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
            {props.spaces.map((s) => (
              <li class="fr-col-12 fr-col-md-6">
                <div class="fr-card fr-enlarge-link">
                  <div class="fr-card__body">
                    <div class="fr-card__content">
                      <h2 class="fr-card__title">
                        <a href={spaceHref('team', s.application.id)} safe>
                          {s.application.title}
                        </a>
                      </h2>
                      <p class="fr-card__desc" safe>
                        {s.plan
                          ? t(locale, m.period, {
                              start: dayText(locale, s.plan.startsOn),
                              end: dayText(locale, s.plan.endsOn),
                            })
                          : t(locale, m.noPlanTitle)}
                      </p>
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Page>
  );
}

function StaffCrumbs({ ctx, current }: { ctx: ViewContext; current: string }): JSX.Element {
  const { locale } = ctx;
  return (
    <Breadcrumb
      locale={locale}
      items={[
        { label: t(locale, sm.administration), href: '/admin' },
        { label: t(locale, sm.support), href: '/admin/accompagnement' },
        { label: current },
      ]}
    />
  );
}

export interface SeasonRow {
  id: string;
  name: string;
  laureates: number;
}

export function SeasonsPage(props: { ctx: ViewContext; seasons: SeasonRow[] }): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.portfolioTitle)}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, sm.administration), href: '/admin' }, { label: t(locale, sm.support) }]}
        />
        <h1 safe>{t(locale, m.portfolioTitle)}</h1>
        <p safe>{t(locale, m.portfolioIntro)}</p>
        {props.seasons.length === 0 ? (
          <p safe>{t(locale, m.noSeasons)}</p>
        ) : (
          <ul>
            {props.seasons.map((s) => (
              <li class="fr-mb-2w">
                <a class="fr-link" href={`/admin/accompagnement/saisons/${s.id}`} safe>
                  {t(locale, m.openPortfolio, { season: s.name })}
                </a>
                <span safe>{` — ${tCount(locale, planCounts.seasonLaureates, s.laureates)}`}</span>
                <br />
                <a class="fr-link fr-text--sm" href={`/admin/accompagnement/saisons/${s.id}/modeles`} safe>
                  {t(locale, m.templatesLink, { season: s.name })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Page>
  );
}

export function PortfolioPage(props: {
  ctx: ViewContext;
  season: { id: string; name: string };
  spaces: LaureateSpace[];
  progress: Map<string, PlanProgress>;
  trackNames: Map<string, string>;
}): JSX.Element {
  const { ctx, season } = props;
  const { locale } = ctx;
  const title = t(locale, m.portfolioOf, { season: season.name });
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs ctx={ctx} current={season.name} />
        <h1 safe>{title}</h1>
        <p>
          <a class="fr-link" href={`/admin/accompagnement/saisons/${season.id}/modeles`} safe>
            {t(locale, m.templatesLink, { season: season.name })}
          </a>
        </p>
        {props.spaces.length === 0 ? (
          <p safe>{t(locale, m.noLaureates)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.portfolioCaption)}
            columns={[m.colTitle, m.colTrack, m.colPlan, m.colPeriod, m.colProgress, m.colLate, m.colToReview].map(
              (c) => t(locale, c),
            )}
          >
            {props.spaces.map((s) => {
              const p = props.progress.get(s.application.id);
              return (
                <tr>
                  <td>
                    <a
                      href={spaceHref('staff', s.application.id)}
                      aria-label={t(locale, m.followUp, { title: s.application.title })}
                      safe
                    >
                      {s.application.title}
                    </a>
                  </td>
                  <td safe>{props.trackNames.get(s.application.trackCode) ?? s.application.trackCode}</td>
                  <td safe>{s.plan ? t(locale, m[`status_${s.plan.status}`]) : t(locale, m.noPlan)}</td>
                  <td>
                    {s.plan
                      ? t(locale, m.period, {
                          start: dayText(locale, s.plan.startsOn),
                          end: dayText(locale, s.plan.endsOn),
                        })
                      : '—'}
                  </td>
                  <td>{p ? `${p.percent} %` : '—'}</td>
                  <td>{p ? String(p.late) : '—'}</td>
                  <td>{p ? String(p.toReview) : '—'}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

/** Rows of template milestones: title, description, days after the start, weight. */
function TemplateMilestoneRows({ ctx, form }: { ctx: ViewContext; form: FormState }): JSX.Element {
  const { locale } = ctx;
  let count = 0;
  while (count < 40 && Object.hasOwn(form.values, `milestone_${count}_title`)) count++;
  return (
    <>
      {Array.from({ length: count + 2 }, (_, i) => {
        const p = `milestone_${i}`;
        return (
          <fieldset class="fr-fieldset fr-mb-2w" aria-labelledby={`${p}-legend`}>
            <legend class="fr-fieldset__legend" id={`${p}-legend`}>
              <span safe>{t(locale, m.milestoneLegend, { n: i + 1 })}</span>
              <span class="fr-hint-text" safe>
                {t(locale, m.milestoneHint)}
              </span>
            </legend>
            <div class="fr-fieldset__element">
              <Input
                locale={locale}
                name={`${p}_title`}
                label={t(locale, m.fieldTitle)}
                value={form.values[`${p}_title`]}
                error={form.errors[`${p}_title`]}
                maxlength={200}
              />
            </div>
            <div class="fr-fieldset__element">
              <Input
                locale={locale}
                name={`${p}_description`}
                label={t(locale, m.fieldDescription)}
                value={form.values[`${p}_description`]}
                error={form.errors[`${p}_description`]}
              />
            </div>
            <div class="fr-fieldset__element">
              <Input
                locale={locale}
                name={`${p}_days`}
                label={t(locale, m.fieldDueAfter)}
                value={form.values[`${p}_days`] ?? ''}
                error={form.errors[`${p}_days`]}
                maxlength={3}
              />
            </div>
            <div class="fr-fieldset__element">
              <Input
                locale={locale}
                name={`${p}_weight`}
                label={t(locale, m.fieldWeight)}
                value={form.values[`${p}_weight`] ?? ''}
                error={form.errors[`${p}_weight`]}
                maxlength={3}
              />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

export function TemplatesPage(props: {
  ctx: ViewContext;
  season: { id: string; name: string };
  templates: PlanTemplate[];
  /** The template being edited (null: a new one). */
  editing: PlanTemplate | null;
  form: FormState;
  notice?: { kind: 'success' | 'error'; title: string };
}): JSX.Element {
  const { ctx, season, form } = props;
  const { locale } = ctx;
  const title = t(locale, m.templatesTitle, { season: season.name });
  const base = `/admin/accompagnement/saisons/${season.id}/modeles`;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs ctx={ctx} current={title} />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.templatesIntro)}</p>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        {props.templates.length === 0 ? (
          <p safe>{t(locale, m.noTemplates)}</p>
        ) : (
          <ul>
            {props.templates.map((x) => (
              <li class="fr-mb-2w">
                <a class="fr-link" href={`${base}/${x.id}`} safe>
                  {t(locale, m.editLink, { name: x.name })}
                </a>
                <span safe>
                  {` — ${formatList(locale, [
                    tCount(locale, planCounts.templateNeeds, x.content.needs.length),
                    tCount(locale, planCounts.templateActions, x.content.actions.length),
                    tCount(locale, planCounts.templateMilestones, x.content.milestones.length),
                  ])}`}
                </span>
                <form method="post" action={`${base}/${x.id}/supprimer`} class="fr-mt-1v">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary" safe>
                    {t(locale, m.deleteTemplate, { name: x.name })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <h2 class="fr-mt-4w" safe>
          {props.editing ? t(locale, m.editTemplate, { name: props.editing.name }) : t(locale, m.newTemplate)}
        </h2>
        <ErrorSummary locale={locale} errors={form.errors} labels={{ name: t(locale, m.fieldName) }} />
        <form method="post" action={props.editing ? `${base}/${props.editing.id}` : base}>
          <CsrfField token={ctx.csrfToken} />
          <Input
            locale={locale}
            name="name"
            label={t(locale, m.fieldName)}
            value={form.values.name}
            error={form.errors.name}
            required
            maxlength={200}
          />
          <h3 class="fr-mt-4w" safe>
            {t(locale, m.needsTitle)}
          </h3>
          <NeedFields locale={locale} form={form} />
          <h3 class="fr-mt-4w" safe>
            {t(locale, m.actionsTitle)}
          </h3>
          <ActionRows locale={locale} form={form} withStatus={false} />
          <h3 class="fr-mt-4w" safe>
            {t(locale, m.milestonesTitle)}
          </h3>
          <TemplateMilestoneRows ctx={ctx} form={form} />
          <button type="submit" class="fr-btn" safe>
            {t(locale, m.save)}
          </button>
        </form>
      </div>
    </Page>
  );
}
