import type Html from '@kitajs/html';
import { formatNumber, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert, DataTable } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { LaureateSpace } from '../../laureate-space.js';
import { SpacePage, type SpaceSide, spaceHref } from '../../views/space-layout.js';
import { planMessages as m } from '../messages.js';
import type { Progress } from '../progress.js';
import type { Milestone, PlanDetails } from '../queries.js';
import { dayText, leverLabel, needLabel, ProgressBar, StateBadge } from './parts.js';

export interface OverviewData {
  plan: PlanDetails | null;
  milestones: Milestone[];
  progress: Progress;
  today: string;
}

function PlanSummaryBlock({ locale, plan }: { locale: Locale; plan: PlanDetails }): JSX.Element {
  return (
    <ul class="fr-mb-3w">
      <li safe>
        {`${t(locale, m.periodTitle)} : ${t(locale, m.period, { start: dayText(locale, plan.startsOn), end: dayText(locale, plan.endsOn) })}`}
      </li>
      <li safe>{`${t(locale, m.statusTitle)} : ${t(locale, m[`status_${plan.status}`])}`}</li>
      {plan.allocatedMinutes !== null ? (
        <li safe>
          {t(locale, m.hours, {
            hours: formatNumber(locale, plan.allocatedMinutes / 60, { maximumFractionDigits: 2 }),
          })}
        </li>
      ) : (
        ''
      )}
    </ul>
  );
}

function NeedsAndActions({ locale, plan }: { locale: Locale; plan: PlanDetails }): JSX.Element {
  return (
    <>
      <h3 safe>{t(locale, m.needsTitle)}</h3>
      {plan.needs.length === 0 ? (
        <p safe>{t(locale, m.noNeeds)}</p>
      ) : (
        <dl>
          {plan.needs.map((n) => (
            <>
              <dt class="fr-text--bold" safe>
                {needLabel(locale, n.need)}
              </dt>
              <dd class="fr-mb-2w" safe>
                {n.goals}
              </dd>
            </>
          ))}
        </dl>
      )}
      <h3 safe>{t(locale, m.actionsTitle)}</h3>
      {plan.actions.length === 0 ? (
        <p safe>{t(locale, m.noActions)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.actionsTitle)}
          hiddenCaption
          columns={[m.colLever, m.colNeed, m.colAction, m.colResponsible, m.colStatus].map((c) => t(locale, c))}
        >
          {plan.actions.map((a) => (
            <tr>
              <td safe>{leverLabel(locale, a.lever)}</td>
              <td>{a.need ? needLabel(locale, a.need) : '—'}</td>
              <td safe>{a.action}</td>
              <td safe>
                {`${t(locale, m[`responsible_${a.responsibleKind}`])}${a.responsibleName ? ` — ${a.responsibleName}` : ''}`}
              </td>
              <td safe>{t(locale, m[`action_${a.status}`])}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

function NextMilestones(props: {
  locale: Locale;
  side: SpaceSide;
  space: LaureateSpace;
  data: OverviewData;
}): JSX.Element {
  const { locale, data } = props;
  const next = data.milestones.filter((x) => x.state !== 'validated').slice(0, 3);
  return (
    <>
      <h3 safe>{t(locale, m.nextTitle)}</h3>
      {next.length === 0 ? (
        <p safe>{t(locale, m.noNext)}</p>
      ) : (
        <ul>
          {next.map((x) => (
            <li>
              <span safe>{`${x.title} — ${t(locale, m.dueOn, { date: dayText(locale, x.dueOn) })}`}</span>{' '}
              <StateBadge locale={locale} state={x.state} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="fr-link" href={spaceHref(props.side, props.space.application.id, 'milestones')} safe>
          {t(locale, m.allMilestones)}
        </a>
      </p>
    </>
  );
}

/** The plan's overview, on the team's side (read only) or the staff's (with the forms given as children). */
export function OverviewPage(props: {
  ctx: ViewContext;
  side: SpaceSide;
  space: LaureateSpace;
  data: OverviewData;
  showGrant: boolean;
  notice?: { kind: 'success' | 'error'; title: string };
  children?: Html.Children;
}): JSX.Element {
  const { ctx, data } = props;
  const { locale } = ctx;
  const plan = data.plan;
  return (
    <SpacePage
      ctx={ctx}
      side={props.side}
      space={props.space}
      section="overview"
      title={t(locale, m.tabTitle)}
      showGrant={props.showGrant}
    >
      {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
      {plan ? (
        <>
          <PlanSummaryBlock locale={locale} plan={plan} />
          <h3 safe>{t(locale, m.progressTitle)}</h3>
          <ProgressBar locale={locale} progress={data.progress} id="plan-progress" />
          {plan.progressPublic ? (
            <p class="fr-text--sm" safe>
              {t(locale, m.progressPublic)}
            </p>
          ) : (
            ''
          )}
          <NeedsAndActions locale={locale} plan={plan} />
          <NextMilestones locale={locale} side={props.side} space={props.space} data={data} />
        </>
      ) : props.side === 'team' ? (
        <div class="fr-callout">
          <h3 class="fr-callout__title" safe>
            {t(locale, m.noPlanTitle)}
          </h3>
          <p class="fr-callout__text" safe>
            {t(locale, m.noPlanTeam)}
          </p>
        </div>
      ) : (
        ''
      )}
      {props.children}
    </SpacePage>
  );
}
