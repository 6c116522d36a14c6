import type { FieldError } from '../../../../core/http/forms.js';
import { t } from '../../../../core/i18n/i18n.js';
import { Alert, CsrfField, ErrorSummary, Select } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { SeasonRecord } from '../../../seasons/queries.js';
import { applicationMessages as m } from '../../messages.js';
import { outlineMessages as om } from '../../outline/messages.js';
import { kindLabel, pick } from '../../views/text.js';

/** /candidater/:seasonSlug: choose the track and the kind of applicant, which creates a draft. */
export function ApplyPage(props: {
  ctx: ViewContext;
  season: SeasonRecord;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  open: boolean;
}): JSX.Element {
  const { ctx, season, values, errors } = props;
  const { locale } = ctx;
  const heading = t(locale, m.applyTitle, { season: pick(locale, season.name, season.nameEn) });
  const labels = { track_code: t(locale, m.track), applicant_kind: t(locale, m.applicantKind) };
  return (
    <Page ctx={ctx} title={heading}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{heading}</h1>
        {props.open ? <p safe>{t(locale, m.applyIntro)}</p> : <Alert kind="info" title={t(locale, m.callNotOpen)} />}
        <p>
          <a class="fr-link" href={`/candidater/${encodeURIComponent(season.slug)}/questions`} safe>
            {t(locale, om.seeQuestions)}
          </a>
        </p>
        <ErrorSummary locale={locale} errors={errors} labels={labels} />
        {props.open ? (
          <form method="post" action={`/candidater/${encodeURIComponent(season.slug)}`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Select
              locale={locale}
              name="track_code"
              label={labels.track_code}
              value={values.track_code ?? ''}
              error={errors.track_code}
              required
              options={season.tracks.map((tr) => ({
                value: tr.code,
                label: `${pick(locale, tr.name, tr.nameEn)}${tr.lead ? ` (${tr.lead})` : ''}`,
              }))}
            />
            <Select
              locale={locale}
              name="applicant_kind"
              label={labels.applicant_kind}
              value={values.applicant_kind ?? ''}
              error={errors.applicant_kind}
              required
              options={season.eligibleKinds.map((k) => ({ value: k, label: kindLabel(locale, k) }))}
            />
            <button type="submit" class="fr-btn" safe>
              {t(locale, m.createDraft)}
            </button>
          </form>
        ) : (
          <a class="fr-link" href="/mes-candidatures" safe>
            {t(locale, m.myApplications)}
          </a>
        )}
      </div>
    </Page>
  );
}
