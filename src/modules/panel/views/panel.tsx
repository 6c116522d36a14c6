import type { FieldError } from '../../../core/http/forms.js';
import { formatDate, t } from '../../../core/i18n/i18n.js';
import { Alert, CsrfField, DataTable, ErrorSummary } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { panelMessages as m } from '../messages.js';
import type { OpinionResult } from '../opinions.js';
import { countKey, type PanelRecord, type QuotaRecord, type QuotaWarning, quotaCategoryLabel } from '../queries.js';
import type { AnalysisError, AnalysisResult, MemberStatus, PanelStatus } from '../tables.js';
import { AdminBreadcrumb, featureLabel, statusLabel } from './admin-common.js';
import { AnalysisSection } from './panel-analysis.js';
import { DrawSection } from './panel-draw.js';
import { ShortlistAndResults } from './panelist.js';
import { AddRowsButton, QuotasEditor, quotaCellLabels } from './rows-table.js';

/** The staff page of one panel: quotas and pool counts, status, then the analysis and draw sections. */

export interface AnalysisView {
  algorithm: 'leximin' | 'legacy';
  state: 'pending' | 'done' | 'failed';
  result: AnalysisResult | null;
  error: AnalysisError | null;
  /** The quotas or the size changed after this analysis was requested. */
  outdated: boolean;
}

export interface DrawView {
  state: 'preparing' | 'committed' | 'drawn' | 'failed';
  commitment: string | null;
  randomValue: string | null;
  witnesses: string | null;
  drawnAt: Date | null;
  error: AnalysisError | null;
}

/** A drawn member as staff see them: never with their pseudonym, which would lead to their answers in pool.csv. */
export interface MemberView {
  name: string;
  email: string;
  status: MemberStatus;
  invitedAt: Date;
}

export interface PanelPageProps {
  ctx: ViewContext;
  panel: PanelRecord & { volunteers: number };
  quotas: QuotaRecord[];
  pool: { total: number; counts: Map<string, number> };
  warnings: { perQuota: Map<string, QuotaWarning>; general: QuotaWarning[] };
  /** The quotas' table editor: its cells as typed or saved, their errors, and how many empty rows. */
  quotaForm: { values: Record<string, string>; errors: Record<string, FieldError>; blank?: number };
  analyses: AnalysisView[];
  draw: DrawView | null;
  drawForm: { values: Record<string, string>; errors: Record<string, FieldError>; action?: 'tirage' | 'remplacement' };
  members: MemberView[];
  notice?: string;
  problem?: string;
  canReadDemographics: boolean;
  /** The shortlist choices and the panel's aggregated opinions. */
  opinions: { choices: { id: string; title: string; chosen: boolean }[]; results: OpinionResult[] };
}

function QuotasSection(props: PanelPageProps): JSX.Element {
  const { ctx, panel, quotas, pool, warnings } = props;
  const { locale } = ctx;
  return (
    <section class="fr-mb-6w" aria-labelledby="quotas-title">
      <h2 id="quotas-title" safe>
        {t(locale, m.quotasTitle)}
      </h2>
      {warnings.general.map((w) => (
        <Alert kind="warning" title={t(locale, w.message, w.params)} />
      ))}
      {quotas.length === 0 ? (
        <p safe>{t(locale, m.noQuotas)}</p>
      ) : (
        <DataTable
          caption={t(locale, m.quotasTable)}
          columns={[
            t(locale, m.colCategory),
            t(locale, m.colFeature),
            t(locale, m.colMin),
            t(locale, m.colMax),
            t(locale, m.colPool),
            t(locale, m.colWarning),
          ]}
        >
          {quotas.map((q) => {
            const warning = warnings.perQuota.get(countKey(q.category, q.feature));
            return (
              <tr>
                <td safe>{quotaCategoryLabel(locale, q)}</td>
                <td safe>{featureLabel(locale, quotas, q.category, q.feature)}</td>
                <td safe>{String(q.min)}</td>
                <td safe>{String(q.max)}</td>
                <td safe>{String(pool.counts.get(countKey(q.category, q.feature)) ?? 0)}</td>
                <td>
                  {warning ? (
                    <p class="fr-badge fr-badge--warning fr-badge--sm" safe>
                      {t(locale, warning.message, warning.params)}
                    </p>
                  ) : (
                    <span safe>{t(locale, m.noWarning)}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {panel.status === 'setup' ? (
        <form method="post" action={`/admin/panels/${panel.id}/quotas`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <QuotasEditor
            locale={locale}
            values={props.quotaForm.values}
            errors={props.quotaForm.errors}
            blank={props.quotaForm.blank}
            hint={t(locale, m.quotasTableHint)}
            pool={pool.counts}
          />
          <ul class="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <button class="fr-btn fr-btn--secondary" type="submit" safe>
                {t(locale, m.saveQuotas)}
              </button>
            </li>
            <li>
              <AddRowsButton locale={locale} />
            </li>
          </ul>
        </form>
      ) : (
        <p class="fr-hint-text" safe>
          {t(locale, m.quotasLocked)}
        </p>
      )}
    </section>
  );
}

function StatusSection({ ctx, panel, canReadDemographics }: PanelPageProps): JSX.Element {
  const { locale } = ctx;
  const next: PanelStatus | null =
    panel.status === 'setup' ? 'recruiting' : panel.status === 'recruiting' ? 'closed' : null;
  return (
    <section class="fr-mb-6w" aria-labelledby="status-title">
      <h2 id="status-title" safe>
        {t(locale, m.statusTitle)}
      </h2>
      <p>
        <span
          safe
        >{`${t(locale, m.colStatus)} : ${statusLabel(locale, panel.status)} · ${t(locale, m.colVolunteers)} : ${panel.volunteers}`}</span>
      </p>
      <ul class="fr-btns-group fr-btns-group--inline">
        {next ? (
          <li>
            <form method="post" action={`/admin/panels/${panel.id}/statut`}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="status" value={next} />
              <button class="fr-btn" type="submit" safe>
                {next === 'recruiting' ? t(locale, m.openRecruiting) : t(locale, m.closeRecruiting)}
              </button>
            </form>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="fr-btn fr-btn--tertiary" href={`/panel-citoyen/${panel.id}`} safe>
            {t(locale, m.publicLink)}
          </a>
        </li>
        {canReadDemographics ? (
          <li>
            <a class="fr-btn fr-btn--tertiary" href={`/admin/panels/${panel.id}/demographie`} safe>
              {t(locale, m.volunteersLink)}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </section>
  );
}

/** /admin/panels/:id: quotas with the pool's counts, the call, the analyses with their chart, the draw. */
export function PanelPage(props: PanelPageProps): JSX.Element {
  const { ctx, panel } = props;
  const { locale } = ctx;
  const title = locale === 'en' && panel.nameEn ? panel.nameEn : panel.name;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} current={title} />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        {props.problem ? <Alert kind="error" title={props.problem} /> : ''}
        <ErrorSummary
          locale={locale}
          errors={{ ...props.quotaForm.errors, ...props.drawForm.errors }}
          labels={{
            ...quotaCellLabels(locale, props.quotaForm.values),
            random: t(locale, m.fieldRandom),
            witnesses: t(locale, m.fieldWitnesses),
          }}
        />
        <p safe>
          {`${t(locale, m.fieldSize)} : ${panel.size} · ${t(locale, m.fieldRecruitUntil)} : ${formatDate(locale, panel.recruitUntil)} · ${t(locale, m.fieldEndsOn)} : ${formatDate(locale, panel.endsAt)} · ${t(locale, m.fieldWeight)} : ${panel.opinionWeight} %`}
        </p>
        <p>
          <a
            class="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left"
            href={`/admin/panels/${panel.id}/modifier`}
            safe
          >
            {t(locale, m.editPanel)}
          </a>
        </p>
        <QuotasSection {...props} />
        <StatusSection {...props} />
        <AnalysisSection {...props} />
        <DrawSection {...props} />
        <ShortlistAndResults
          ctx={ctx}
          panel={panel}
          choices={props.opinions.choices}
          results={props.opinions.results}
        />
      </div>
    </Page>
  );
}
