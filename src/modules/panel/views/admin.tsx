import type { FieldError } from '../../../core/http/forms.js';
import { formatDate, formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Select,
  TextArea,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import { uiMessages } from '../../../core/ui/messages.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { panelMessages as m } from '../messages.js';
import type { OpinionResult } from '../opinions.js';
import { categoriesOf, countKey, type PanelRecord, type QuotaRecord, type QuotaWarning } from '../queries.js';
import type { AnalysisError, AnalysisResult, MemberStatus, PanelStatus } from '../tables.js';
import { ProbabilityChart, percent } from './chart.js';
import { editFieldLabels } from './edit.js';
import { ShortlistAndResults } from './panelist.js';

function AdminBreadcrumb({ locale, current }: { locale: Locale; current?: string }): JSX.Element {
  const items = [
    { label: t(locale, m.administration), href: '/admin' },
    { label: t(locale, m.adminTitle), href: '/admin/panels' },
  ];
  if (current) items.push({ label: current, href: '' });
  return <Breadcrumb locale={locale} items={items} />;
}

const STATUS_LABELS = { setup: m.statusSetup, recruiting: m.statusRecruiting, closed: m.statusClosed } as const;
const MEMBER_LABELS = {
  invited: m.memberInvited,
  accepted: m.memberAccepted,
  declined: m.memberDeclined,
  replaced: m.memberReplaced,
} as const;

export function statusLabel(locale: Locale, status: PanelStatus): string {
  return t(locale, STATUS_LABELS[status]);
}

/** /admin/panels: every panel, with a link to create one. */
export function PanelsListPage({
  ctx,
  panels,
}: {
  ctx: ViewContext;
  panels: (PanelRecord & { volunteers: number })[];
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.adminTitle)}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} />
        <h1 safe>{t(locale, m.adminTitle)}</h1>
        <p>
          <a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/admin/panels/nouveau" safe>
            {t(locale, m.newPanel)}
          </a>
        </p>
        {panels.length === 0 ? (
          <p safe>{t(locale, m.noPanel)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.panelsTable)}
            columns={[t(locale, m.colName), t(locale, m.colSize), t(locale, m.colStatus), t(locale, m.colVolunteers)]}
          >
            {panels.map((p) => (
              <tr>
                <td>
                  <a href={`/admin/panels/${p.id}`} safe>
                    {p.name}
                  </a>
                </td>
                <td safe>{String(p.size)}</td>
                <td safe>{statusLabel(locale, p.status)}</td>
                <td safe>{String(p.volunteers)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

/** Create a panel: size, dates, retention, household rule, criteria and weight. */
export function PanelFormPage({
  ctx,
  values,
  errors,
  seasons,
}: {
  ctx: ViewContext;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  seasons: { id: string; name: string }[];
}): JSX.Element {
  const { locale } = ctx;
  const field = (name: string) => ({ locale, name, value: values[name] ?? '', error: errors[name] });
  return (
    <Page ctx={ctx} title={t(locale, m.newPanel)}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} current={t(locale, m.newPanel)} />
        <h1 safe>{t(locale, m.newPanel)}</h1>
        <ErrorSummary locale={locale} errors={errors} labels={editFieldLabels(locale)} />
        <p class="fr-hint-text" safe>
          {t(locale, uiMessages.requiredHint)}
        </p>
        <form method="post" action="/admin/panels" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Input {...field('name')} label={t(locale, m.fieldName)} required />
          <Input {...field('name_en')} label={t(locale, m.fieldNameEn)} />
          <TextArea
            {...field('description')}
            label={t(locale, m.fieldDescription)}
            hint={t(locale, m.fieldDescriptionHint)}
            rows={4}
          />
          <TextArea
            {...field('description_en')}
            label={t(locale, m.fieldDescriptionEn)}
            hint={t(locale, m.fieldDescriptionHint)}
            rows={4}
          />
          <Select
            {...field('season_id')}
            label={t(locale, m.fieldSeason)}
            options={[
              { value: '', label: t(locale, m.noSeason) },
              ...seasons.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <Input {...field('size')} label={t(locale, m.fieldSize)} required />
          <Input
            {...field('recruit_until')}
            type="date"
            label={t(locale, m.fieldRecruitUntil)}
            hint={t(locale, m.dateHint)}
            required
          />
          <Input
            {...field('ends_on')}
            type="date"
            label={t(locale, m.fieldEndsOn)}
            hint={t(locale, m.dateHint)}
            required
          />
          <Input {...field('retention_days')} label={t(locale, m.fieldRetention)} required />
          <div class="fr-fieldset__element fr-mb-3w">
            <Checkbox
              name="one_per_household"
              label={t(locale, m.fieldHousehold)}
              hint={t(locale, m.fieldHouseholdHint)}
              checked={values.one_per_household === 'on'}
            />
          </div>
          <TextArea
            {...field('criteria')}
            label={t(locale, m.fieldCriteria)}
            hint={t(locale, m.fieldCriteriaHint)}
            rows={4}
          />
          <Input {...field('opinion_weight')} label={t(locale, m.fieldWeight)} required />
          <button class="fr-btn" type="submit" safe>
            {t(locale, m.newPanel)}
          </button>
        </form>
      </div>
    </Page>
  );
}

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
  quotaForm: { value: string; error?: FieldError };
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

function featureLabel(locale: Locale, quotas: QuotaRecord[], category: string, feature: string): string {
  const q = quotas.find((x) => x.category === category && x.feature === feature);
  return q ? (locale === 'en' && q.labelEn ? q.labelEn : q.label) : feature;
}

export function profileLabeller(locale: Locale, quotas: QuotaRecord[]): (features: string[]) => string {
  const categories = categoriesOf(quotas).map((c) => c.category);
  return (features) => features.map((f, i) => featureLabel(locale, quotas, categories[i], f)).join(' · ');
}

function ErrorExplanation({
  locale,
  error,
  quotas,
}: {
  locale: Locale;
  error: AnalysisError;
  quotas: QuotaRecord[];
}): JSX.Element {
  return (
    <div class="fr-alert fr-alert--error fr-mb-3w">
      <h3 class="fr-alert__title" safe>
        {error.kind === 'infeasible' ? t(locale, m.infeasibleTitle) : t(locale, m.analysisFailed)}
      </h3>
      <ul>
        {error.reasons.map((r) => (
          <li safe>{locale === 'en' ? r.en : r.fr}</li>
        ))}
      </ul>
      {error.relaxation.length > 0 ? (
        <>
          <p class="fr-text--bold" safe>
            {t(locale, m.relaxationTitle)}
          </p>
          <ul>
            {error.relaxation.map((c) => (
              <li safe>
                {t(locale, m.relaxationLine, {
                  category: c.category,
                  feature: featureLabel(locale, quotas, c.category, c.feature),
                  min: c.min,
                  max: c.max,
                  relaxedMin: c.relaxedMin,
                  relaxedMax: c.relaxedMax,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </div>
  );
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
                <td safe>{q.category}</td>
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
          <TextArea
            locale={locale}
            name="quotas"
            label={t(locale, m.fieldQuotas)}
            hint={t(locale, m.fieldQuotasHint)}
            value={props.quotaForm.value}
            error={props.quotaForm.error}
            rows={8}
            required
          />
          <button class="fr-btn fr-btn--secondary" type="submit" safe>
            {t(locale, m.saveQuotas)}
          </button>
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

function AnalysisSection({ ctx, panel, quotas, analyses }: PanelPageProps): JSX.Element {
  const { locale } = ctx;
  const done = (['legacy', 'leximin'] as const)
    .map((algorithm) => analyses.find((a) => a.algorithm === algorithm && a.state === 'done'))
    .filter((a): a is AnalysisView & { result: AnalysisResult } => a !== undefined && a.result !== null);
  const pending = analyses.filter((a) => a.state === 'pending');
  const failed = analyses.find((a) => a.state === 'failed' && a.error);
  const outdated = analyses.some((a) => a.outdated);
  return (
    <section class="fr-mb-6w" aria-labelledby="analysis-title">
      <h2 id="analysis-title" safe>
        {t(locale, m.analysisTitle)}
      </h2>
      <p safe>{t(locale, m.analysisIntro)}</p>
      {outdated ? <Alert kind="warning" title={t(locale, m.analysisOutdated)} /> : ''}
      {pending.map((a) => (
        <Alert kind="info" title={t(locale, m.analysisPending, { algorithm: a.algorithm.toUpperCase() })} />
      ))}
      {failed ? <ErrorExplanation locale={locale} error={failed.error!} quotas={quotas} /> : ''}
      {analyses.length === 0 ? <p safe>{t(locale, m.analysisNone)}</p> : ''}
      {done.length > 0 ? (
        <>
          <ul>
            {done.map((a) => (
              <li>
                <span safe>
                  {t(locale, m.analysisSummary, {
                    algorithm: a.algorithm.toUpperCase(),
                    min: percent(locale, a.result.minProbability),
                    n: a.result.n,
                    k: a.result.k,
                    seconds: a.result.seconds.toFixed(2),
                  })}
                </span>
                {a.outdated ? (
                  <>
                    {' '}
                    <span class="fr-badge fr-badge--warning fr-badge--sm" safe>
                      {t(locale, m.outdatedBadge)}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
          <ProbabilityChart
            id="probabilities"
            locale={locale}
            series={done.map((a) => ({ label: a.algorithm.toUpperCase(), result: a.result }))}
            labelOf={profileLabeller(locale, quotas)}
          />
        </>
      ) : (
        ''
      )}
      <form method="post" action={`/admin/panels/${panel.id}/analyses`}>
        <CsrfField token={ctx.csrfToken} />
        <button class="fr-btn fr-btn--secondary" type="submit" safe>
          {t(locale, m.runAnalysis)}
        </button>
      </form>
    </section>
  );
}

function RandomForm({
  ctx,
  action,
  label,
  values,
  errors,
}: {
  ctx: ViewContext;
  action: string;
  label: string;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <Input
        locale={locale}
        name="random"
        label={t(locale, m.fieldRandom)}
        hint={t(locale, m.fieldRandomHint)}
        value={values.random ?? ''}
        error={errors.random}
        required
      />
      <TextArea
        locale={locale}
        name="witnesses"
        label={t(locale, m.fieldWitnesses)}
        hint={t(locale, m.fieldWitnessesHint)}
        value={values.witnesses ?? ''}
        error={errors.witnesses}
        rows={3}
        required
      />
      <button class="fr-btn" type="submit" safe>
        {label}
      </button>
    </form>
  );
}

function DrawSection(props: PanelPageProps): JSX.Element {
  const { ctx, panel, quotas, draw, members, drawForm } = props;
  const { locale } = ctx;
  const declined = members.filter((mb) => mb.status === 'declined').length;
  return (
    <section class="fr-mb-6w" aria-labelledby="draw-title">
      <h2 id="draw-title" safe>
        {t(locale, m.drawTitle)}
      </h2>
      <p safe>{t(locale, m.drawIntro)}</p>
      {draw?.state === 'failed' && draw.error ? (
        <ErrorExplanation locale={locale} error={draw.error} quotas={quotas} />
      ) : (
        ''
      )}
      {draw?.state === 'preparing' ? <Alert kind="info" title={t(locale, m.commitmentPreparing)} /> : ''}
      {!draw || draw.state === 'failed' ? (
        <form method="post" action={`/admin/panels/${panel.id}/engagement`}>
          <CsrfField token={ctx.csrfToken} />
          <button class="fr-btn fr-btn--secondary" type="submit" safe>
            {t(locale, m.prepareCommitment)}
          </button>
        </form>
      ) : (
        ''
      )}
      {draw?.commitment ? (
        <>
          <p>
            <span safe>{`${t(locale, m.commitmentLabel)} : `}</span>
            <code safe>{draw.commitment}</code>
          </p>
          <p>
            <a href={`/panel-citoyen/${panel.id}/transparence`} safe>
              {t(locale, m.transparencyLink)}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
      {draw?.state === 'committed' ? (
        <RandomForm
          ctx={ctx}
          action={`/admin/panels/${panel.id}/tirage`}
          label={t(locale, m.drawNow)}
          values={drawForm.action === 'tirage' ? drawForm.values : {}}
          errors={drawForm.action === 'tirage' ? drawForm.errors : {}}
        />
      ) : (
        ''
      )}
      {members.length > 0 ? (
        <>
          <h3 safe>{t(locale, m.membersTitle)}</h3>
          <DataTable
            caption={t(locale, m.membersTable)}
            hiddenCaption
            columns={[t(locale, m.colPerson), t(locale, m.colEmail), t(locale, m.colStatus)]}
          >
            {members.map((mb) => (
              <tr>
                <td safe>{mb.name}</td>
                <td safe>{mb.email}</td>
                <td safe>{`${t(locale, MEMBER_LABELS[mb.status])} (${formatDate(locale, mb.invitedAt)})`}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : (
        ''
      )}
      {declined > 0 ? (
        <>
          <h3 safe>{t(locale, m.replacementTitle)}</h3>
          <p safe>{t(locale, m.replacementIntro, { n: declined })}</p>
          <RandomForm
            ctx={ctx}
            action={`/admin/panels/${panel.id}/remplacement`}
            label={t(locale, m.replaceNow)}
            values={drawForm.action === 'remplacement' ? drawForm.values : {}}
            errors={drawForm.action === 'remplacement' ? drawForm.errors : {}}
          />
        </>
      ) : (
        ''
      )}
      {draw?.drawnAt ? (
        <p class="fr-hint-text" safe>{`${t(locale, m.drawnAt)} : ${formatDateTime(locale, draw.drawnAt)}`}</p>
      ) : (
        ''
      )}
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
          errors={{ ...(props.quotaForm.error ? { quotas: props.quotaForm.error } : {}), ...props.drawForm.errors }}
          labels={{
            quotas: t(locale, m.fieldQuotas),
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

export interface DemographicRow {
  /** The volunteer's pseudonym in the published pool.csv, once committed and until withdrawn. */
  pseudonym: string;
  email: string;
  name: string;
  availability: string;
  consentAt: Date;
  consentVersion: string;
  answers: Record<string, string>;
}

/** /admin/panels/:id/demographie (panel.demographics only): each volunteer's answers. */
export function DemographicsPage({
  ctx,
  panel,
  quotas,
  rows,
}: {
  ctx: ViewContext;
  panel: PanelRecord;
  quotas: QuotaRecord[];
  rows: DemographicRow[];
}): JSX.Element {
  const { locale } = ctx;
  const categories = categoriesOf(quotas);
  return (
    <Page ctx={ctx} title={t(locale, m.demographicsTitle)}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} current={t(locale, m.demographicsTitle)} />
        <h1 safe>{`${t(locale, m.demographicsTitle)} — ${panel.name}`}</h1>
        <p safe>{t(locale, m.demographicsIntro, { date: formatDate(locale, panel.deleteAfter) })}</p>
        <DataTable
          caption={t(locale, m.demographicsTable)}
          columns={[
            t(locale, m.colPseudonym),
            t(locale, m.colPerson),
            t(locale, m.colEmail),
            ...categories.map((c) => c.category),
            t(locale, m.colAvailability),
            t(locale, m.colConsent),
          ]}
        >
          {rows.map((r) => (
            <tr>
              <td safe>{r.pseudonym}</td>
              <td safe>{r.name}</td>
              <td safe>{r.email}</td>
              {categories.map((c) => (
                <td safe>{featureLabel(locale, quotas, c.category, r.answers[c.category] ?? '')}</td>
              ))}
              <td safe>{r.availability}</td>
              <td safe>{`${formatDateTime(locale, r.consentAt)} (${r.consentVersion})`}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Page>
  );
}
