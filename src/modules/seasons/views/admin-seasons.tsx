import { hasPermission } from '../../../core/auth/permissions.js';
import type { FieldError } from '../../../core/http/forms.js';
import { formatDate, type Locale, t } from '../../../core/i18n/i18n.js';
import { Alert, Breadcrumb, CsrfField, DataTable, ErrorSummary, Input, TextArea } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import { uiMessages } from '../../../core/ui/messages.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { ELIGIBLE_KINDS } from '../eligibility.js';
import type { PublicSeason } from '../list-public-seasons.js';
import { seasonMessages as m } from '../messages.js';
import { CRITERION_FIELDS, TRACK_FIELDS } from '../season-form.js';
import { kindLabel, statusBadgeClass, statusLabel } from './text.js';

function AdminBreadcrumb({ locale, current }: { locale: Locale; current?: string }): JSX.Element {
  const items = [
    { label: t(locale, m.administration), href: '/admin' },
    { label: t(locale, m.adminTitle), href: '/admin/saisons' },
  ];
  if (current) items.push({ label: current, href: '' });
  return <Breadcrumb locale={locale} items={items} />;
}

export { AdminBreadcrumb };

/** /admin/saisons: every season with status and links to edit it and its laureates. */
export function AdminSeasonsPage({
  ctx,
  seasons,
  notice,
  canEdit,
}: {
  ctx: ViewContext;
  seasons: PublicSeason[];
  notice?: string;
  canEdit: boolean;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.adminTitle)}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} />
        <h1 safe>{t(locale, m.adminTitle)}</h1>
        {notice ? <Alert kind="success" title={notice} /> : ''}
        {canEdit ? (
          <p>
            <a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/admin/saisons/nouvelle" safe>
              {t(locale, m.newSeason)}
            </a>
          </p>
        ) : (
          ''
        )}
        <DataTable
          caption={t(locale, m.seasonsTable)}
          columns={[
            t(locale, m.colNumber),
            t(locale, m.colName),
            t(locale, m.colDates),
            t(locale, m.colStatus),
            t(locale, m.colActions),
          ]}
        >
          {seasons.map((s) => (
            <tr>
              <td safe>{String(s.number)}</td>
              <td safe>{s.name}</td>
              <td safe>
                {t(locale, m.period, { from: formatDate(locale, s.opensAt), to: formatDate(locale, s.closesAt) })}
              </td>
              <td>
                <p class={`${statusBadgeClass(s.status)} fr-badge--sm`} safe>
                  {statusLabel(locale, s.status)}
                </p>
              </td>
              <td>
                <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  {canEdit ? (
                    <li>
                      <a
                        class="fr-btn fr-btn--secondary"
                        href={`/admin/saisons/${s.id}/modifier`}
                        title={`${t(locale, m.edit)} ${s.name}`}
                        safe
                      >
                        {t(locale, m.edit)}
                      </a>
                    </li>
                  ) : (
                    ''
                  )}
                  <li>
                    <a
                      class="fr-btn fr-btn--tertiary"
                      href={`/admin/saisons/${s.id}/laureats`}
                      title={`${t(locale, m.manageLaureates)} ${s.name}`}
                      safe
                    >
                      {`${t(locale, m.manageLaureates)} (${s.laureateCount})`}
                    </a>
                  </li>
                  <li>
                    <a
                      class="fr-btn fr-btn--tertiary"
                      href={`/admin/saisons/${s.id}/formulaire`}
                      title={`${t(locale, m.applicationForm)} ${s.name}`}
                      safe
                    >
                      {t(locale, m.applicationForm)}
                    </a>
                  </li>
                  {hasPermission(ctx.user, 'review.manage') ? (
                    <li>
                      <a
                        class="fr-btn fr-btn--tertiary"
                        href={`/admin/saisons/${s.id}/jury`}
                        title={`${t(locale, m.jury)} ${s.name}`}
                        safe
                      >
                        {t(locale, m.jury)}
                      </a>
                    </li>
                  ) : (
                    ''
                  )}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Page>
  );
}

export interface SeasonFormProps {
  ctx: ViewContext;
  /** Absent for a new season. */
  seasonId?: string;
  /** True for a season not published yet. */
  draft?: boolean;
  heading: string;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  trackRows: number;
  criterionRows: number;
}

function trackLabel(locale: Locale, field: (typeof TRACK_FIELDS)[number], n: number): string {
  const message = {
    code: m.fieldTrackCode,
    name: m.fieldTrackName,
    name_en: m.fieldTrackNameEn,
    lead: m.fieldTrackLead,
  }[field];
  return t(locale, message, { n });
}

function criterionLabel(locale: Locale, field: (typeof CRITERION_FIELDS)[number], n: number): string {
  const message = {
    code: m.fieldCriterionCode,
    label: m.fieldCriterionLabel,
    label_en: m.fieldCriterionLabelEn,
    description: m.fieldCriterionDescription,
    description_en: m.fieldCriterionDescriptionEn,
    weight: m.fieldCriterionWeight,
  }[field];
  return t(locale, message, { n });
}

/** Every field's label, for the error summary at the top of the form. */
function fieldLabels(locale: Locale, trackRows: number, criterionRows: number): Record<string, string> {
  const labels: Record<string, string> = {
    number: t(locale, m.fieldNumber),
    slug: t(locale, m.fieldSlug),
    name: t(locale, m.fieldName),
    name_en: t(locale, m.fieldNameEn),
    summary: t(locale, m.fieldSummary),
    summary_en: t(locale, m.fieldSummaryEn),
    opens_on: t(locale, m.fieldOpensOn),
    closes_on: t(locale, m.fieldClosesOn),
    closes_time: t(locale, m.fieldClosesTime),
    support_months: t(locale, m.fieldSupportMonths),
    envelope_euros: t(locale, m.fieldEnvelope),
    laureates_sought: t(locale, m.fieldLaureatesSought),
  };
  for (const kind of ELIGIBLE_KINDS) labels[`eligible_${kind}`] = t(locale, m.fieldEligible);
  for (let i = 0; i < trackRows; i++)
    for (const f of TRACK_FIELDS) labels[`track_${i}_${f}`] = trackLabel(locale, f, i + 1);
  for (let i = 0; i < criterionRows; i++)
    for (const f of CRITERION_FIELDS) labels[`criterion_${i}_${f}`] = criterionLabel(locale, f, i + 1);
  return labels;
}

function EligibleKinds({
  locale,
  values,
  error,
}: {
  locale: Locale;
  values: Record<string, string>;
  error?: FieldError;
}): JSX.Element {
  return (
    <fieldset
      class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id="eligible"
      aria-labelledby={error ? 'eligible-legend eligible-error' : 'eligible-legend'}
      role={error ? 'group' : undefined}
    >
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="eligible-legend" safe>
        {t(locale, m.fieldEligible)}
      </legend>
      {ELIGIBLE_KINDS.map((kind) => (
        <div class="fr-fieldset__element">
          <div class="fr-checkbox-group">
            <input
              type="checkbox"
              id={`eligible_${kind}`}
              name={`eligible_${kind}`}
              checked={values[`eligible_${kind}`] === 'on'}
            />
            <label class="fr-label" for={`eligible_${kind}`} safe>
              {kindLabel(locale, kind)}
            </label>
          </div>
        </div>
      ))}
      {error ? (
        <div class="fr-messages-group" id="eligible-error" aria-live="assertive">
          <p class="fr-message fr-message--error" safe>
            {t(locale, error.message, error.params)}
          </p>
        </div>
      ) : (
        ''
      )}
    </fieldset>
  );
}

/** Create or edit a season: dates, eligibility, support, tracks and weighted criteria. */
export function SeasonFormPage(props: SeasonFormProps): JSX.Element {
  const { ctx, values, errors, trackRows, criterionRows } = props;
  const { locale } = ctx;
  const field = (name: string) => ({ locale, name, value: values[name] ?? '', error: errors[name] });
  const action = props.seasonId ? `/admin/saisons/${props.seasonId}` : '/admin/saisons';
  return (
    <Page ctx={ctx} title={props.heading}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} current={props.heading} />
        <h1 safe>{props.heading}</h1>
        {props.seasonId && props.draft ? (
          <div class="fr-alert fr-alert--info fr-mb-4w">
            <p safe>{t(locale, m.draftNotice)}</p>
            <p>
              <a class="fr-link" href={`/admin/saisons/${props.seasonId}/formulaire`} safe>
                {t(locale, m.draftNext)}
              </a>
            </p>
          </div>
        ) : (
          ''
        )}
        <ErrorSummary locale={locale} errors={errors} labels={fieldLabels(locale, trackRows, criterionRows)} />
        <p class="fr-hint-text" safe>
          {t(locale, uiMessages.requiredHint)}
        </p>
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrfToken} />
          {props.seasonId ? '' : <input type="hidden" name="submission_key" value={values.submission_key ?? ''} />}
          <h2 safe>{t(locale, m.sectionGeneral)}</h2>
          <Input {...field('number')} label={t(locale, m.fieldNumber)} required />
          <Input {...field('slug')} label={t(locale, m.fieldSlug)} hint={t(locale, m.fieldSlugHint)} required />
          <Input {...field('name')} label={t(locale, m.fieldName)} required />
          <Input {...field('name_en')} label={t(locale, m.fieldNameEn)} />
          <TextArea {...field('summary')} label={t(locale, m.fieldSummary)} rows={4} />
          <TextArea {...field('summary_en')} label={t(locale, m.fieldSummaryEn)} rows={4} />

          <h2 safe>{t(locale, m.sectionDates)}</h2>
          <Input
            {...field('opens_on')}
            type="date"
            label={t(locale, m.fieldOpensOn)}
            hint={t(locale, m.fieldOpensOnHint)}
            required
          />
          <Input
            {...field('closes_on')}
            type="date"
            label={t(locale, m.fieldClosesOn)}
            hint={t(locale, m.fieldClosesOnHint)}
            required
          />
          <Input
            {...field('closes_time')}
            label={t(locale, m.fieldClosesTime)}
            hint={t(locale, m.fieldClosesTimeHint)}
          />

          <h2 safe>{t(locale, m.sectionSupport)}</h2>
          <EligibleKinds locale={locale} values={values} error={errors.eligible_citizen} />
          <Input {...field('support_months')} label={t(locale, m.fieldSupportMonths)} required />
          <Input
            {...field('envelope_euros')}
            label={t(locale, m.fieldEnvelope)}
            hint={t(locale, m.fieldEnvelopeHint)}
          />
          <Input {...field('laureates_sought')} label={t(locale, m.fieldLaureatesSought)} required />

          <h2 safe>{t(locale, m.sectionTracks)}</h2>
          <p class="fr-hint-text" safe>
            {t(locale, m.tracksHint)}
          </p>
          {Array.from({ length: trackRows }, (_, i) => (
            <fieldset class="fr-fieldset" aria-labelledby={`track-${i}-legend`}>
              <legend class="fr-fieldset__legend" id={`track-${i}-legend`} safe>
                {t(locale, m.trackRow, { n: i + 1 })}
              </legend>
              {TRACK_FIELDS.map((f) => (
                <div class="fr-fieldset__element fr-fieldset__element--inline">
                  <Input
                    {...field(`track_${i}_${f}`)}
                    label={trackLabel(locale, f, i + 1)}
                    {...(f === 'lead' ? { hint: t(locale, m.fieldTrackLeadHint) } : {})}
                  />
                </div>
              ))}
            </fieldset>
          ))}

          <h2 safe>{t(locale, m.sectionCriteria)}</h2>
          <p class="fr-hint-text" safe>
            {t(locale, m.criteriaHint)}
          </p>
          {Array.from({ length: criterionRows }, (_, i) => (
            <fieldset class="fr-fieldset" aria-labelledby={`criterion-${i}-legend`}>
              <legend class="fr-fieldset__legend" id={`criterion-${i}-legend`} safe>
                {t(locale, m.criterionRow, { n: i + 1 })}
              </legend>
              {CRITERION_FIELDS.map((f) => (
                <div class="fr-fieldset__element">
                  {f.startsWith('description') ? (
                    <TextArea {...field(`criterion_${i}_${f}`)} label={criterionLabel(locale, f, i + 1)} rows={2} />
                  ) : (
                    <Input {...field(`criterion_${i}_${f}`)} label={criterionLabel(locale, f, i + 1)} />
                  )}
                </div>
              ))}
            </fieldset>
          ))}

          <ul class="fr-btns-group fr-btns-group--inline">
            <li>
              <button type="submit" class="fr-btn" safe>
                {t(locale, m.save)}
              </button>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href="/admin/saisons" safe>
                {t(locale, m.cancel)}
              </a>
            </li>
          </ul>
        </form>
      </div>
    </Page>
  );
}
