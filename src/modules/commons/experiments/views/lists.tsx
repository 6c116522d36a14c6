import { t, tCount } from '../../../../core/i18n/i18n.js';
import { Breadcrumb, DataTable, Select } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { commonsSiteMessages as sm } from '../../messages.js';
import type { ExperimentStatus } from '../../tables.js';
import { COOPERATION_HREFS, CooperationPage } from '../../views/cooperation-layout.js';
import { EXPERIMENT_STATUSES } from '../experiment-input.js';
import { experimentCounts, experimentMessages as m } from '../messages.js';
import type { ExperimentSummary } from '../queries.js';
import { ExperimentCard, experimentHref, statusLabel } from './parts.js';

function StatusFilter(props: {
  ctx: ViewContext;
  action: string;
  status: ExperimentStatus | null;
  /** Staff's filter: only experiments with a milestone to review (null: not offered). */
  toReview: boolean | null;
}): JSX.Element {
  const { locale } = props.ctx;
  return (
    <form method="get" action={props.action} class="fr-mb-4w" aria-label={t(locale, m.filtersTitle)}>
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-col-12 fr-col-md-6">
          <Select
            locale={locale}
            name="statut"
            label={t(locale, m.filterStatus)}
            value={props.status ?? 'all'}
            options={[
              { value: 'all', label: t(locale, m.filterAll) },
              ...EXPERIMENT_STATUSES.map((s) => ({ value: s, label: statusLabel(locale, s) })),
            ]}
          />
          {props.toReview !== null ? (
            <div class="fr-checkbox-group fr-mb-3w">
              <input type="checkbox" id="a-examiner" name="a-examiner" value="1" checked={props.toReview} />
              <label class="fr-label" for="a-examiner" safe>
                {t(locale, m.staffToReview)}
              </label>
            </div>
          ) : (
            ''
          )}
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <button type="submit" class="fr-btn fr-btn--secondary fr-mb-3w" safe>
            {t(locale, m.filterApply)}
          </button>
        </div>
      </div>
    </form>
  );
}

/** The public list of experiments (members also see those reserved to them). */
export function ExperimentsPage(props: {
  ctx: ViewContext;
  experiments: ExperimentSummary[];
  status: ExperimentStatus | null;
  canPropose: boolean;
}): JSX.Element {
  const { ctx, experiments } = props;
  const { locale } = ctx;
  return (
    <CooperationPage ctx={ctx} section="experiments" title={t(locale, m.listTitle)}>
      <p safe>{t(locale, m.listIntro)}</p>
      {props.canPropose ? (
        <p>
          <a class="fr-btn fr-btn--icon-left fr-icon-add-line" href={`${COOPERATION_HREFS.experiments}/nouvelle`} safe>
            {t(locale, m.propose)}
          </a>
        </p>
      ) : (
        ''
      )}
      <StatusFilter ctx={ctx} action={COOPERATION_HREFS.experiments} status={props.status} toReview={null} />
      <p role="status" safe>
        {tCount(locale, experimentCounts.listCount, experiments.length)}
      </p>
      {experiments.length === 0 ? (
        <p safe>{t(locale, m.listEmpty)}</p>
      ) : (
        <ul class="fr-grid-row fr-grid-row--gutters acc-card-list">
          {experiments.map((x) => (
            <li class="fr-col-12 fr-col-md-6">
              <ExperimentCard locale={locale} experiment={x} />
            </li>
          ))}
        </ul>
      )}
    </CooperationPage>
  );
}

export const STAFF_EXPERIMENTS_HREF = '/admin/cooperation/experimentations';

/** Staff's list: every experiment, with the milestones waiting for review. */
export function StaffExperimentsPage(props: {
  ctx: ViewContext;
  experiments: ExperimentSummary[];
  status: ExperimentStatus | null;
  toReview: boolean;
}): JSX.Element {
  const { ctx, experiments } = props;
  const { locale } = ctx;
  const title = t(locale, m.staffTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, sm.staffArea), href: '/admin' },
            { label: t(locale, sm.cooperation), href: '/admin/cooperation' },
            { label: t(locale, m.listTitle) },
          ]}
        />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.staffIntro)}</p>
        <StatusFilter ctx={ctx} action={STAFF_EXPERIMENTS_HREF} status={props.status} toReview={props.toReview} />
        <p role="status" safe>
          {tCount(locale, experimentCounts.listCount, experiments.length)}
        </p>
        <DataTable
          caption={title}
          hiddenCaption
          columns={[
            t(locale, m.colTitle),
            t(locale, m.colCommons),
            t(locale, m.colAdministrations),
            t(locale, m.colStatus),
            t(locale, m.colVisibility),
            t(locale, m.colProgress),
            t(locale, m.colToReview),
          ]}
        >
          {experiments.map((x) => (
            <tr>
              <td>
                <a class="fr-link" href={experimentHref(x.id)} safe>
                  {x.title}
                </a>
              </td>
              <td safe>{x.commons.name}</td>
              <td safe>{x.administrations.map((a) => a.name).join(', ')}</td>
              <td safe>{statusLabel(locale, x.status)}</td>
              <td safe>{t(locale, m[`visibility_${x.visibility}`])}</td>
              <td safe>{`${x.percent} %`}</td>
              <td safe>{String(x.toReview)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Page>
  );
}
